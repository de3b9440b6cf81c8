/**
 * Time from an ingest's commit to a subscriber's event (issue 19: under one second). The server
 * runs in a process of its own (`src/app/main.ts`, as `npm start`), so the ingest's parsing
 * never holds up its event loop; this process subscribes to `inspectionPublished` over graphql-ws
 * on 127.0.0.1 and loads each report of the corpus through its own driver, as `npm run ingest`
 * in another process would, and takes the time from the load's commit (its transaction resolved)
 * to the event. Both times are taken on this process's clock.
 *
 *   npx tsx bench/subscription-latency.ts [--watch-ms 100] [--rounds 1] [--verbose] [FILE_OR_FOLDER...]
 *
 * Inputs default to the seed reports and tests/fixtures/{reports,corpus/text}. With NEO4J_URI
 * set it loads into that database (use a scratch one); otherwise into a temporary local Neo4j,
 * started fresh, so the first round includes the first events after a Neo4j start. Each report
 * is loaded with --force after its previous version is removed, so rounds and runs repeat.
 * Prints p50, p95 and max per round for `inspectionPublished` and, beside it, for a `changes`
 * subscription to the same inspections (no subjects read: the wait for the watcher and the feed
 * read alone), with the load average; `--verbose`, each report's pair. Asserts nothing.
 */
import { openBenchNeo4j } from './bench-neo4j.ts';
import { readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { runMigrations } from '../src/app/prepare-graph.ts';
import { PROJECT_ROOT, readConfig } from '../src/config.ts';
import { createDriver } from '../src/db/driver.ts';
import { Database } from '../src/db/executor.ts';
import { findFreePort } from '../src/db/local-neo4j.ts';
import { defineStatement } from '../src/db/query.ts';
import { ingestFile } from '../src/load/ingest-files.ts';
import { startServerChild } from './server-child.ts';
import { percentile } from './stats.ts';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'watch-ms': { type: 'string', default: '100' },
    rounds: { type: 'string', default: '1' },
    verbose: { type: 'boolean', default: false },
  },
});
const watchMs = Number(args['watch-ms']);
const rounds = Number(args.rounds);
const verbose = args.verbose;
const inputs =
  positionals.length > 0
    ? positionals
    : ['seed', 'tests/fixtures/reports', 'tests/fixtures/corpus/text'].map((dir) =>
        path.join(PROJECT_ROOT, dir),
      );
const files = inputs.flatMap((input) =>
  statSync(input).isDirectory()
    ? readdirSync(input)
        .filter((name) => name.endsWith('.txt'))
        .sort()
        .map((name) => path.join(input, name))
    : [input],
);

// Each report's inspection goes first, so its load publishes it again.
const forget = defineStatement<{ names: string[] }>(
  'bench.forget-reports',
  `MATCH (r:Report) WHERE r.fileName IN $names
   OPTIONAL MATCH (i:Inspection)-[:REPORTED_IN]->(r)
   DETACH DELETE r, i`,
);

function describe(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => percentile(sorted, p).toFixed(0);
  return `p50 ${at(50)} ms, p95 ${at(95)} ms, max ${sorted.at(-1)?.toFixed(0)} ms`;
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}

async function main(): Promise<void> {
  const config = readConfig();
  const benchNeo4j = await openBenchNeo4j(config, 'inspection-graph-bench-subscriptions-');
  const { connection } = benchNeo4j;
  const driver = createDriver(connection);
  const db = new Database(driver, connection.database, 600_000);
  const port = await findFreePort();
  let server: { stop(): Promise<void> } | null = null;
  try {
    await runMigrations(db, { seedDir: null, log: () => {} });
    server = await startServerChild(
      'src/app/main.ts',
      connection,
      {
        PORT: String(port),
        LOAD_SEED: 'false',
        RATE_LIMIT_PER_MINUTE: '0',
        GRAPH_WATCH_MS: String(watchMs),
      },
      /ready: explorer at/,
    );
    const client = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    const arrivals = new Map<string, number>();
    // The same inspections through `changes`, which needs no subjects read: where the time goes.
    const feedArrivals = new Map<string, number>();
    let onArrival: () => void = () => {};
    client.subscribe(
      { query: 'subscription { changes(types: [INSPECTION]) { entityId } }' },
      {
        next: (value) => {
          const id = (value.data?.changes as { entityId: string } | undefined)?.entityId;
          if (id && !feedArrivals.has(id)) feedArrivals.set(id, performance.now());
        },
        error: (error) => console.error('subscription failed:', error),
        complete: () => {},
      },
    );
    client.subscribe(
      { query: 'subscription { inspectionPublished { id } }' },
      {
        next: (value) => {
          const id = (value.data?.inspectionPublished as { id: string } | undefined)?.id;
          if (id) arrivals.set(id, performance.now());
          onArrival();
        },
        error: (error) => console.error('subscription failed:', error),
        complete: () => {},
      },
    );
    // The server says nothing when the subscription listens: a second is ample on 127.0.0.1.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    console.log(
      `bench.subscription-latency: ${files.length} reports, GRAPH_WATCH_MS ${watchMs}, ${os.cpus().length} cores, node ${process.version}, server pid in its own process`,
    );
    for (let round = 1; round <= rounds; round += 1) {
      await db.write(forget, { names: files.map((file) => path.basename(file)) });
      arrivals.clear();
      feedArrivals.clear();
      const latencies: number[] = [];
      const feedLatencies: number[] = [];
      for (const file of files) {
        const result = await ingestFile(file, { db, force: true, meta: null });
        const committed = performance.now();
        const id = result.document?.inspection.id;
        if (result.status !== 'loaded' || !id) {
          console.error(`${file}: ${result.status} ${result.message}`);
          continue;
        }
        while (!arrivals.has(id)) await new Promise<void>((resolve) => (onArrival = resolve));
        const latency = Math.max(0, arrivals.get(id)! - committed);
        // `changes` arrives with or before inspectionPublished (one batch, read once).
        const feedLatency = Math.max(0, (feedArrivals.get(id) ?? Infinity) - committed);
        latencies.push(latency);
        feedLatencies.push(Math.min(feedLatency, latency));
        arrivals.delete(id);
        feedArrivals.delete(id);
        if (verbose)
          console.log(
            `  ${path.basename(file)}: changes ${feedLatency.toFixed(0)} ms, inspectionPublished ${latency.toFixed(0)} ms`,
          );
      }
      console.log(
        `subscription.commit_to_event round ${round}: ${latencies.length} loads, ${describe(latencies)} | changes alone ${describe(feedLatencies)} (load average ${loadAverage()})`,
      );
    }
    await client.dispose();
  } finally {
    await server?.stop();
    await driver.close();
    await benchNeo4j.close();
  }
}

main().catch((error: unknown) => {
  console.error('bench failed:', error);
  process.exit(1);
});
