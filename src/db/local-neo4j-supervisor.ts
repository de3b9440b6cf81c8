/**
 * Restarts the local Neo4j when it dies (kill -9, out of memory) while this command uses it,
 * on the same port, so the driver's connections find it again without anyone restarting the
 * command. Every command holding a lease watches it; the start lock makes sure only one of them
 * launches the new process and the others find it running.
 */
import type { ChildProcess } from 'node:child_process';
import type { LocalNeo4jSettings } from '../config.ts';
import { findRunningInstance } from './local-neo4j-folder.ts';
import { launchLocalNeo4j, type LaunchedNeo4j } from './local-neo4j-launch.ts';
import { isProcessAlive, sleep } from './processes.ts';
import { withStartLock } from './start-lock.ts';

const CHECK_INTERVAL_MS = 1_000;
const MAX_RETRY_DELAY_MS = 30_000;

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

export class LocalNeo4jSupervisor {
  private pid = 0;
  private readonly timer: NodeJS.Timeout;
  private stopped = false;
  private restarting: Promise<void> | null = null;

  constructor(
    private readonly settings: LocalNeo4jSettings,
    private readonly port: number,
    instance: LaunchedNeo4j,
    private readonly log: (line: string) => void,
  ) {
    this.watch(instance);
    // A Neo4j this process launched reports its exit at once; one another command launched is
    // only seen gone by polling its pid.
    this.timer = setInterval(() => {
      if (!isProcessAlive(this.pid)) this.onDeath(null);
    }, CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  private watch(instance: { pid: number; child: ChildProcess | null }): void {
    this.pid = instance.pid;
    instance.child?.once('exit', (code, signal) => {
      if (instance.pid === this.pid) this.onDeath(signal ?? `exit code ${code}`);
    });
  }

  private onDeath(how: string | null): void {
    if (this.stopped || this.restarting) return;
    this.log(
      `The local Neo4j (pid ${this.pid}) stopped unexpectedly${how ? ` (${how})` : ''}; restarting it on port ${this.port}…`,
    );
    this.restarting = this.restart(Date.now()).finally(() => (this.restarting = null));
  }

  private async restart(diedAt: number): Promise<void> {
    let delay = 1_000;
    while (!this.stopped) {
      try {
        const instance = await withStartLock(this.settings.dataDir, this.log, async () => {
          if (this.stopped) return null;
          const running = await findRunningInstance(this.settings.dataDir);
          if (running) return { ...running, child: null, byOther: true };
          return {
            ...(await launchLocalNeo4j(this.settings, this.port, this.log)),
            byOther: false,
          };
        });
        if (!instance) return;
        this.watch(instance);
        const seconds = ((Date.now() - diedAt) / 1000).toFixed(1);
        this.log(
          `The local Neo4j is back on bolt://127.0.0.1:${instance.port} (pid ${instance.pid}), ${seconds} s after it stopped${instance.byOther ? ', restarted by another command' : ''}.`,
        );
        return;
      } catch (error) {
        this.log(
          `Restarting the local Neo4j failed: ${firstLine(error)}; trying again in ${delay / 1000} s.`,
        );
        const until = Date.now() + delay;
        while (!this.stopped && Date.now() < until) await sleep(200);
        delay = Math.min(delay * 2, MAX_RETRY_DELAY_MS);
      }
    }
  }

  /** Stops watching; waits for a restart under way to finish, so nothing is left half started. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.restarting;
  }
}
