/**
 * Debounced background refreshes for a running server: each upload through the ingest mutation
 * asks for one, a burst of uploads gets one refresh after the last, and a request arriving while
 * a refresh runs gets another after it. Until then the questions answer by the exact queries,
 * so a delayed refresh is slower, never wrong.
 */
import type { Database } from '../../db/executor.ts';
import { refreshSummaries, type KindRefresh } from './refresh-summaries.ts';

export const DEFAULT_REFRESH_DELAY_MS = 5_000;

export class SummaryRefresher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private pending = false;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly delayMs: number,
    private readonly log: (line: string) => void,
  ) {}

  /** Asks for a refresh `delayMs` after the last call. */
  schedule(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.start();
    }, this.delayMs);
    this.timer.unref();
  }

  private async start(): Promise<void> {
    if (this.running) {
      this.pending = true;
      return;
    }
    this.running = refreshSummaries(this.db, { onlyStale: true }).then(
      (kinds) => this.log(describeRefresh(kinds)),
      (error: unknown) => this.log(describeRefreshFailure(error)),
    );
    await this.running;
    this.running = null;
    if (this.pending && !this.stopped) {
      this.pending = false;
      await this.start();
    }
  }

  /** Cancels a refresh not yet started and waits for one under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}

/** One line: total time and each kind's. */
export function describeRefresh(kinds: readonly KindRefresh[]): string {
  const total = kinds.reduce((sum, k) => sum + k.seconds, 0);
  const parts = kinds.map(
    (k) =>
      `${k.kind} ${k.status === 'rebuilt' ? `${k.seconds.toFixed(1)} s` : k.status}${k.error ? ` (${k.error})` : ''}`,
  );
  return `summaries refreshed in ${total.toFixed(1)} s (${parts.join(', ')})`;
}

/** One line: the questions keep answering from the exact queries, so this is a notice, not a stop. */
export function describeRefreshFailure(error: unknown): string {
  return `summaries not refreshed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
}
