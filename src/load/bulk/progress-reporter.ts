/**
 * Progress of a bulk ingest on stderr: a bar on a terminal (files done of total, reports/s,
 * loaded, failed, skipped, ETA), or, off a terminal (CI, pipes), one line every `intervalMs`.
 * Files are counted as the walk finds them ("found so far…", no ETA) until it has found them
 * all. A data file is one file however many rows it has, so while one loads a second bar (or the
 * line's tail) follows its rows and bytes; a file of many records (JSONL, a JSON array) is one
 * file too, and its records so far follow the line. Result lines go through `log` so they never
 * tear the bar.
 */
import path from 'node:path';
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import type { DataFileProgress } from '../../ingest/datasets/read-progress.ts';
import {
  dataFilePercent,
  formatDataFileEta,
  formatDoneOfTotal,
  formatEtaPart,
  formatProgressLine,
  formatRecordsFileProgress,
  formatSkipped,
  ratePerSecond,
  type DataFileState,
  type ProgressCounts,
  type RecordsFileState,
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
    found: 0,
    results: 0,
    loaded: 0,
    failed: 0,
    skipped: 0,
    elapsedSeconds: 0,
  };
  /** The multi-record file whose records are coming through: done when a result of another file comes. */
  #recordsFile: { file: string; records: number } | null = null;
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
            'ingest [{bar}] {files} | {rate} reports/s | {loaded} loaded | {failed} failed{skipped}{eta}{records}',
          hideCursor: true,
          stream: options.stream,
        },
        Presets.shades_classic,
      );
      this.#bar = this.#bars.create(1, 0, this.#payload());
    } else if (options.mode === 'lines') {
      this.#timer = setInterval(
        () =>
          options.stream.write(
            `${formatProgressLine(this.snapshot(), this.dataFileSnapshot(), this.recordsFileSnapshot())}\n`,
          ),
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

  /** The multi-record file whose records are coming through now, or null. */
  recordsFileSnapshot(): RecordsFileState | null {
    const open = this.#recordsFile;
    return open ? { name: path.basename(open.file), records: open.records } : null;
  }

  /** A data file's load got further (after each batch of its rows). */
  dataFileProgress(file: string, progress: DataFileProgress): void {
    if (this.#dataFile?.file !== file) this.#dataFile = { file, started: Date.now(), progress };
    else this.#dataFile.progress = progress;
    this.#refreshDataBar();
  }

  /** The walk found one more file (the total is not known yet). */
  countFile(): void {
    this.#counts.found += 1;
    this.#refresh();
  }

  /** The walk is done: `files` in all. */
  setTotal(files: number): void {
    this.#counts.found = files;
    this.#counts.total = files;
    this.#refresh();
  }

  /** One result: a file's, or one record's of a multi-record file (the file is done when its last is). */
  record(result: ItemResult): void {
    if (result.kind === 'data-file' && result.file === this.#dataFile?.file) this.#endDataFile();
    const recordOf = result.kind === 'report' ? result.recordOf : undefined;
    if (this.#recordsFile && this.#recordsFile.file !== recordOf) this.#endRecordsFile();
    if (recordOf === undefined) this.#counts.done += 1;
    else if (this.#recordsFile) this.#recordsFile.records += 1;
    else this.#recordsFile = { file: recordOf, records: 1 };
    this.#counts.results += 1;
    if (result.status === 'loaded') this.#counts.loaded += 1;
    if (result.status === 'failed') this.#counts.failed += 1;
    if (result.status === 'skipped') this.#counts.skipped += 1;
    this.#refresh();
  }

  /** The last results are in: a multi-record file still open is done. */
  finish(): void {
    if (this.#recordsFile) this.#endRecordsFile();
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
    const records = this.recordsFileSnapshot();
    return {
      files: formatDoneOfTotal(counts),
      rate: ratePerSecond(counts).toFixed(1),
      loaded: counts.loaded,
      failed: counts.failed,
      skipped: formatSkipped(counts).replace(',', ' |'),
      eta: formatEtaPart(counts).replace(',', ' |'),
      records: records ? ` | ${formatRecordsFileProgress(records)}` : '',
    };
  }

  #endRecordsFile(): void {
    this.#recordsFile = null;
    this.#counts.done += 1;
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
    this.#bar.setTotal(Math.max(this.#counts.total ?? this.#counts.found, this.#counts.done, 1));
    this.#bar.update(this.#counts.done, this.#payload());
  }
}
