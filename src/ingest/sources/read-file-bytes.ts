/**
 * A file's bytes, read synchronously when it is small: fs/promises (and the callback API) cost
 * far more per small file than readFileSync, and a bulk ingest reads thousands of them (each
 * report and its `.meta.json`) on the main thread, the thread that also feeds the loader. A large
 * file (a PDF, a data table) is still read asynchronously, so no read blocks the event loop for long.
 *
 * The size comes from the open file (fstat), not a stat of the path first: one system call
 * fewer per file.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

const SYNC_READ_MAX_BYTES = 1024 * 1024;

/** The file is larger than the caller's limit; nothing of it was read. */
export class FileTooLargeError extends Error {
  override name = 'FileTooLargeError';
  constructor(
    readonly file: string,
    readonly bytes: number,
    readonly limitBytes: number,
  ) {
    super(`${file}: ${bytes} bytes, over the limit of ${limitBytes}`);
  }
}

/** The path is a FIFO, socket or device: reading it could block for ever or never end. */
export class NotRegularFileError extends Error {
  override name = 'NotRegularFileError';
  readonly code = 'ENOTREGULAR';
  constructor(readonly file: string) {
    super(`${file}: not a regular file`);
  }
}

/**
 * Rejects with the fs error (its `code` says why) when the file cannot be read, with
 * NotRegularFileError for anything but a regular file and FileTooLargeError above `maxBytes`.
 * Opened without blocking, so a FIFO met here (the walk refuses them, but a path can change
 * between the walk and the read) is refused at once instead of blocking the main thread until
 * some writer opens it.
 */
export async function readFileBytes(file: string, maxBytes = Infinity): Promise<Buffer> {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  let size: number;
  try {
    const stats = fstatSync(fd);
    // A folder opens read-only without complaint; reading it is what fails, so say so as read would.
    if (stats.isDirectory())
      throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${file}'`), {
        code: 'EISDIR',
      });
    if (!stats.isFile()) throw new NotRegularFileError(file);
    size = stats.size;
    if (size > maxBytes) throw new FileTooLargeError(file, size, maxBytes);
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
