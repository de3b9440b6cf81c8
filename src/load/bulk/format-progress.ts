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
  done: number;
  /** Null while the walk is still counting; `counted` is how many it has found so far. */
  total: number | null;
  counted: number;
  loaded: number;
  failed: number;
  elapsedSeconds: number;
}

export function ratePerSecond(counts: ProgressCounts): number {
  return counts.elapsedSeconds > 0 ? counts.done / counts.elapsedSeconds : 0;
}

/** `1200/28144 files` once the total is known, `1200/3000+ files` while counting. */
export function formatDoneOfTotal(counts: ProgressCounts): string {
  return counts.total === null
    ? `${counts.done}/${counts.counted}+ files`
    : `${counts.done}/${counts.total} files`;
}

/** The line printed every so often when stderr is not a terminal (CI, pipes, logs), with the data file loading now, if any. */
export function formatProgressLine(
  counts: ProgressCounts,
  dataFile: DataFileState | null = null,
): string {
  const rate = ratePerSecond(counts);
  const line = `ingest: ${formatDoneOfTotal(counts)}, ${rate.toFixed(1)} reports/s, ${counts.loaded} loaded, ${counts.failed} failed, ETA ${formatEta(counts.done, counts.total, rate)}`;
  return dataFile ? `${line}; data file ${formatDataFileProgress(dataFile)}` : line;
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
