/**
 * Progress of a bulk ingest on stderr: a bar on a terminal (files done of total, reports/s,
 * loaded, failed, ETA), or, off a terminal (CI, pipes), one line every `intervalMs`. A data file
 * is one file however many rows it has, so while one loads a second bar (or the line's tail)
 * follows its rows and bytes. Result lines go through `log` so they never tear the bar.
 */
import path from 'node:path';
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import type { DataFileProgress } from '../../ingest/datasets/read-progress.ts';
import {
  dataFilePercent,
  formatDataFileEta,
  formatDoneOfTotal,
  formatEta,
  formatProgressLine,
  ratePerSecond,
  type DataFileState,
  type ProgressCounts,
} from './format-progress.ts';
import type { ItemResult } from './work-items.ts';

interface LoadingDataFile {
  file: string;
  started: number;
  progress: DataFileProgress;
}

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
  readonly #counts: ProgressCounts = {
    done: 0,
    total: null,
    counted: 0,
    loaded: 0,
    failed: 0,
    elapsedSeconds: 0,
  };
  /** Records found inside multi-record files beyond the one file the walk counted. */
  #extra = 0;
  #bars: MultiBar | null = null;
  #bar: SingleBar | null = null;
  #timer: NodeJS.Timeout | null = null;
  #dataFile: LoadingDataFile | null = null;
  #dataBar: SingleBar | null = null;

  constructor(options: ProgressOptions) {
    this.#options = options;
    if (options.mode === 'bar') {
      this.#bars = new MultiBar(
        {
          format:
            'ingest [{bar}] {files} | {rate} reports/s | {loaded} loaded | {failed} failed | ETA {eta_text}',
          hideCursor: true,
          stream: options.stream,
        },
        Presets.shades_classic,
      );
      this.#bar = this.#bars.create(1, 0, this.#payload());
    } else if (options.mode === 'lines') {
      this.#timer = setInterval(
        () =>
          options.stream.write(`${formatProgressLine(this.snapshot(), this.dataFileSnapshot())}\n`),
        options.intervalMs,
      );
      this.#timer.unref();
    }
  }

  snapshot(): ProgressCounts {
    return { ...this.#counts, elapsedSeconds: (Date.now() - this.#started) / 1000 };
  }

  /** The data file loading now, or null. */
  dataFileSnapshot(): DataFileState | null {
    const loading = this.#dataFile;
    if (!loading) return null;
    return {
      name: path.basename(loading.file),
      ...loading.progress,
      elapsedSeconds: (Date.now() - loading.started) / 1000,
    };
  }

  /** A data file's load got further (after each batch of its rows). */
  dataFileProgress(file: string, progress: DataFileProgress): void {
    if (this.#dataFile?.file !== file) this.#dataFile = { file, started: Date.now(), progress };
    else this.#dataFile.progress = progress;
    this.#refreshDataBar();
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
    if (result.kind === 'data-file' && result.file === this.#dataFile?.file) this.#endDataFile();
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
    return {
      files: formatDoneOfTotal(counts),
      rate: rate.toFixed(1),
      loaded: counts.loaded,
      failed: counts.failed,
      eta_text: formatEta(counts.done, counts.total, rate),
    };
  }

  #refreshDataBar(): void {
    const state = this.dataFileSnapshot();
    if (!this.#bars || !state) return;
    const payload = {
      name: state.name,
      rows: state.rows,
      percent_read: dataFilePercent(state),
      eta_text: formatDataFileEta(state),
    };
    const total = Math.max(state.bytesTotal, 1);
    if (!this.#dataBar) {
      const format = 'data   [{bar}] {name} | {rows} rows | {percent_read}% read | ETA {eta_text}';
      this.#dataBar = this.#bars.create(total, state.bytesRead, payload, { format });
    } else {
      this.#dataBar.setTotal(total);
      this.#dataBar.update(state.bytesRead, payload);
    }
  }

  #endDataFile(): void {
    this.#dataFile = null;
    if (this.#dataBar) this.#bars?.remove(this.#dataBar);
    this.#dataBar = null;
  }

  #refresh(): void {
    if (!this.#bar) return;
    this.#bar.setTotal(
      Math.max(this.#counts.total ?? this.#counts.counted + this.#extra, this.#counts.done, 1),
    );
    this.#bar.update(this.#counts.done, this.#payload());
  }
}
