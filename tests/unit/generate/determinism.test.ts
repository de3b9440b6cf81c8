import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateInMemory, generateOnDisk, removeCorporaOnDisk } from './corpus-support.ts';

function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full), readFileSync(full, 'utf8'));
  }
  return files;
}

describe('synthetic corpus determinism', () => {
  afterAll(removeCorporaOnDisk);
  it('writes byte-identical folders for the same seed', () => {
    const a = readTree(generateOnDisk({ locations: 6, years: 2, seed: 'same' }));
    const b = readTree(generateOnDisk({ locations: 6, years: 2, seed: 'same' }));
    expect(a.size).toBeGreaterThan(3);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [file, text] of a) expect(b.get(file), file).toBe(text);
  });

  it('gives the same bytes in memory for the same seed and different bytes for another seed', () => {
    const first = generateInMemory({ locations: 8, years: 3, seed: 'alpha' }).digest();
    expect(generateInMemory({ locations: 8, years: 3, seed: 'alpha' }).digest()).toBe(first);
    expect(generateInMemory({ locations: 8, years: 3, seed: 'beta' }).digest()).not.toBe(first);
  });
});
