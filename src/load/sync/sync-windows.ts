/**
 * The time windows a sync asks the changes endpoint about. The CQC documents that successive
 * calls should start where the previous one ended, so windows follow each other with no gap and
 * no overlap: from the checkpoint (the end of the last window completed) or `--since`, to
 * `--until` or now, cut into windows of at most `windowHours`.
 */

export interface SyncWindow {
  /** ISO 8601 UTC to the second, as the API takes them: 2025-01-01T00:00:00Z. */
  start: string;
  end: string;
}

/** A time as the API's timestamps: UTC, whole seconds, `Z`. */
export function formatApiTimestamp(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The windows from `start` to `end`, each at most `windowHours` long; none when start ≥ end. */
export function planWindows(start: Date, end: Date, windowHours: number): SyncWindow[] {
  const windows: SyncWindow[] = [];
  const stepMs = windowHours * 3_600_000;
  for (let from = start.getTime(); from < end.getTime(); from += stepMs) {
    const to = Math.min(from + stepMs, end.getTime());
    windows.push({
      start: formatApiTimestamp(new Date(from)),
      end: formatApiTimestamp(new Date(to)),
    });
  }
  return windows;
}

/** The window as a folder name (no colons, so it is a valid name everywhere). */
export function windowFolderName(window: SyncWindow): string {
  return `${window.start}_${window.end}`.replace(/:/g, '-');
}
