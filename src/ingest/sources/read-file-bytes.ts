/**
 * A file's bytes, read synchronously when it is small: fs/promises (and the callback API) cost
 * far more per small file than readFileSync, and a bulk ingest reads thousands of them (each
 * report and its `.meta.json`) on the main thread, the thread that also feeds the loader. A large
 * file (a PDF, a data table) is still read asynchronously, so no read blocks the event loop for long.
 *
 * The size comes from the open file (fstat), not a stat of the path first: one system call
 * fewer per file.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

const SYNC_READ_MAX_BYTES = 1024 * 1024;

/** Rejects with the fs error (its `code` says why) when the file cannot be read. */
export async function readFileBytes(file: string): Promise<Buffer> {
  const fd = openSync(file, 'r');
  let size: number;
  try {
    size = fstatSync(fd).size;
    if (size <= SYNC_READ_MAX_BYTES) return readOpenFile(fd, size);
  } finally {
    closeSync(fd);
  }
  return readFile(file);
}

/** Up to `size` bytes from the start of `fd`; fewer when the file shrank since its fstat. */
function readOpenFile(fd: number, size: number): Buffer {
  const buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const read = readSync(fd, buffer, filled, size - filled, filled);
    if (read === 0) break;
    filled += read;
  }
  return filled === size ? buffer : buffer.subarray(0, filled);
}
