import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileBytes } from './read-file-bytes.ts';

describe('readFileBytes', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'read-file-bytes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads small and large files whole', async () => {
    const small = path.join(dir, 'small.txt');
    const large = path.join(dir, 'large.bin');
    writeFileSync(small, 'Overall experiences and progress of children: good');
    const big = Buffer.alloc(3 * 1024 * 1024, 7);
    writeFileSync(large, big);
    expect((await readFileBytes(small)).toString('utf8')).toBe(
      'Overall experiences and progress of children: good',
    );
    expect((await readFileBytes(large)).equals(big)).toBe(true);
  });

  it('reads an empty file as no bytes', async () => {
    const empty = path.join(dir, 'empty.txt');
    writeFileSync(empty, '');
    expect((await readFileBytes(empty)).length).toBe(0);
  });

  it('rejects with the fs code for a missing file, never throws synchronously', async () => {
    const reading = readFileBytes(path.join(dir, 'missing.txt'));
    await expect(reading).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
