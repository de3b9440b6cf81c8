/**
 * Progress of a bulk ingest on stderr: a bar on a terminal (files done of total, reports/s,
 * loaded, failed, ETA), or, off a terminal (CI, pipes), one line every `intervalMs`. Result lines
 * go through `log` so they never tear the bar.
 */
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import { formatDoneOfTotal, formatEta, formatProgressLine, ratePerSecond, type ProgressCounts } from './format-progress.ts';
import type { ItemResult } from './work-items.ts';

export type ProgressMode = 'bar' | 'lines' | 'off';

export interface ProgressOptions {
  mode: ProgressMode;
  intervalMs: number;
  stream: NodeJS.WriteStream;
  /** Where result lines go when there is no bar to print above. */
  say: (line: string) => void;
}

export class ProgressReporter {
  readonly #options: ProgressOptions;
  readonly #started = Date.now();
  readonly #counts: ProgressCounts = { done: 0, total: null, counted: 0, loaded: 0, failed: 0, elapsedSeconds: 0 };
  /** Records found inside multi-record files beyond the one file the walk counted. */
  #extra = 0;
  #bars: MultiBar | null = null;
  #bar: SingleBar | null = null;
  #timer: NodeJS.Timeout | null = null;

  constructor(options: ProgressOptions) {
    this.#options = options;
    if (options.mode === 'bar') {
      this.#bars = new MultiBar(
        { format: 'ingest [{bar}] {files} | {rate} reports/s | {loaded} loaded | {failed} failed | ETA {eta_text}', hideCursor: true, stream: options.stream },
        Presets.shades_classic,
      );
      this.#bar = this.#bars.create(1, 0, this.#payload());
    } else if (options.mode === 'lines') {
      this.#timer = setInterval(() => options.stream.write(`${formatProgressLine(this.snapshot())}\n`), options.intervalMs);
      this.#timer.unref();
    }
  }

  snapshot(): ProgressCounts {
    return { ...this.#counts, elapsedSeconds: (Date.now() - this.#started) / 1000 };
  }

  /** The walk found one more file (the total is not known yet). */
  countFile(): void {
    this.#counts.counted += 1;
    this.#refresh();
  }

  /** The walk is done: `files` in all. */
  setTotal(files: number): void {
    this.#counts.counted = files;
    this.#counts.total = files + this.#extra;
    this.#refresh();
  }

  addItems(count: number): void {
    this.#extra += count;
    if (this.#counts.total !== null) this.#counts.total += count;
    this.#refresh();
  }

  record(result: ItemResult): void {
    this.#counts.done += 1;
    if (result.status === 'loaded') this.#counts.loaded += 1;
    if (result.status === 'failed') this.#counts.failed += 1;
    this.#refresh();
  }

  log(line: string): void {
    if (this.#bars) this.#bars.log(`${line}\n`);
    else this.#options.say(line);
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#bars?.stop();
  }

  #payload(): Record<string, string | number> {
    const counts = this.snapshot();
    const rate = ratePerSecond(counts);
    return { files: formatDoneOfTotal(counts), rate: rate.toFixed(1), loaded: counts.loaded, failed: counts.failed, eta_text: formatEta(counts.done, counts.total, rate) };
  }

  #refresh(): void {
    if (!this.#bar) return;
    this.#bar.setTotal(Math.max(this.#counts.total ?? this.#counts.counted + this.#extra, this.#counts.done, 1));
    this.#bar.update(this.#counts.done, this.#payload());
  }
}
