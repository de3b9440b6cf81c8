/**
 * `npx tsx bench/response-cache.ts [--runs N] [--corpus DIR] [--hits-only]`: what the response
 * cache saves.
 * Each question of bench/query-cases.ts (the four-level nested read among them) is asked the same way
 * again and again, alternating run by run between:
 *
 * - hit: a server with the cache on (`npm start`'s default), the same request, so every timed
 *   one is a hit: the version its graph watcher read (no round trip) and the stored answer;
 * - miss: the same server, each request made unique by an extra variable the operation does not
 *   declare (graphql-js ignores it; the cache key does not), so each pays the execution and the
 *   store;
 * - uncached: a server with RESPONSE_CACHE_BYTES=0;
 * - bare driver: the question's Cypher on the driver.
 *
 * It also times the version read alone on the driver (what a request pays when the watcher
 * cannot vouch for the version) and `{ __typename }` on the cached server, HTTP and Apollo with
 * no graph at all: the floor a hit with no round trip should sit on.
 * With NEO4J_URI set it asks the graph that database holds, as it is (tiers M and L loaded
 * beforehand); otherwise a temporary local Neo4j gets tier S (or `--corpus DIR`) through the real
 * ingest. `--hits-only` times the hits alone (and the floor), with each answer's size: a quick
 * before/after comparison of the hit path on a large graph, where misses take seconds. Prints;
 * asserts nothing.
 */
import { openBenchNeo4j } from './bench-neo4j.ts';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { readConfig } from '../src/config.ts';
import { createDriver, type Connection } from '../src/db/driver.ts';
import { Database, toNeo4jParam } from '../src/db/executor.ts';
import { findFreePort } from '../src/db/local-neo4j.ts';
import { runMigrations } from '../src/app/prepare-graph.ts';
import { readAnswerVersion } from '../src/graph/summaries/graph-version.ts';
import { computeEtag } from '../src/server/response-cache/index.ts';
import { completePostLoadSteps } from '../src/graph/write/post-load-steps.ts';
import { DEFAULT_BATCH_SIZE } from '../src/graph/write/load-reports.ts';
import { postGraphql } from './post-graphql.ts';
import { buildQueryCases } from './query-cases.ts';
import { runIngestChild } from './run-ingest-child.ts';
import { startServerChild } from './server-child.ts';
import { formatMs, measure, measureAlternating, type Timing } from './stats.ts';
import { listTierSReports } from './tier-s.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '100' },
    corpus: { type: 'string' },
    'hits-only': { type: 'boolean', default: false },
  },
});
const runs = Number(args.runs);
const keepAlive = new http.Agent({ keepAlive: true });

async function startApi(
  connection: Connection,
  cacheBytes: string | null,
): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await findFreePort();
  const child = await startServerChild(
    'src/app/main.ts',
    connection,
    {
      PORT: String(port),
      LOAD_SEED: 'false',
      RATE_LIMIT_PER_MINUTE: '0',
      ...(cacheBytes !== null && { RESPONSE_CACHE_BYTES: cacheBytes }),
    },
    /ready: explorer at/,
  );
  return { url: `http://127.0.0.1:${port}/graphql`, stop: child.stop };
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}

/**
 * What a hit's body costs in this process, step by step, on the answer's own text: the parse and
 * serialisation a hit paid before the stored text was written as it is (stored-text.ts), the
 * ETag's hash (paid once, when the answer is stored) and the client's parse of the body (which
 * this bench's timings include).
 */
async function profileBody(body: unknown): Promise<string> {
  const data = (body as { data: unknown }).data;
  const text = JSON.stringify(data);
  const sent = JSON.stringify({ data });
  const step = async (work: () => unknown) =>
    formatMs((await measure(() => Promise.resolve(work()), 200, 20)).p50);
  const parse = await step(() => JSON.parse(text));
  const parsed: unknown = JSON.parse(text);
  const serialise = await step(() => JSON.stringify({ data: parsed }));
  const etag = await step(() => computeEtag(text));
  const client = await step(() => JSON.parse(sent));
  return `in-process p50: parse ${parse} ms, serialise ${serialise} ms, etag ${etag} ms, client parse ${client} ms`;
}

function describe(timing: Timing): string {
  return `p50 ${formatMs(timing.p50)} ms p95 ${formatMs(timing.p95)} ms`;
}

async function main(): Promise<void> {
  console.log(
    `bench.response-cache: ${runs} timed runs per side, ${os.cpus().length} cores, node ${process.version}, load average ${loadAverage()}`,
  );
  const config = readConfig();
  const benchNeo4j = await openBenchNeo4j(config, 'inspection-graph-bench-cache-');
  const { connection, local } = benchNeo4j;
  if (!local) console.log(`neo4j: ${connection.uri} (NEO4J_URI), asked as it is`);
  const driver = createDriver(connection);
  const db = new Database(driver, connection.database, 600_000);
  try {
    if (local) {
      await runMigrations(db, { seedDir: null, log: () => {} });
      const inputs = args.corpus ? [path.resolve(args.corpus)] : listTierSReports();
      const ingest = await runIngestChild(connection, 0, DEFAULT_BATCH_SIZE, inputs);
      await completePostLoadSteps(db);
      console.log(
        `graph: ${args.corpus ?? 'tier S'} ingested, ${ingest.results} results, ${ingest.failed} failed`,
      );
    }
    const versionRead = await measure(
      () => driver.executeQuery(readAnswerVersion.cypher, {}, { routing: neo4j.routing.READ }),
      runs,
    );
    console.log(
      `cache.version_read: bare driver ${describe(versionRead)} (graph-state.read-answer-version, paid by a cacheable query only while the graph watcher cannot vouch for the version)`,
    );
    const sample = await driver.executeQuery(
      'MATCH (f:Finding)-[:ABOUT]->() RETURN f.id AS id LIMIT 1',
    );
    const findingId = String(sample.records[0]?.get('id') ?? '');
    const cached = await startApi(connection, null);
    const uncached = args['hits-only'] ? null : await startApi(connection, '0');
    try {
      const floor = await measure(
        () => postGraphql(cached.url, { query: '{ __typename }' }, keepAlive),
        runs,
      );
      console.log(
        `cache.http_floor: { __typename } ${describe(floor)} (HTTP and Apollo, no graph: a hit's floor)`,
      );
      for (const testCase of buildQueryCases(findingId)) {
        const request = { query: testCase.graphql, variables: testCase.variables };
        const bareParams = toNeo4jParam(testCase.bare.params) as Record<string, unknown>;
        if (!uncached) {
          // The first ask stores the answer; every timed one after it is a hit.
          const first = await postGraphql(cached.url, request, keepAlive);
          let hits = 0;
          const hit = await measure(async () => {
            const answer = await postGraphql(cached.url, request, keepAlive);
            if (answer.cacheStatus === 'hit') hits += 1;
          }, runs);
          console.log(
            `cache.${testCase.name}: hit ${describe(hit)} | answer ${(first.bytes / 1024).toFixed(1)} KiB (${hits} of ${runs + 3} repeated requests were hits) | ${await profileBody(first.body)}`,
          );
          continue;
        }
        let unique = 0;
        let hits = 0;
        let misses = 0;
        const [hit, miss, off, bare] = await measureAlternating(
          [
            async () => {
              const answer = await postGraphql(cached.url, request, keepAlive);
              if (answer.cacheStatus === 'hit') hits += 1;
            },
            async () => {
              unique += 1;
              const variables = {
                ...testCase.variables,
                benchUnique: `${testCase.name}-${unique}`,
              };
              const answer = await postGraphql(cached.url, { ...request, variables }, keepAlive);
              if (answer.cacheStatus === 'miss') misses += 1;
            },
            () => postGraphql(uncached.url, request, keepAlive),
            () =>
              driver.executeQuery(testCase.bare.cypher, bareParams, {
                routing: neo4j.routing.READ,
              }),
          ],
          runs,
        );
        console.log(
          `cache.${testCase.name}: hit ${describe(hit!)} | miss ${describe(miss!)} | uncached ${describe(off!)} | bare driver ${describe(bare!)} | hit/uncached p50 ${(hit!.p50 / off!.p50).toFixed(2)} (${hits} of ${runs + 3} repeated requests were hits, ${misses} of ${runs + 3} unique ones misses)`,
        );
      }
      console.log(`load average at the end: ${loadAverage()}`);
    } finally {
      await cached.stop();
      await uncached?.stop();
    }
  } finally {
    keepAlive.destroy();
    await driver.close();
    await benchNeo4j.close();
  }
}

main().catch((error: unknown) => {
  console.error('bench failed:', error);
  process.exit(1);
});
