/**
 * `npm run bench [-- --quick] [-- --corpus DIR] [-- --keep-graph]`: ingest and query benchmarks
 * against a real Neo4j, each figure on its own line, every ratio taken from measurements in
 * this one run.
 *
 * Tier S by default (the seeds and tests/fixtures/reports); `--corpus DIR` ingests a folder
 * instead (e.g. one written by `npm run generate`). `--keep-graph` skips the ingest figures and
 * asks the questions of the graph NEO4J_URI already holds (tiers M and L, loaded beforehand
 * with `npm run ingest`). Nothing here asserts a time: it prints.
 */
import { openBenchNeo4j } from './bench-neo4j.ts';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import neo4j from 'neo4j-driver';
import { readConfig } from '../src/config.ts';
import { createDriver, type Connection } from '../src/db/driver.ts';
import { Database, toNeo4jParam } from '../src/db/executor.ts';
import { findFreePort } from '../src/db/local-neo4j.ts';
import { runMigrations } from '../src/app/prepare-graph.ts';
import { describeRefresh } from '../src/graph/summaries/refresh-scheduler.ts';
import { refreshSummaries } from '../src/graph/summaries/refresh-summaries.ts';
import type { ReportDocument } from '../src/model/document.ts';
import { readSideMeta } from '../src/load/ingest-files.ts';
import type { ReportMeta } from '../src/ingest/meta.ts';
import { defaultWorkerCount } from '../src/load/bulk/ingest-inputs.ts';
import { buildReportDocument } from '../src/ingest/pipeline.ts';
import { listInputFiles, readSourceText } from '../src/ingest/sources/read-source.ts';
import { DEFAULT_BATCH_SIZE, loadReportBatch } from '../src/graph/write/load-reports.ts';
import { loadFloor } from './floor-load.ts';
import { describeGraphShape, loadSameGraphFloor } from './floor-same-graph.ts';
import { measureIngestMemory } from './ingest-memory.ts';
import { runIngestChild } from './run-ingest-child.ts';
import { startPeerChild } from './peer-server.ts';
import { postGraphql } from './post-graphql.ts';
import { listTierSReports } from './tier-s.ts';
import { startBareHttpChild, startServerChild } from './server-child.ts';
import type { Timing } from './stats.ts';
import { buildQueryCases, NESTED_READ, readSampleFindingId } from './query-cases.ts';
import { formatMs, measureAlternating, measurePair, readPeakRssMiB } from './stats.ts';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    corpus: { type: 'string' },
    runs: { type: 'string' },
    'keep-graph': { type: 'boolean', default: false },
  },
});
const runs = Number(args.runs ?? (args.quick ? 30 : 200));
const loadSeconds = args.quick ? 5 : 20;
const INGEST_ROUNDS = 2;

function say(line: string): void {
  console.log(line);
}

/** One keep-alive connection pool for every request the bench times (see post-graphql.ts). */
const keepAlive = new http.Agent({ keepAlive: true });

async function postJson(url: string, body: unknown): Promise<unknown> {
  return (await postGraphql(url, body, keepAlive)).body;
}

/** CALL IN TRANSACTIONS needs an implicit (auto-commit) transaction, so a plain session.run. */
async function clearGraph(driver: neo4j.Driver): Promise<void> {
  const session = driver.session();
  try {
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

/** An empty graph with the schema's constraints and indexes, as a fresh `npm run ingest` finds it. */
async function emptyGraph(driver: neo4j.Driver, db: Database): Promise<void> {
  await clearGraph(driver);
  await runMigrations(db, { seedDir: null, log: () => {} });
}

async function startApiChild(
  connection: Connection,
): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const port = await findFreePort();
  const child = await startServerChild(
    'src/app/main.ts',
    connection,
    // No response cache: a repeated question would be answered from memory after one version
    // read, and the ratio would no longer measure GraphQL over the driver (bench/response-cache.ts
    // measures the cache).
    { PORT: String(port), LOAD_SEED: 'false', RESPONSE_CACHE_BYTES: '0' },
    /ready: explorer at/,
  );
  return { url: `http://127.0.0.1:${port}/graphql`, pid: child.pid, stop: child.stop };
}

/**
 * Parse-only rate, then the same corpus loaded by the partial floor, the same-graph floor and the
 * bulk pipeline, each into an emptied graph, in two rounds.
 */
async function measureIngest(
  connection: Connection,
  driver: neo4j.Driver,
  db: Database,
): Promise<void> {
  // Ingest ------------------------------------------------------------------------------
  const inputs = args.corpus ? [args.corpus] : listTierSReports();
  const { files } = await listInputFiles(inputs);
  // With each report's `<file>.meta.json`, as the ingest reads it, so every side loads the same documents.
  const texts: { file: string; text: string; meta: ReportMeta | undefined }[] = [];
  for (const file of files) {
    const source = await readSourceText(file);
    const side = await readSideMeta(file);
    if (source.ok && 'meta' in side)
      texts.push({ file, text: source.text, meta: side.meta ?? undefined });
  }
  // The first document compiles the classifier's cue patterns; time the steady state.
  if (texts[0])
    buildReportDocument({ text: texts[0].text, fileName: 'warm-up.txt', format: 'txt' });
  const t = Date.now();
  const docs: ReportDocument[] = [];
  for (const { file, text, meta } of texts) {
    const result = buildReportDocument({
      text,
      fileName: path.basename(file),
      format: 'txt',
      meta,
    });
    if (result.ok) docs.push(result.document);
  }
  const parseSeconds = (Date.now() - t) / 1000;
  say(
    `corpus: ${docs.length} reports from ${args.corpus ?? 'seed/ and tests/fixtures/reports/ (tier S)'}`,
  );
  say(`ingest.parse_only: ${(docs.length / parseSeconds).toFixed(1)} reports/s on 1 core`);

  // Every side's statements planned before timing, as the parse is warmed above: Neo4j keeps plans
  // across the clears, and planning the loader's statements on a cold Neo4j costs seconds (0.2-1.8 s
  // each), which a small corpus would count against ours and a sector-size one would not notice.
  const warmUp = docs.slice(0, 5);
  for (const load of [
    () => loadFloor(driver, warmUp, DEFAULT_BATCH_SIZE),
    () => loadSameGraphFloor(driver, warmUp, DEFAULT_BATCH_SIZE),
    () => loadReportBatch(db, warmUp),
  ]) {
    await emptyGraph(driver, db);
    await load();
  }
  /** A load that times itself (in another process) returns its seconds; the others are timed here. */
  const timeRate = async (load: () => Promise<unknown>): Promise<number> => {
    await emptyGraph(driver, db);
    const start = Date.now();
    const selfTimed = await load();
    const seconds = typeof selfTimed === 'number' ? selfTimed : (Date.now() - start) / 1000;
    return docs.length / seconds;
  };
  // Two rounds, the three loads in turn, and each side's faster round kept: the first load into a
  // fresh store also grows its files and warms Neo4j's own code, which a single ordered round
  // would charge to whichever side went first.
  let failed = 0;
  let oursPeakRssMiB = 0;
  const workers = defaultWorkerCount();
  // In a process of its own, as `npm run ingest` runs: this one holds every parsed document for
  // the floors, and an ingest here paid for walking them in each of its garbage collections.
  const loadOurs = async (parseWorkers = workers): Promise<number> => {
    const outcome = await runIngestChild(connection, parseWorkers, DEFAULT_BATCH_SIZE, inputs);
    failed = outcome.failed;
    if (parseWorkers === workers) oursPeakRssMiB = Math.max(oursPeakRssMiB, outcome.peakRssMiB);
    return outcome.seconds;
  };
  // The default's other side: one worker where the default parses on the main thread, and back.
  const otherWorkers = workers === 0 ? 1 : 0;
  const describeWorkers = (count: number) =>
    count === 0 ? 'text parsed on the main thread (--workers 0)' : `${count} parse worker(s)`;
  let [partialRate, floorRate, oursRate, otherRate] = [0, 0, 0, 0];
  let [floorShape, oursShape] = ['', ''];
  for (let round = 0; round < INGEST_ROUNDS; round += 1) {
    // Every round writes the same graphs, so the last round's are the ones compared.
    const last = round === INGEST_ROUNDS - 1;
    partialRate = Math.max(
      partialRate,
      await timeRate(() => loadFloor(driver, docs, DEFAULT_BATCH_SIZE)),
    );
    floorRate = Math.max(
      floorRate,
      await timeRate(() => loadSameGraphFloor(driver, docs, DEFAULT_BATCH_SIZE)),
    );
    if (last) floorShape = await describeGraphShape(driver);
    oursRate = Math.max(oursRate, await timeRate(() => loadOurs()));
    if (last) oursShape = await describeGraphShape(driver);
    otherRate = Math.max(otherRate, await timeRate(() => loadOurs(otherWorkers)));
  }
  say(
    `ingest.end_to_end: ${oursRate.toFixed(1)} reports/s (${failed} failed; bulk pipeline in a process of its own, ${describeWorkers(workers)}, batches of ${DEFAULT_BATCH_SIZE}; every load's rate is the faster of ${INGEST_ROUNDS} rounds)`,
  );
  say(
    `ingest.floor_unwind: ${floorRate.toFixed(1)} reports/s (same documents and the same graph, one hand-written UNWIND query per batch of ${DEFAULT_BATCH_SIZE} and the PREVIOUS chain once at the end, no parsing; every side's plans warmed on ${warmUp.length} documents)`,
  );
  say(
    `ingest.floor_same_graph: ${floorShape === oursShape ? 'yes' : 'NO'} (nodes by label, relationships by type and their property counts compared after the last round's loads${floorShape === oursShape ? '' : `; floor ${floorShape} | ours ${oursShape}`})`,
  );
  say(`ingest.ratio_to_floor: ${(oursRate / floorRate).toFixed(2)}`);
  say(
    `ingest.end_to_end_workers_${otherWorkers}: ${otherRate.toFixed(1)} reports/s (${describeWorkers(otherWorkers)}, against the default's ${describeWorkers(workers)}), ratio to floor ${(otherRate / floorRate).toFixed(2)}`,
  );
  say(
    `ingest.floor_partial: ${partialRate.toFixed(1)} reports/s (locations, inspections, requirements and findings only, no parsing), ratio ours/partial ${(oursRate / partialRate).toFixed(2)}`,
  );
  say(
    `ingest.peak_rss: ${oursPeakRssMiB.toFixed(0)} MiB (our ingest's process, whole corpus; the bench process holding every parsed document for the floors: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB)`,
  );
}

/**
 * Peak RSS of `npm run ingest` on two generated corpora, the second four times the first, each
 * into this run's Neo4j, emptied (a fresh Neo4j per corpus, started, planned on cold and stopped,
 * cost about 65 s of a quick run).
 */
async function measureMemory(
  connection: Connection,
  driver: neo4j.Driver,
  db: Database,
): Promise<void> {
  const sizes = args.quick
    ? [
        { locations: 15, years: 3 },
        { locations: 60, years: 3 },
      ]
    : [
        { locations: 100, years: 5 },
        { locations: 400, years: 5 },
      ];
  const [small, large] = await measureIngestMemory(sizes, {
    log: say,
    shared: { connection, emptyGraph: () => emptyGraph(driver, db) },
  });
  if (small && large) {
    say(
      `ingest.memory_ratio: ${(large.peakRssMiB / small.peakRssMiB).toFixed(2)} (peak RSS at ${large.files} vs ${small.files} files, ${(large.files / small.files).toFixed(1)}× the corpus)`,
    );
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  say(
    `bench: ${args.quick ? 'quick' : 'full'} run, ${runs} timed runs per query, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
  );
  const config = readConfig();
  const benchNeo4j = await openBenchNeo4j(config, 'inspection-graph-bench-');
  const { connection, local } = benchNeo4j;
  if (config.neo4j.kind === 'external')
    say(
      `neo4j: ${connection.uri} (NEO4J_URI; ${args['keep-graph'] ? 'kept as it is' : 'it is emptied'})`,
    );
  else
    say(
      `neo4j: local embedded 5.26 on ${connection.uri}, heap ${config.neo4j.heap}, page cache ${config.neo4j.pageCache}`,
    );
  const driver = createDriver(connection);
  const db = new Database(driver, connection.database, 60_000);
  try {
    if (args['keep-graph']) {
      if (!local) say('ingest: skipped (--keep-graph): asking the questions of the graph as it is');
      else throw new Error('--keep-graph needs NEO4J_URI pointing at a loaded graph');
    } else {
      // Memory first: its corpora go into this Neo4j too, and the questions below are asked of
      // the graph the ingest figures leave (the corpus's, loaded by ours).
      await measureMemory(connection, driver, db);
      await measureIngest(connection, driver, db);
    }

    // Queries -----------------------------------------------------------------------------
    // As `npm run ingest` and `npm start` do: migrated, then the question summaries rebuilt if stale.
    await runMigrations(db, { seedDir: null, log: () => {} });
    const refreshed = await refreshSummaries(db, { onlyStale: true });
    say(`summaries.refresh: ${describeRefresh(refreshed)}`);
    const api = await startApiChild(connection);
    const peer = await startPeerChild(connection);
    // The same Cypher served over HTTP by a bare node:http server in a process of its own: the
    // bare driver above runs in this process, so ours pays an HTTP hop, a second process and
    // JSON that it does not; this floor pays them too (bench/graphql-overhead.ts).
    const bareHttp = await startBareHttpChild(connection);
    try {
      const findingId = await readSampleFindingId(driver);
      // What every request costs before any question: HTTP and Apollo against a trivial Bolt round trip.
      const [fixedOurs, fixedBare] = await measurePair(
        () => postJson(api.url, { query: '{ __typename }' }),
        () => driver.executeQuery('RETURN 1', {}, { routing: neo4j.routing.READ }),
        runs,
      );
      say(
        `http.fixed_cost: graphql { __typename } p50 ${formatMs(fixedOurs.p50)} ms | bare driver RETURN 1 p50 ${formatMs(fixedBare.p50)} ms (the floor under every question's overhead)`,
      );
      for (const testCase of buildQueryCases(findingId)) {
        const bareParams = toNeo4jParam(testCase.bare.params) as Record<string, unknown>;
        const [ours, bare, overHttp] = (await measureAlternating(
          [
            () => postJson(api.url, { query: testCase.graphql, variables: testCase.variables }),
            () =>
              driver.executeQuery(testCase.bare.cypher, bareParams, {
                routing: neo4j.routing.READ,
              }),
            () =>
              postJson(bareHttp.ready, {
                cypher: testCase.bare.cypher,
                params: testCase.bare.params,
              }),
          ],
          runs,
        )) as [Timing, Timing, Timing];
        say(
          `query.${testCase.name}: graphql p50 ${formatMs(ours.p50)} ms p95 ${formatMs(ours.p95)} ms | bare driver p50 ${formatMs(bare.p50)} ms p95 ${formatMs(bare.p95)} ms | overhead p50 ${(ours.p50 / bare.p50).toFixed(2)}x`,
        );
        say(
          `query_over_http.${testCase.name}: bare driver over HTTP p50 ${formatMs(overHttp.p50)} ms (${(overHttp.p50 / bare.p50).toFixed(2)}x the bare driver) | graphql over it p50 ${(ours.p50 / overHttp.p50).toFixed(2)}x (the same hop, process and JSON on both sides)`,
        );
      }
      const [ours, theirs] = await measurePair(
        () => postJson(api.url, { query: NESTED_READ.ours }),
        () => postJson(peer.url, { query: NESTED_READ.peer }),
        runs,
      );
      say(
        `peer.nestedRead: ours p50 ${formatMs(ours.p50)} ms p95 ${formatMs(ours.p95)} ms | @neo4j/graphql p50 ${formatMs(theirs.p50)} ms p95 ${formatMs(theirs.p95)} ms | ratio ours/theirs ${(ours.p50 / theirs.p50).toFixed(2)}`,
      );

      // Load --------------------------------------------------------------------------------
      const workload = buildQueryCases(findingId).map((c) => ({
        method: 'POST' as const,
        path: '/graphql',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: c.graphql, variables: c.variables }),
      }));
      const result = await autocannon({
        url: api.url.replace(/\/graphql$/, ''),
        connections: 32,
        duration: loadSeconds,
        requests: workload,
      });
      const non2xx = result.non2xx ?? 0;
      say(
        `load: ${result.requests.average.toFixed(0)} requests/s, p99 ${result.latency.p99} ms, errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${non2xx} (32 connections, ${loadSeconds}s, mixed workload of ${workload.length} operations)`,
      );
      const rss = await readPeakRssMiB(api.pid);
      say(
        `memory.server_peak_rss: ${rss === null ? 'unavailable' : `${rss.toFixed(0)} MiB`} (API server under load)`,
      );
    } finally {
      await bareHttp.stop();
      await peer.stop();
      await api.stop();
    }
  } finally {
    keepAlive.destroy();
    await driver.close();
    await benchNeo4j.close();
  }
  say(`bench: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((error: unknown) => {
  console.error('bench failed:', error);
  process.exit(1);
});
