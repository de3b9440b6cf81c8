/**
 * One poller per server, shared by every subscriber: it reads the change feed every
 * `intervalMs` from where it last stopped and hands each batch to every subscriber. Polling the
 * feed, not listening to this process's own writes, is what lets a server push a change that an
 * ingest in another process or another server committed. It runs only while someone listens.
 */
import type { Database } from '../../db/executor.ts';
import { readSubjects, type ChangeSubject } from './change-subjects.ts';
import { readChanges, readLastSeq, SCAN_LIMIT, type ChangeRow } from './read-changes.ts';

/** How often the feed is read while anyone listens (SUBSCRIPTION_POLL_MS). */
export const DEFAULT_POLL_MS = 250;

/** Changes read in one poll, with their subjects read once, when a subscriber first asks. */
export class ChangeBatch {
  private subjectsRead: Promise<Map<string, ChangeSubject>> | null = null;

  constructor(
    private readonly db: Database,
    readonly rows: readonly ChangeRow[],
  ) {}

  subjects(): Promise<Map<string, ChangeSubject>> {
    this.subjectsRead ??= readSubjects(this.db, {
      inspectionIds: this.idsOf('INSPECTION'),
      enforcementIds: this.idsOf('ENFORCEMENT'),
    });
    return this.subjectsRead;
  }

  private idsOf(type: ChangeRow['entityType']): string[] {
    return [...new Set(this.rows.filter((r) => r.entityType === type).map((r) => r.entityId))];
  }
}

interface Listener {
  push(batch: ChangeBatch): void;
}

/** A subscriber's view: batches in feed order, ended by `return()` (the client left). */
export type BatchStream = AsyncIterableIterator<ChangeBatch>;

export class ChangePoller {
  private readonly listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | null = null;
  /** Feed position read up to; null until the first poll after a start. */
  private position: number | null = null;
  private polling: Promise<void> | null = null;
  private starting: Promise<void> | null = null;
  private failing = false;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly intervalMs: number = DEFAULT_POLL_MS,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /**
   * Batches of the changes committed after the call (once it has resolved, every later commit
   * is in the stream); the poller starts with its first listener.
   */
  async subscribe(): Promise<BatchStream> {
    const queue: ChangeBatch[] = [];
    let wake: ((result: IteratorResult<ChangeBatch>) => void) | null = null;
    let done = false;
    const listener: Listener = {
      push: (batch) => {
        if (wake) {
          const resolve = wake;
          wake = null;
          resolve({ value: batch, done: false });
        } else queue.push(batch);
      },
    };
    const finish = (): Promise<IteratorResult<ChangeBatch>> => {
      done = true;
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.pause();
      wake?.({ value: undefined, done: true });
      wake = null;
      return Promise.resolve({ value: undefined, done: true });
    };
    this.listeners.add(listener);
    try {
      await this.findPosition();
    } catch (error) {
      await finish();
      throw error;
    }
    this.schedule(0);
    const stream: BatchStream = {
      next: () => {
        if (done) return Promise.resolve({ value: undefined, done: true });
        const batch = queue.shift();
        if (batch) return Promise.resolve({ value: batch, done: false });
        return new Promise((resolve) => (wake = resolve));
      },
      return: finish,
      [Symbol.asyncIterator]: () => stream,
    };
    return stream;
  }

  /** Stops polling for good (server shutdown) and waits for a poll under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.pause();
    await this.polling;
  }

  private pause(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // A later first listener starts from the feed's end then, not from where this run stopped.
    if (this.listeners.size === 0) this.position = null;
  }

  private schedule(delayMs: number): void {
    if (this.stopped || this.timer || this.polling || this.listeners.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.polling = this.poll().finally(() => {
        this.polling = null;
        this.schedule(this.intervalMs);
      });
    }, delayMs);
  }

  /** Starts at the feed's end: a first listener gets what commits after it came. */
  private async findPosition(): Promise<void> {
    if (this.position !== null) return;
    this.starting ??= this.db
      .read(readLastSeq, {})
      .then(([last]) => {
        this.position ??= last?.seq ?? 0;
      })
      .finally(() => (this.starting = null));
    await this.starting;
  }

  private async poll(): Promise<void> {
    try {
      await this.findPosition();
      for (;;) {
        const page = await readChanges(this.db, {
          afterSeq: this.position!,
          first: SCAN_LIMIT,
          types: [],
        });
        if (this.position === null) return; // every listener left meanwhile
        this.position = page.endSeq;
        if (page.rows.length > 0) {
          const batch = new ChangeBatch(this.db, page.rows);
          for (const listener of this.listeners) listener.push(batch);
        }
        if (!page.hasNextPage) break;
      }
      if (this.failing) this.log('subscriptions: the change feed answers again');
      this.failing = false;
    } catch (error) {
      // The next poll retries from the same position, so nothing is skipped.
      if (!this.failing)
        this.log(`subscriptions: reading the change feed failed (${String(error).split('\n')[0]})`);
      this.failing = true;
    }
  }
}
