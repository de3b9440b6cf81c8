import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A real report excerpt from `tests/unit/parsers/fixtures/` (its README says where each came from). */
export function readParserFixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
}
