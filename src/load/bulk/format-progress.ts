/** Durations, rates and progress lines as people read them. */

/** `45s`, `5m 15s`, `2h 03m`; `<1s` below a second. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds < 1) return '<1s';
  const whole = Math.round(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secs = whole % 60;
  if (hours > 0) return `${hours}h ${String(minutes).padStart(2, '0')}m`;
  if (minutes > 0) return `${minutes}m ${String(secs).padStart(2, '0')}s`;
  return `${secs}s`;
}

/** Time left at the current rate; `?` until both the total and a rate are known. */
export function formatEta(done: number, total: number | null, perSecond: number): string {
  if (total === null || perSecond <= 0) return '?';
  return formatDuration(Math.max(total - done, 0) / perSecond);
}

export interface ProgressCounts {
  /** Files finished: a data file or a multi-record file is one file, however many rows or records. */
  done: number;
  /** Files in all; null while the walk of the folders is still finding them. */
  total: number | null;
  /** Files the walk has found so far (the total once it is done). */
  found: number;
  /** Results so far (reports, records, data files): the rate counts these. */
  results: number;
  loaded: number;
  failed: number;
  skipped: number;
  elapsedSeconds: number;
}

/** Reports (and other results) per second over the run so far. */
export function ratePerSecond(counts: ProgressCounts): number {
  return counts.elapsedSeconds > 0 ? counts.results / counts.elapsedSeconds : 0;
}

/** Time left for the files still to do at the files' rate so far; `?` before the first is done. */
export function formatFilesEta(counts: ProgressCounts): string {
  return formatEta(
    counts.done,
    counts.total,
    counts.elapsedSeconds > 0 ? counts.done / counts.elapsedSeconds : 0,
  );
}

/**
 * `1200/28144 files` once the walk has found every file; while it is still finding them,
 * `1200 files done, 3000 found so far…`, as a total that is still growing would give a wrong ETA.
 */
export function formatDoneOfTotal(counts: ProgressCounts): string {
  return counts.total === null
    ? `${counts.done} files done, ${counts.found} found so far…`
    : `${counts.done}/${counts.total} files`;
}

/** `, 4 skipped` when any were; nothing otherwise. */
export function formatSkipped(counts: ProgressCounts): string {
  return counts.skipped > 0 ? `, ${counts.skipped} skipped` : '';
}

/** `, ETA 5m 16s` once the walk is done; nothing while it is still finding files. */
export function formatEtaPart(counts: ProgressCounts): string {
  return counts.total === null ? '' : `, ETA ${formatFilesEta(counts)}`;
}

/**
 * The line printed every so often when stderr is not a terminal (CI, pipes, logs), with the data
 * file or multi-record file loading now, if any.
 */
export function formatProgressLine(
  counts: ProgressCounts,
  dataFile: DataFileState | null = null,
  recordsFile: RecordsFileState | null = null,
): string {
  let line = `ingest: ${formatDoneOfTotal(counts)}, ${ratePerSecond(counts).toFixed(1)} reports/s, ${counts.loaded} loaded, ${counts.failed} failed${formatSkipped(counts)}${formatEtaPart(counts)}`;
  if (dataFile) line += `; data file ${formatDataFileProgress(dataFile)}`;
  if (recordsFile) line += `; ${formatRecordsFileProgress(recordsFile)}`;
  return line;
}

/** A file of many records (JSONL, a JSON array) whose records are coming through. */
export interface RecordsFileState {
  /** The file's base name. */
  name: string;
  records: number;
}

/** `location_details.jsonl: 120 records so far`: such a file is one file, so the file count stands still meanwhile. */
export function formatRecordsFileProgress(state: RecordsFileState): string {
  return `${state.name}: ${state.records} records so far`;
}

/** A data file being loaded: how far its reader has got since it started. */
export interface DataFileState {
  /** The file's base name. */
  name: string;
  rows: number;
  bytesRead: number;
  bytesTotal: number;
  elapsedSeconds: number;
}

/** Percent of the file read, 0–100 (100 for an empty file). */
export function dataFilePercent(state: DataFileState): number {
  if (state.bytesTotal <= 0) return 100;
  return Math.min(100, Math.floor((state.bytesRead / state.bytesTotal) * 100));
}

/** Time left for the file at its byte rate so far. */
export function formatDataFileEta(state: DataFileState): string {
  return formatEta(
    state.bytesRead,
    state.bytesTotal,
    state.elapsedSeconds > 0 ? state.bytesRead / state.elapsedSeconds : 0,
  );
}

/** `providers.csv: 12500 rows, 45% read, ETA 20s`: a large data file is one file, so the file count stands still while it loads. */
export function formatDataFileProgress(state: DataFileState): string {
  return `${state.name}: ${state.rows} rows, ${dataFilePercent(state)}% read, ETA ${formatDataFileEta(state)}`;
}
