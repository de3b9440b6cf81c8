/**
 * One watcher per server of the graph's mark: the answer version (graph version and links
 * counter, what the response cache keys answers by) and the change feed's counter, all three on
 * the one GraphState node, read by its unique key every `intervalMs`. A cached answer is then
 * served with no round trip, and the change poller reads the feed only when its counter moved.
 *
 * Staleness is bounded, never left to chance: the version is handed out only while the read that
 * gave it STARTED at most `maxAgeMs` (twice the interval) ago, so a write committed by any
 * process is seen by every request that arrives `maxAgeMs` after its commit. A failed read, a
 * slow one, a watcher that stopped or one not yet started all hand out nothing, and the caller
 * reads the version itself. A write made through this process distrusts every read started
 * before it (`noteWrite`), so its writer's next request sees it. Nothing expires by time: the
 * version only moves when the graph's counters do.
 */
import type { Database } from '../../db/executor.ts';
import { defineQuery, read } from '../../db/query.ts';
import { GRAPH_STATE_ID } from '../summaries/graph-version.ts';

/** What the watcher reads: the answer version (`version.links`) and the change feed's last seq. */
export interface GraphMark {
  answerVersion: string;
  changeSeq: number;
}

/** One lookup on a unique key; a graph with no state yet reads as version `0.0`, seq 0. */
export const readGraphMark = defineQuery<object, GraphMark>({
  name: 'graph-state.read-mark',
  cypher: `
    OPTIONAL MATCH (st:GraphState {id: '${GRAPH_STATE_ID}'})
    RETURN coalesce(st.version, 0) AS version, coalesce(st.linksVersion, 0) AS links,
           coalesce(st.changeSeq, 0) AS changeSeq`,
  parse: (row) => ({
    answerVersion: `${read.number(row, 'version')}.${read.number(row, 'links')}`,
    changeSeq: read.number(row, 'changeSeq'),
  }),
});

/** How often the mark is read while anyone needs it (GRAPH_WATCH_MS). */
export const DEFAULT_WATCH_MS = 100;

/** With no listener, the watcher stops this long after the version was last asked for. */
const IDLE_STOP_MS = 60_000;

export type MarkListener = (mark: GraphMark) => void;

export interface VersionWatcherOptions {
  intervalMs?: number;
  log?: (line: string) => void;
  /** Told of every read: its mark, or its error (tests wait on it). */
  onRead?: (outcome: GraphMark | Error) => void;
}

export class VersionWatcher {
  readonly intervalMs: number;
  private mark: GraphMark | null = null;
  /** When the read that gave `mark` started (performance.now()); -Infinity when untrusted. */
  private markStartedAt = -Infinity;
  /** Reads started before this are not trusted: a write went through this process after them. */
  private trustAfter = -Infinity;
  private lastDemand = -Infinity;
  private readonly listeners = new Set<MarkListener>();
  private timer: NodeJS.Timeout | null = null;
  private reading: Promise<void> | null = null;
  private readAgain = false;
  private failing = false;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly options: VersionWatcherOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? DEFAULT_WATCH_MS;
  }

  /** The longest a handed-out version may lag the graph: from its read's start to its use. */
  get maxAgeMs(): number {
    return 2 * this.intervalMs;
  }

  /**
   * The answer version when a read started at most `maxAgeMs` ago gave it, else null (then the
   * caller reads it itself). Asking keeps the watcher reading.
   */
  currentVersion(): string | null {
    const now = performance.now();
    this.lastDemand = now;
    this.schedule(0);
    if (this.mark === null || this.markStartedAt < this.trustAfter) return null;
    return now - this.markStartedAt <= this.maxAgeMs ? this.mark.answerVersion : null;
  }

  /** Starts reading as if the version had just been asked for (a server starting with a cache). */
  wake(): void {
    this.lastDemand = performance.now();
    this.schedule(0);
  }

  /** A write through this process committed: distrust every earlier read and read again now. */
  noteWrite(): void {
    this.trustAfter = performance.now();
    if (this.reading) this.readAgain = true;
    else {
      this.clearTimer();
      this.schedule(0);
    }
  }

  /** `listener` is told every mark read until the returned function is called; it keeps the watcher reading. */
  listen(listener: MarkListener): () => void {
    this.listeners.add(listener);
    this.schedule(0);
    return () => this.listeners.delete(listener);
  }

  /**
   * Stops for good (server shutdown). A read under way is not waited for (against a database
   * that went away it may retry for the driver's retry time); its outcome is dropped.
   */
  stop(): Promise<void> {
    this.stopped = true;
    this.clearTimer();
    this.markStartedAt = -Infinity;
    return Promise.resolve();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private isNeeded(): boolean {
    return this.listeners.size > 0 || performance.now() - this.lastDemand < IDLE_STOP_MS;
  }

  private schedule(delayMs: number): void {
    if (this.stopped || this.timer || this.reading || !this.isNeeded()) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const started = performance.now();
      this.reading = this.readMark(started).finally(() => {
        this.reading = null;
        // Fixed rate: the next read starts an interval after this one started.
        const wait = this.readAgain ? 0 : this.intervalMs - (performance.now() - started);
        this.readAgain = false;
        this.schedule(Math.max(0, wait));
      });
    }, delayMs);
    // A server's process ends when its server stops, whether or not the watcher still waits.
    this.timer.unref();
  }

  private async readMark(started: number): Promise<void> {
    try {
      const [mark] = await this.db.read(readGraphMark, {});
      if (this.stopped) return;
      this.mark = mark!;
      this.markStartedAt = started;
      if (this.failing) this.options.log?.('graph watch: the graph state answers again');
      this.failing = false;
      this.options.onRead?.(mark!);
      for (const listener of this.listeners) listener(mark!);
    } catch (error) {
      if (this.stopped) return;
      // Not knowing is not "unchanged": callers read the version themselves until a read succeeds.
      this.markStartedAt = -Infinity;
      if (!this.failing)
        this.options.log?.(
          `graph watch: reading the graph state failed (${String(error).split('\n')[0]})`,
        );
      this.failing = true;
      this.options.onRead?.(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
