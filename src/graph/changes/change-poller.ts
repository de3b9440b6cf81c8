/**
 * One poller per server, shared by every subscriber: each time the server's VersionWatcher reads
 * the graph's mark (every GRAPH_WATCH_MS, one node by its key) and the feed's counter has moved
 * past where the poller stopped, it reads the feed from there and hands each batch to every
 * subscriber. Reading the feed, not listening to this process's own writes, is what lets a
 * server push a change that an ingest in another process or another server committed; asking
 * the one-node mark first keeps a short interval cheap. It runs only while someone listens.
 */
import type { Database } from '../../db/executor.ts';
import type { GraphMark, VersionWatcher } from '../version-watch/version-watcher.ts';
import { readChangesWithSubjectsPage, type ChangeWithSubject } from './change-subjects.ts';
import { readLastSeq, SCAN_LIMIT } from './read-changes.ts';

/** Changes read in one poll, each INSPECTION and ENFORCEMENT change with its subject. */
export interface ChangeBatch {
  readonly rows: readonly ChangeWithSubject[];
}

interface Listener {
  push(batch: ChangeBatch): void;
}

/** A subscriber's view: batches in feed order, ended by `return()` (the client left). */
export type BatchStream = AsyncIterableIterator<ChangeBatch>;

export class ChangePoller {
  private readonly listeners = new Set<Listener>();
  /** Ends the poller's listening to the watcher; null while nobody subscribes. */
  private unwatch: (() => void) | null = null;
  /** Feed position read up to; null until the first subscriber's start. */
  private position: number | null = null;
  /** The feed's counter as the watcher last saw it. */
  private seenSeq = 0;
  private polling: Promise<void> | null = null;
  private starting: Promise<void> | null = null;
  private failing = false;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly watcher: VersionWatcher,
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
    if (!done && !this.stopped) this.unwatch ??= this.watcher.listen((mark) => this.onMark(mark));
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
    this.unwatch?.();
    this.unwatch = null;
    // A later first listener starts from the feed's end then, not from where this run stopped.
    if (this.listeners.size === 0) this.position = null;
  }

  /** Reads the feed when its counter moved past the position (a failed poll retries on the next mark). */
  private onMark(mark: GraphMark): void {
    this.seenSeq = Math.max(this.seenSeq, mark.changeSeq);
    this.pollIfBehind();
  }

  private pollIfBehind(): void {
    if (this.stopped || this.polling || this.position === null) return;
    if (this.seenSeq <= this.position) return;
    const from = this.position;
    this.polling = this.poll().finally(() => {
      this.polling = null;
      // Marks seen during the poll may have moved the counter further; a poll that moved
      // nothing (it failed, or the next change is still being committed) waits for the next mark.
      if (this.position !== null && this.position > from) this.pollIfBehind();
    });
  }

  /**
   * Starts at the feed's end: a first listener gets what commits after it came. The feed's
   * queries are then sent once with nothing to find, so Neo4j has planned them before the first
   * change arrives (planning them on the way made the first event after a start seconds late).
   */
  private async findPosition(): Promise<void> {
    if (this.position !== null) return;
    this.starting ??= this.db
      .read(readLastSeq, {})
      .then(([last]) => {
        this.position ??= last?.seq ?? 0;
        this.seenSeq = Math.max(this.seenSeq, this.position);
        void this.planFeedQueries();
      })
      .finally(() => (this.starting = null));
    await this.starting;
  }

  private async planFeedQueries(): Promise<void> {
    try {
      await readChangesWithSubjectsPage(this.db, { afterSeq: Number.MAX_SAFE_INTEGER, first: 1 });
    } catch {
      // Only a head start: a failure here shows again, and is logged, at the first poll.
    }
  }

  private async poll(): Promise<void> {
    try {
      for (;;) {
        // One query: the feed's page and the subjects the subscriptions filter on.
        const page = await readChangesWithSubjectsPage(this.db, {
          afterSeq: this.position!,
          first: SCAN_LIMIT,
        });
        if (this.position === null) return; // every listener left meanwhile
        this.position = page.endSeq;
        if (page.rows.length > 0) {
          const batch: ChangeBatch = { rows: page.rows };
          for (const listener of this.listeners) listener.push(batch);
        }
        if (!page.hasNextPage) break;
      }
      if (this.failing) this.log('subscriptions: the change feed answers again');
      this.failing = false;
    } catch (error) {
      // The next mark retries from the same position, so nothing is skipped.
      if (!this.failing)
        this.log(`subscriptions: reading the change feed failed (${String(error).split('\n')[0]})`);
      this.failing = true;
    }
  }
}
