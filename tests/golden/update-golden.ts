/**
 * Rewrites the golden documents from the current pipeline:
 *   npx tsx tests/golden/update-golden.ts
 * Read the diff before keeping it: the explicit assertions in tests/unit/parsers pin the facts
 * read from the text, the golden files pin everything else.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { buildSeedDocument, GOLDEN_SEEDS, goldenPath, serialiseDocument } from './golden-cases.ts';

for (const seed of GOLDEN_SEEDS) {
  const path = goldenPath(seed);
  const next = serialiseDocument(buildSeedDocument(seed));
  const previous = existsSync(path) ? readFileSync(path, 'utf8') : null;
  if (previous === next) {
    console.log(`${seed}: unchanged`);
    continue;
  }
  writeFileSync(path, next);
  console.log(`${seed}: ${previous === null ? 'written' : 'updated'}`);
}
