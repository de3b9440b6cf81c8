/**
 * `npx tsx bench/batch-size.ts [--corpus DIR] [--sizes 1,10,25,50,100,200]`: reports/s of the
 * batched loader and of the batched raw-UNWIND floor writing the same graph (floor-same-graph.ts)
 * at each batch size, on the same parsed documents and the same Neo4j, emptied and migrated
 * before every run. Prints; asserts nothing.
 *
 * Without --corpus it generates the issue-6 corpus (100 locations, 5 years, seed 1) into a
 * temporary folder. Parsing is done once, first, and not timed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { readConfig } from '../src/config.ts';
import { createDriver, type Connection } from '../src/db/driver.ts';
import { Database } from '../src/db/executor.ts';
import { startLocalNeo4j, type LocalNeo4jHandle } from '../src/db/local-neo4j.ts';
import { runMigrations } from '../src/app/prepare-graph.ts';
import { DiskSink } from '../src/generate/disk-sink.ts';
import { generateCorpus } from '../src/generate/generate-corpus.ts';
import { DEFAULT_CORPUS_OPTIONS } from '../src/generate/options.ts';
import type { ReportDocument } from '../src/model/document.ts';
import { ingestFile } from '../src/load/ingest-files.ts';
import { loadReportBatch } from '../src/graph/write/load-reports.ts';
import { listInputFiles } from '../src/ingest/sources/read-source.ts';
import { loadSameGraphFloor } from './floor-same-graph.ts';

const { values: args } = parseArgs({
  options: { corpus: { type: 'string' }, sizes: { type: 'string', default: '1,10,25,50,100,200' } },
});
const sizes = args.sizes.split(',').map(Number);

function say(line: string): void {
  console.log(line);
}

/** CALL IN TRANSACTIONS needs an implicit (auto-commit) transaction, so a plain session.run. */
async function clearGraph(driver: Driver, db: Database): Promise<void> {
  const session = driver.session({ database: db.databaseName });
  try {
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
  await runMigrations(db, { seedDir: null, log: () => {} });
}

function generateDefaultCorpus(dir: string): string {
  const sink = new DiskSink(dir, false);
  try {
    generateCorpus({ ...DEFAULT_CORPUS_OPTIONS, locations: 100, years: 5, seed: '1' }, sink);
  } finally {
    sink.close();
  }
  return path.join(dir, 'reports');
}

/** The documents as `npm run ingest` would load them (side metadata applied), in file order. */
async function parseCorpus(dir: string): Promise<ReportDocument[]> {
  const { files } = await listInputFiles([dir]);
  const docs: ReportDocument[] = [];
  for (const file of files) {
    const result = await ingestFile(file, { db: null, force: false, meta: null });
    if (result.document) docs.push(result.document);
  }
  return docs;
}

async function loadOurs(
  db: Database,
  docs: readonly ReportDocument[],
  batchSize: number,
): Promise<number> {
  let failed = 0;
  for (let start = 0; start < docs.length; start += batchSize) {
    failed += (await loadReportBatch(db, docs.slice(start, start + batchSize))).failed;
  }
  return failed;
}

async function timeSeconds(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

async function main(): Promise<void> {
  const config = readConfig();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'inspection-graph-batch-'));
  let local: LocalNeo4jHandle | null = null;
  try {
    const corpusDir = args.corpus ?? generateDefaultCorpus(path.join(scratch, 'corpus'));
    const docs = await parseCorpus(corpusDir);
    say(
      `corpus: ${docs.length} reports from ${args.corpus ?? 'generated --locations 100 --years 5 --seed 1'}`,
    );

    let connection: Connection;
    if (config.neo4j.kind === 'external') {
      connection = config.neo4j;
      say(`neo4j: ${connection.uri} (NEO4J_URI; it is emptied)`);
    } else {
      local = await startLocalNeo4j({
        ...config.neo4j,
        dataDir: path.join(scratch, 'neo4j'),
        port: 0,
      });
      connection = { uri: local.uri, user: 'neo4j', password: local.password, database: 'neo4j' };
      say(
        `neo4j: local embedded on ${local.uri}, heap ${config.neo4j.heap}, page cache ${config.neo4j.pageCache}; ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}`,
      );
    }
    const driver = createDriver(connection);
    const db = new Database(driver, connection.database, 300_000);
    try {
      // Compiles every statement once, so no batch size pays for Cypher planning.
      await clearGraph(driver, db);
      await loadOurs(db, docs.slice(0, 20), 10);
      await loadSameGraphFloor(driver, docs.slice(0, 20), 10);

      say('batch | ours reports/s | floor reports/s | ours/floor');
      for (const size of sizes) {
        await clearGraph(driver, db);
        let failed = 0;
        const ours = await timeSeconds(async () => {
          failed = await loadOurs(db, docs, size);
        });
        await clearGraph(driver, db);
        const floor = await timeSeconds(() => loadSameGraphFloor(driver, docs, size));
        const oursRate = docs.length / ours;
        const floorRate = docs.length / floor;
        say(
          `${String(size).padStart(5)} | ${oursRate.toFixed(1).padStart(14)} | ${floorRate.toFixed(1).padStart(15)} | ${(oursRate / floorRate).toFixed(2)}${failed ? ` (${failed} failed)` : ''}`,
        );
      }
    } finally {
      await driver.close();
    }
  } finally {
    await local?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error('batch-size bench failed:', error);
  process.exit(1);
});
