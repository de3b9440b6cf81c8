/**
 * Progress of a sync on stderr, as `npm run ingest` shows its own: on a terminal a bar of the
 * current window's records and reports in the cache of those listed, with the requests sent;
 * elsewhere one line every `intervalMs`. Other lines go through `log` so they never tear the bar.
 */
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import type { WindowCounts } from './fetch-window.ts';
import type { SyncWindow } from './sync-windows.ts';

export type SyncProgressMode = 'bar' | 'lines' | 'off';

export interface SyncProgressOptions {
  mode: SyncProgressMode;
  intervalMs: number;
  stream: NodeJS.WriteStream;
  say: (line: string) => void;
  /** Requests sent so far (every try). */
  requests: () => number;
}

export class SyncProgress {
  readonly #options: SyncProgressOptions;
  #bars: MultiBar | null = null;
  #bar: SingleBar | null = null;
  #timer: NodeJS.Timeout | null = null;
  #window = '';
  #counts: WindowCounts = { listed: 0, done: 0 };

  constructor(options: SyncProgressOptions) {
    this.#options = options;
    if (options.mode === 'bar') {
      this.#bars = new MultiBar(
        {
          format: 'sync cqc [{bar}] {value}/{total} fetched | {requests} requests | {window}',
          hideCursor: true,
          stream: options.stream,
        },
        Presets.shades_classic,
      );
      this.#bar = this.#bars.create(1, 0, this.#payload());
    } else if (options.mode === 'lines') {
      this.#timer = setInterval(() => options.stream.write(`${this.line()}\n`), options.intervalMs);
      this.#timer.unref();
    }
  }

  /** `sync cqc: window 2/5 (…): 40/120 fetched, 57 requests` */
  line(): string {
    const { done, listed } = this.#counts;
    return `sync cqc: ${this.#window}: ${done}/${listed} fetched, ${this.#options.requests()} requests`;
  }

  startWindow(window: SyncWindow, index: number, total: number): void {
    this.#window = `window ${index + 1}/${total} (${window.start} → ${window.end})`;
    this.#counts = { listed: 0, done: 0 };
    this.log(`sync cqc: ${this.#window}`);
    this.#bar?.setTotal(1);
    this.#bar?.update(0, this.#payload());
  }

  fetched(counts: WindowCounts): void {
    this.#counts = { ...counts };
    this.#bar?.setTotal(Math.max(1, counts.listed));
    this.#bar?.update(counts.done, this.#payload());
  }

  /** A line above the bar (or plain when there is none). */
  log(line: string): void {
    if (this.#bars) this.#bars.log(`${line}\n`);
    else this.#options.say(line);
  }

  stop(): void {
    this.#bars?.stop();
    this.#bars = null;
    this.#bar = null;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  #payload(): Record<string, string | number> {
    return { requests: this.#options.requests(), window: this.#window };
  }
}
