/**
 * Time from an ingest's commit to a subscriber's event (issue 19: under one second). A server
 * runs in this process with its change poller; a graphql-ws client subscribes to
 * `inspectionPublished` over 127.0.0.1; each report of the corpus is then loaded through a
 * second driver (as `npm run ingest` in another process would), and the time from the load's
 * commit (its transaction resolved) to the event is taken.
 *
 *   NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD_FILE=.neo4j-data/neo4j-password \
 *     npx tsx bench/subscription-latency.ts [--poll-ms 250] FILE_OR_FOLDER...
 *
 * Loads into the database at NEO4J_URI (use a scratch one): each report is loaded with --force
 * semantics after its previous version is removed by the batch itself, so runs can repeat.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { readConfig } from '../src/config.ts';
import { createDriver } from '../src/db/driver.ts';
import { Database } from '../src/db/executor.ts';
import { defineStatement } from '../src/db/query.ts';
import { runSchemaMigrations } from '../src/graph/schema/migrations.ts';
import { ingestFile } from '../src/load/ingest-files.ts';
import { startServer } from '../src/server/app.ts';
import { percentile } from './stats.ts';

const args = process.argv.slice(2);
const pollAt = args.indexOf('--poll-ms');
const pollMs = pollAt === -1 ? 250 : Number(args.splice(pollAt, 2)[1]);
const files = args.flatMap((input) =>
  statSync(input).isDirectory()
    ? readdirSync(input)
        .filter((name) => name.endsWith('.txt'))
        .sort()
        .map((name) => path.join(input, name))
    : [input],
);

const config = readConfig();
if (config.neo4j.kind !== 'external') throw new Error('set NEO4J_URI to a scratch database');
const serverDriver = createDriver(config.neo4j);
const ingestDriver = createDriver(config.neo4j);
const serverDb = new Database(serverDriver, config.neo4j.database, 60_000);
const ingestDb = new Database(ingestDriver, config.neo4j.database, 60_000);
await runSchemaMigrations(serverDb);
// Each report's inspection goes first, so its load publishes it again.
const forget = defineStatement<{ names: string[] }>(
  'bench.forget-reports',
  `MATCH (r:Report) WHERE r.fileName IN $names
   OPTIONAL MATCH (i:Inspection)-[:REPORTED_IN]->(r)
   DETACH DELETE r, i`,
);
await ingestDb.write(forget, { names: files.map((file) => path.basename(file)) });

let subscribed: () => void = () => {};
const listening = new Promise<void>((resolve) => (subscribed = resolve));
const server = await startServer(
  { host: '127.0.0.1', port: 0, ingestToken: null, limits: { subscriptionPollMs: pollMs } },
  serverDb,
  { onSubscribed: () => subscribed() },
);
const client = createClient({
  url: `ws://127.0.0.1:${server.port}/graphql`,
  webSocketImpl: WebSocket,
  retryAttempts: 0,
});
const arrivals = new Map<string, number>();
let onArrival: () => void = () => {};
client.subscribe(
  { query: 'subscription { inspectionPublished { id } }' },
  {
    next: (value) => {
      const id = (value.data?.inspectionPublished as { id: string } | undefined)?.id;
      if (id && !arrivals.has(id)) arrivals.set(id, performance.now());
      onArrival();
    },
    error: (error) => console.error('subscription failed:', error),
    complete: () => {},
  },
);
await listening;

const latencies: number[] = [];
for (const file of files) {
  const result = await ingestFile(file, { db: ingestDb, force: true, meta: null });
  const committed = performance.now();
  const id = result.document?.inspection.id;
  if (result.status !== 'loaded' || !id) {
    console.error(`${file}: ${result.status} ${result.message}`);
    continue;
  }
  while (!arrivals.has(id)) await new Promise<void>((resolve) => (onArrival = resolve));
  const latency = Math.max(0, arrivals.get(id)! - committed);
  latencies.push(latency);
  console.log(`${path.basename(file)}: event ${latency.toFixed(0)} ms after commit`);
}
latencies.sort((a, b) => a - b);
console.log(
  `commit → event over ${latencies.length} loads, poll ${pollMs} ms: p50 ${percentile(latencies, 50).toFixed(0)} ms, max ${latencies.at(-1)?.toFixed(0)} ms`,
);
await client.dispose();
await server.stop();
await Promise.all([serverDriver.close(), ingestDriver.close()]);
