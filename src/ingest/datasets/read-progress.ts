/**
 * How far a data file's reader has got, for progress on a file that can take minutes to load.
 * Bytes rather than rows: the byte total is known before the first row (the file's size), the
 * row total only after the last.
 */
export interface ReadProgress {
  /** Bytes of the file read so far (a reader sets it as its chunks arrive). */
  bytesRead: number;
}

/** What `ingestDataFile` reports after each batch of rows. */
export interface DataFileProgress {
  rows: number;
  bytesRead: number;
  /** The file's size when its load started. */
  bytesTotal: number;
}
