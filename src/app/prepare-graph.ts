/** Everything that must hold before the API serves: schema, reference data, seed reports. */
import path from 'node:path';
import { retireLegacySummaries } from '../graph/summaries/retire-legacy-summaries.ts';
import { ingestFile } from '../load/ingest-files.ts';
import { listInputFiles } from '../ingest/sources/read-source.ts';
import type { Database } from '../db/executor.ts';
import { runSchemaMigrations } from '../graph/schema/migrations.ts';
import { defineQuery, read } from '../db/query.ts';
import { loadReferenceData } from '../graph/write/reference-data.ts';

export interface MigrationOptions {
  /** Folder of seed reports loaded into a graph that has no reports yet; null skips seeding. */
  seedDir: string | null;
  log: (line: string) => void;
}

export const countReports = defineQuery<object, { reports: number }>({
  name: 'migrations.count-reports',
  cypher: 'MATCH (r:Report) RETURN count(r) AS reports',
  parse: (row) => ({ reports: read.number(row, 'reports') }),
});

/** Loads the seed reports when the graph holds none. */
async function loadSeedReports(
  db: Database,
  seedDir: string,
  log: (line: string) => void,
): Promise<void> {
  const [row] = await db.read(countReports, {});
  if ((row?.reports ?? 0) > 0) return;
  const { files } = await listInputFiles([seedDir]);
  // seed/reference holds catalogues, not reports: they go in through loadReferenceData.
  const reports = files.filter(
    (file) => !path.relative(seedDir, file).startsWith(`reference${path.sep}`),
  );
  let loaded = 0;
  for (const file of reports) {
    const result = await ingestFile(file, { db, force: false, meta: null });
    if (result.status === 'loaded') loaded += 1;
    else log(`Seed ${file} not loaded: ${result.message}`);
  }
  log(`Loaded ${loaded} of ${reports.length} seed reports from ${seedDir} into the empty graph.`);
}

export async function runMigrations(db: Database, options: MigrationOptions): Promise<void> {
  await runSchemaMigrations(db);
  await loadReferenceData(db);
  const retired = await retireLegacySummaries(db);
  if (retired > 0)
    options.log(
      `Deleted ${retired} summary nodes of an earlier layout (rebuilt under their new labels at the next refresh).`,
    );
  options.log(
    'Migrations done: constraints, indexes and full-text index online; regulations and themes loaded.',
  );
  if (options.seedDir) await loadSeedReports(db, options.seedDir, options.log);
}
