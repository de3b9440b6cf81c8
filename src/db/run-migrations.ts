/** Everything that must hold before the API serves: schema, reference data, seed reports. */
import type { Database } from './executor.ts';
import { runSchemaMigrations } from './migrations.ts';

export interface MigrationOptions {
  /** Folder of seed reports loaded into an empty graph; null skips seeding. */
  seedDir: string | null;
  log: (line: string) => void;
}

export async function runMigrations(db: Database, options: MigrationOptions): Promise<void> {
  await runSchemaMigrations(db);
  options.log('Schema migrations done (constraints, indexes, full-text index online).');
}
