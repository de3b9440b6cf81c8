/** Reading a report's bytes: a FIFO is refused at once (never waited on), a file over the limit before it is read. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  FileTooLargeError,
  NotRegularFileError,
  readFileBytes,
} from '../../../src/ingest/sources/read-file-bytes.ts';
import { describeTooLarge, DEFAULT_REPORT_LIMITS } from '../../../src/load/report-limits.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'read-bytes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readFileBytes', () => {
  it('refuses a FIFO that no one writes to instead of waiting for a writer', async () => {
    const fifo = path.join(dir, 'report.txt');
    execFileSync('mkfifo', [fifo]);
    await expect(readFileBytes(fifo)).rejects.toBeInstanceOf(NotRegularFileError);
  });

  it('refuses a file over the limit without reading it, and reads one at the limit', async () => {
    const file = path.join(dir, 'big.txt');
    writeFileSync(file, 'x'.repeat(2000));
    await expect(readFileBytes(file, 1999)).rejects.toEqual(
      expect.objectContaining({ name: 'FileTooLargeError', bytes: 2000, limitBytes: 1999 }),
    );
    await expect(readFileBytes(file, 1999)).rejects.toBeInstanceOf(FileTooLargeError);
    expect((await readFileBytes(file, 2000)).length).toBe(2000);
  });
});

describe('describeTooLarge', () => {
  it('gives the size, the limit and the option that raises it', () => {
    expect(describeTooLarge(50 * 1024 * 1024, DEFAULT_REPORT_LIMITS)).toBe(
      'too large for a report: 50 MB, over the limit of 20 MB (--max-report-mb raises it)',
    );
    expect(
      describeTooLarge(1.5 * 1024 * 1024, {
        ...DEFAULT_REPORT_LIMITS,
        maxReportBytes: 1024 * 1024,
      }),
    ).toBe('too large for a report: 1.5 MB, over the limit of 1 MB (--max-report-mb raises it)');
  });
});
