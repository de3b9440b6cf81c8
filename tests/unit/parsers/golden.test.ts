import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSeedDocument, GOLDEN_SEEDS, goldenPath } from '../../golden/golden-cases.ts';

// When a change is intended: `npx tsx tests/golden/update-golden.ts`, then read the diff.
describe('golden documents', () => {
  it.each(GOLDEN_SEEDS)('the pipeline still produces tests/golden/%s.json', (seed) => {
    const golden: unknown = JSON.parse(readFileSync(goldenPath(seed), 'utf8'));
    expect(buildSeedDocument(seed)).toEqual(golden);
  });
});
