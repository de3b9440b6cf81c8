/** Everything that must hold before the API serves: schema, reference data, seed reports. */
import {
  hasLegacySummaries,
  retireLegacySummaries,
} from '../graph/summaries/retire-legacy-summaries.ts';
import type { Database } from '../db/executor.ts';
import { runSchemaMigrations } from '../graph/schema/migrations.ts';
import { defineQuery, read } from '../db/query.ts';
import { hashReferenceData, loadReferenceData } from '../graph/write/reference-data.ts';
import { isReferenceDataLoaded, isSchemaApplied } from '../graph/schema/migrations-applied.ts';
import { loadSeed } from './load-seed.ts';
import { reportStartProgress } from '../db/start-progress.ts';

export interface MigrationOptions {
  /** Folder of seed reports loaded into a graph that has no reports yet; null skips seeding. */
  seedDir: string | null;
  /** Load the generated sample, `<seedDir>/synthetic/`, too (default true; SEED_SYNTHETIC). */
  seedSynthetic?: boolean;
  log: (line: string) => void;
}

export const countReports = defineQuery<object, { reports: number }>({
  name: 'migrations.count-reports',
  cypher: 'MATCH (r:Report) RETURN count(r) AS reports',
  parse: (row) => ({ reports: read.number(row, 'reports') }),
});

/** Loads the seed folder when the graph holds no report, so a second start reloads nothing. */
async function loadSeedReports(
  db: Database,
  seedDir: string,
  options: MigrationOptions,
): Promise<void> {
  const [row] = await db.read(countReports, {});
  if ((row?.reports ?? 0) > 0) return;
  const synthetic = options.seedSynthetic ?? true;
  const outcome = await loadSeed(db, seedDir, { synthetic, log: options.log });
  options.log(
    `Loaded ${outcome.loaded} seed reports and data files from ${seedDir} into the empty graph in ${outcome.seconds.toFixed(1)} s` +
      `${outcome.failed > 0 ? ` (${outcome.failed} failed)` : ''}${synthetic ? '' : '; the generated sample left out (SEED_SYNTHETIC=false)'}.`,
  );
}

export async function runMigrations(db: Database, options: MigrationOptions): Promise<void> {
  // A second start usually finds all done: three reads instead of ~50 statements to plan. One
  // after another: asked together on a Neo4j just started they took longer, not shorter
  // (bench/RESULTS.md, session 19).
  if (await isSchemaApplied(db)) reportStartProgress('migrations: schema already applied');
  else {
    await runSchemaMigrations(db);
    reportStartProgress('migrations: constraints and indexes created, all online');
  }
  if (await isReferenceDataLoaded(db, hashReferenceData()))
    reportStartProgress('migrations: reference data already loaded');
  else {
    await loadReferenceData(db);
    reportStartProgress('migrations: reference data loaded');
  }
  const retired = (await hasLegacySummaries(db)) ? await retireLegacySummaries(db) : 0;
  reportStartProgress('migrations: legacy summaries checked');
  if (retired > 0)
    options.log(
      `Deleted ${retired} summary nodes of an earlier layout (rebuilt under their new labels at the next refresh).`,
    );
  options.log(
    'Migrations done: constraints, indexes and full-text index online; regulations and themes loaded.',
  );
  if (options.seedDir) await loadSeedReports(db, options.seedDir, options);
}
