/**
 * seed/synthetic/ is what the generator writes for the options its README gives, byte for byte,
 * and every report there says it is synthetic; so a change to the generator cannot leave a stale
 * sample behind, and no generated report can load as a real one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { generateInMemory } from './generate/corpus-support.ts';

const SYNTHETIC_SEED = path.join(PROJECT_ROOT, 'seed', 'synthetic');
/** The options in seed/synthetic/README.md. */
const SAMPLE_OPTIONS = { locations: 12, years: 6, seed: '16' };

/** Every file under the folder but its README, by path relative to it. */
function readTree(dir: string, prefix = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const relative = path.posix.join(prefix, entry.name);
    if (entry.isDirectory()) {
      for (const [name, text] of readTree(path.join(dir, entry.name), relative))
        files.set(name, text);
    } else if (relative !== 'README.md') {
      files.set(relative, readFileSync(path.join(dir, entry.name), 'utf8'));
    }
  }
  return files;
}

describe('the generated seed sample', () => {
  const committed = readTree(SYNTHETIC_SEED);

  it('is what npm run generate writes for its options', () => {
    const expected = new Map<string, string>();
    for (const report of generateInMemory(SAMPLE_OPTIONS).reports) {
      const file = report.file.replace(/^reports\//, '');
      expected.set(file, report.text);
      expected.set(`${file}.meta.json`, `${JSON.stringify(report.meta, null, 2)}\n`);
    }
    expect([...committed.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [file, text] of expected) expect(committed.get(file), file).toBe(text);
  });

  it('marks every report synthetic in its metadata', () => {
    const reports = [...committed.keys()].filter((file) => file.endsWith('.txt'));
    expect(reports.length).toBeGreaterThan(50);
    for (const report of reports) {
      const meta = JSON.parse(committed.get(`${report}.meta.json`) ?? '{}') as {
        synthetic?: unknown;
      };
      expect(meta.synthetic, report).toBe(true);
    }
  });
});
