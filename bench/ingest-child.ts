/**
 * Our end-to-end ingest as the bench times it, in a process of its own, as `npm run ingest` runs:
 * the bench process holds every parsed document of the corpus for the floors (about 1 GB at
 * tier M), and every garbage collection of an ingest in that process had to walk them.
 *
 * `node --import tsx bench/ingest-child.ts WORKERS BATCH_SIZE INPUT...` with NEO4J_URI, NEO4J_USER,
 * NEO4J_PASSWORD and NEO4J_DATABASE set; prints one line, `ingest-child: {"seconds":…,"results":…,"failed":…,"peakRssMiB":…}`,
 * timed from the first file to the last result (connecting is not counted, as the floors' is not).
 */
import { createDriver } from '../src/db/driver.ts';
import { Database } from '../src/db/executor.ts';
import { ingestInputs } from '../src/load/bulk/ingest-inputs.ts';
import type { IngestChildResult } from './run-ingest-child.ts';

async function run(): Promise<void> {
  const [workers, batchSize, ...inputs] = process.argv.slice(2);
  const connection = {
    uri: process.env.NEO4J_URI!,
    user: process.env.NEO4J_USER!,
    password: process.env.NEO4J_PASSWORD!,
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
  };
  const driver = createDriver(connection);
  try {
    await driver.verifyConnectivity();
    const db = new Database(driver, connection.database, 600_000);
    const started = performance.now();
    const outcome: IngestChildResult = { seconds: 0, results: 0, failed: 0, peakRssMiB: 0 };
    for await (const result of ingestInputs(inputs, {
      db,
      force: true,
      meta: null,
      workers: Number(workers),
      batchSize: Number(batchSize),
      keepDocuments: false,
    })) {
      outcome.results += 1;
      if (result.status === 'failed') outcome.failed += 1;
    }
    outcome.seconds = (performance.now() - started) / 1000;
    // maxRSS is in KiB and covers the worker threads too (they share the process).
    outcome.peakRssMiB = process.resourceUsage().maxRSS / 1024;
    console.log(`ingest-child: ${JSON.stringify(outcome)}`);
  } finally {
    await driver.close();
  }
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
