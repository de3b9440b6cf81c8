/**
 * The seed load of `npm start`: what an empty graph gets so that every question answers out of
 * the box. `seed/` holds the two seed reports, `real/` (a sample of published reports and data
 * files, see seed/real/README.md) and `synthetic/` (a small generated corpus whose `.meta.json`
 * files mark every report `"synthetic": true`, see seed/synthetic/README.md); `reference/` holds
 * catalogues, loaded by loadReferenceData instead.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../db/executor.ts';
import { DEFAULT_BATCH_SIZE } from '../graph/write/load-reports.ts';
import { groupProvidersStep, linkProvidersStep } from '../graph/write/post-load-steps.ts';
import { defaultWorkerCount, ingestInputs } from '../load/bulk/ingest-inputs.ts';

/** Folders of the seed directory that are not reports. */
const REFERENCE_DIR = 'reference';
/** The generated sample, left out with SEED_SYNTHETIC=false. */
export const SYNTHETIC_SEED_DIR = 'synthetic';

export interface SeedOptions {
  /** Load `<seedDir>/synthetic/` too. */
  synthetic: boolean;
  log: (line: string) => void;
}

export interface SeedOutcome {
  loaded: number;
  failed: number;
  /** Files not loaded on purpose (the READMEs). */
  skipped: number;
  seconds: number;
}

/** The top-level entries of the seed folder that the seed load reads. */
export async function listSeedInputs(seedDir: string, synthetic: boolean): Promise<string[]> {
  const entries = await readdir(seedDir);
  return entries
    .filter((name) => name !== REFERENCE_DIR && (synthetic || name !== SYNTHETIC_SEED_DIR))
    .sort()
    .map((name) => path.join(seedDir, name));
}

/**
 * Loads the seed folder through the same bulk pipeline as `npm run ingest` (data files and
 * multi-record files included; reports already in the graph skipped), then links providers
 * across sources. The summaries are left to the refresh `npm start` runs once it serves.
 */
export async function loadSeed(
  db: Database,
  seedDir: string,
  options: SeedOptions,
): Promise<SeedOutcome> {
  const started = performance.now();
  const outcome: SeedOutcome = { loaded: 0, failed: 0, skipped: 0, seconds: 0 };
  const results = ingestInputs(await listSeedInputs(seedDir, options.synthetic), {
    db,
    force: false,
    meta: null,
    workers: defaultWorkerCount(),
    batchSize: DEFAULT_BATCH_SIZE,
    keepDocuments: false,
  });
  for await (const result of results) {
    if (result.status === 'loaded') outcome.loaded += 1;
    else if (result.status === 'skipped') outcome.skipped += 1;
    else if (result.status === 'failed') {
      outcome.failed += 1;
      options.log(`Seed ${result.file} not loaded: ${result.message}`);
    }
  }
  await linkProvidersStep.complete(db, options.log);
  // The groups too, as an ingest run makes them: without them a fresh start had no provider
  // group to filter by (the dashboard's provider-group choices were empty).
  await groupProvidersStep.complete(db, options.log);
  outcome.seconds = (performance.now() - started) / 1000;
  return outcome;
}
