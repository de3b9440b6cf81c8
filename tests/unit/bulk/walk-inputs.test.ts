/** The lazy walk behind bulk ingest: order, skipping rules, problems, no file twice. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { walkInputFiles } from '../../../src/ingest/sources/read-source.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'walk-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function touch(relative: string): string {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, 'x');
  return file;
}

async function walk(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  for await (const entry of walkInputFiles(inputs))
    out.push(
      entry.problem === undefined
        ? path.relative(dir, entry.file)
        : `PROBLEM ${path.basename(entry.file)}: ${entry.problem}`,
    );
  return out;
}

describe('walkInputFiles', () => {
  for (const name of [
    'b/2.txt',
    'b/10.txt',
    'a.txt',
    'c/z/deep.pdf',
    'c/y.txt',
    'b/2.txt.meta.json',
    '.hidden.txt',
    'c/.git/config',
  ])
    touch(name);

  it('walks folders depth first, each folder sorted, without hidden files or metadata', async () => {
    expect(await walk([dir])).toEqual(['a.txt', 'b/10.txt', 'b/2.txt', 'c/y.txt', 'c/z/deep.pdf']);
  });

  it('gives an unreadable input as a problem and goes on', async () => {
    expect(await walk([path.join(dir, 'missing'), path.join(dir, 'a.txt')])).toEqual([
      'PROBLEM missing: cannot read: ENOENT',
      'a.txt',
    ]);
  });

  it('never gives a file twice when inputs overlap', async () => {
    expect(
      await walk([path.join(dir, 'c', 'y.txt'), path.join(dir, 'c'), dir, path.join(dir, 'a.txt')]),
    ).toEqual(['c/y.txt', 'c/z/deep.pdf', 'a.txt', 'b/10.txt', 'b/2.txt']);
  });
});
