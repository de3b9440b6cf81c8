/**
 * Riding out a database that went away, for long-running writers (`npm run ingest`): instead of
 * failing every report while Neo4j is down, the executor pauses on the first
 * `DATABASE_UNAVAILABLE`, says so in one line, polls until Neo4j answers again (a local one is
 * being restarted meanwhile) and then repeats what failed. Writes are idempotent (MERGE on
 * deterministic keys), so repeating one whose commit was lost with the connection is safe.
 * After a bounded wait it gives up once, with a clear error, and from then on fails at once, so
 * the rest of a run never waits again document by document.
 */
import type { Driver } from 'neo4j-driver';
import { DatabaseError } from './errors.ts';
import { sleep } from './processes.ts';

export interface OutageOptions {
  /** How long to wait for the database before giving up (NEO4J_WAIT_SECONDS). */
  maxWaitMs: number;
  /** Told when the wait starts, every `reportEveryMs` while it lasts, and how it ended. */
  log: (line: string) => void;
  /** Called once when the wait runs out, with the message of the error then thrown. */
  onGiveUp?: (message: string) => void;
  pollIntervalMs?: number;
  reportEveryMs?: number;
}

export function isUnavailable(error: unknown): error is DatabaseError {
  return error instanceof DatabaseError && error.kind === 'UNAVAILABLE';
}

export class OutageWaiter {
  private waiting: Promise<void> | null = null;
  private gaveUp: DatabaseError | null = null;

  constructor(
    private readonly driver: Driver,
    private readonly databaseName: string,
    private readonly where: string,
    private readonly options: OutageOptions,
  ) {}

  /**
   * Resolves once the database answers again; throws an UNAVAILABLE DatabaseError when it has
   * not within the bound. Concurrent callers share one wait (and one line of output).
   */
  waitUntilBack(): Promise<void> {
    if (this.gaveUp) return Promise.reject(this.gaveUp);
    return (this.waiting ??= this.poll().finally(() => (this.waiting = null)));
  }

  private async answers(): Promise<boolean> {
    try {
      await this.driver.verifyConnectivity({ database: this.databaseName });
      return true;
    } catch {
      return false;
    }
  }

  private async poll(): Promise<void> {
    const { maxWaitMs, log } = this.options;
    const pollMs = this.options.pollIntervalMs ?? 1_000;
    const reportMs = this.options.reportEveryMs ?? 15_000;
    const started = Date.now();
    let reported = started;
    log(
      `waiting for Neo4j at ${this.where}: it stopped answering; resuming when it is back (up to ${Math.round(maxWaitMs / 1000)} s, NEO4J_WAIT_SECONDS)…`,
    );
    for (;;) {
      if (await this.answers()) {
        log(`Neo4j is back after ${((Date.now() - started) / 1000).toFixed(1)} s; resuming.`);
        return;
      }
      const waited = Date.now() - started;
      if (waited >= maxWaitMs) break;
      if (Date.now() - reported >= reportMs) {
        reported = Date.now();
        log(`still waiting for Neo4j at ${this.where} (${Math.round(waited / 1000)} s)…`);
      }
      await sleep(Math.min(pollMs, maxWaitMs - waited));
    }
    const message = `Neo4j at ${this.where} did not answer for ${Math.round(maxWaitMs / 1000)} s (NEO4J_WAIT_SECONDS); giving up. Start it again and rerun the same command: what went in is kept and skipped.`;
    this.gaveUp = new DatabaseError('UNAVAILABLE', message, null, null);
    this.options.onGiveUp?.(message);
    throw this.gaveUp;
  }
}
