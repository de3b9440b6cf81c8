import { readdirSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.ts';

/**
 * Tier S: the seed reports and the fixture reports, as files: their folders also hold the
 * reference catalogues and a README, which the ingest would count as failed items.
 */
export function listTierSReports(): string[] {
  return ['seed', 'tests/fixtures/reports'].flatMap((folder) =>
    readdirSync(path.join(PROJECT_ROOT, folder))
      .filter((name) => name.endsWith('.txt'))
      .map((name) => path.join(PROJECT_ROOT, folder, name)),
  );
}
