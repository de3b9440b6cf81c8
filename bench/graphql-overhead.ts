/**
 * GraphQL's overhead over the bare driver, uncached (issue #20 item 4), on the graph NEO4J_URI
 * names, as it is: each question of bench/query-cases.ts asked through GraphQL over HTTP (the
 * API server in a process of its own, response cache off) and as the same Cypher on the bare
 * driver, in alternating rounds, with the ratio of the p50s. Beside them, two floors:
 *
 * - `bare over HTTP`: the same Cypher run by a minimal node:http server in a process of its own
 *   (bench/bare-http-child.ts) that writes the records as JSON, so the share of the gap that is
 *   HTTP, JSON and a second process (not GraphQL) can be read off;
 * - `{ __typename }` against `RETURN 1`: what every request costs before any question.
 *
 * `--before DIR` also serves the same questions from another checkout's `src/app/main.ts` (the
 * code before a change, say a `git worktree add --detach` of main with node_modules linked), in
 * the same alternating rounds, so before and after are compared within one run.
 *
 *   NEO4J_URI=bolt://127.0.0.1:7703 NEO4J_PASSWORD_FILE=DIR/neo4j-password \
 *     npx tsx bench/graphql-overhead.ts [--runs 200] [--only a,b] [--before DIR]
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { readConfig } from '../src/config.ts';
import { createDriver, type Connection } from '../src/db/driver.ts';
import { toNeo4jParam } from '../src/db/executor.ts';
import { findFreePort } from '../src/db/local-neo4j.ts';
import { postGraphql } from './post-graphql.ts';
import { buildQueryCases, readSampleFindingId, type QueryCase } from './query-cases.ts';
import { startBareHttpChild, startServerChild, type ServerChild } from './server-child.ts';
import { formatMs, measureAlternating } from './stats.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '200' },
    only: { type: 'string' },
    before: { type: 'string' },
  },
});
const runs = Number(args.runs);
const WARMUP = 3;

const keepAlive = new http.Agent({ keepAlive: true });

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function readCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

interface Api {
  url: string;
  child: ServerChild;
}

async function startApi(script: string, connection: Connection): Promise<Api> {
  const port = await findFreePort();
  const child = await startServerChild(
    script,
    connection,
    // No response cache: every request reaches Neo4j, as the bare driver does.
    { PORT: String(port), HOST: '127.0.0.1', LOAD_SEED: 'false', RESPONSE_CACHE_BYTES: '0' },
    // Once its own warm-up after the start has run, which would otherwise share the first rounds.
    /questions (?:warmed|not warmed)/,
  );
  return { url: `http://127.0.0.1:${port}/graphql`, child };
}

async function main(): Promise<void> {
  const config = readConfig();
  if (config.neo4j.kind !== 'external')
    throw new Error('set NEO4J_URI (and NEO4J_PASSWORD_FILE) to a loaded graph');
  const connection = config.neo4j;
  const driver = createDriver(connection);
  const after = await startApi('src/app/main.ts', connection);
  const before = args.before
    ? await startApi(path.resolve(args.before, 'src/app/main.ts'), connection)
    : null;
  const bareHttp = await startBareHttpChild(connection);
  try {
    const findingId = await readSampleFindingId(driver);
    const only = args.only?.split(',');
    const cases: QueryCase[] = [
      {
        name: 'floor',
        graphql: '{ __typename }',
        variables: {},
        bare: { cypher: 'RETURN 1 AS one', params: {} },
      },
      ...buildQueryCases(findingId).filter((c) => !only || only.includes(c.name)),
    ];
    console.log(
      `graphql-overhead: ${runs} alternating rounds per question on ${connection.uri}${before ? `, before = ${args.before}` : ''}`,
    );
    for (const testCase of cases) {
      const params = toNeo4jParam(testCase.bare.params) as Record<string, unknown>;
      const body = { query: testCase.graphql, variables: testCase.variables };
      const sides: { label: string; pid?: number; work: () => Promise<unknown> }[] = [
        {
          label: 'graphql',
          pid: after.child.pid,
          work: () => postGraphql(after.url, body, keepAlive),
        },
        ...(before
          ? [
              {
                label: 'before',
                pid: before.child.pid,
                work: () => postGraphql(before.url, body, keepAlive),
              },
            ]
          : []),
        {
          label: 'bare over HTTP',
          pid: bareHttp.pid,
          work: () =>
            postGraphql(
              bareHttp.ready,
              { cypher: testCase.bare.cypher, params: testCase.bare.params },
              keepAlive,
            ),
        },
        {
          label: 'bare driver',
          work: () =>
            driver.executeQuery(testCase.bare.cypher, params, { routing: neo4j.routing.READ }),
        },
      ];
      const load = loadavg()[0]!.toFixed(1);
      const cpuBefore = sides.map((side) => (side.pid ? readCpuSeconds(side.pid) : 0));
      const timings = await measureAlternating(
        sides.map((side) => side.work),
        runs,
        WARMUP,
      );
      // CPU per request of each server process: what load on the machine hardly changes.
      const cpuMs = sides.map((side, at) =>
        side.pid ? ((readCpuSeconds(side.pid) - cpuBefore[at]!) * 1000) / (runs + WARMUP) : null,
      );
      const bare = timings.at(-1)!.p50;
      const figures = sides.map(
        (side, at) =>
          `${side.label} p50 ${formatMs(timings[at]!.p50)} ms (${(timings[at]!.p50 / bare).toFixed(2)}x)${cpuMs[at] === null ? '' : `, server CPU ${formatMs(cpuMs[at]!)} ms`}`,
      );
      console.log(`${testCase.name}: ${figures.join(' | ')} | load ${load}`);
    }
  } finally {
    keepAlive.destroy();
    await bareHttp.stop();
    await before?.child.stop();
    await after.child.stop();
    await driver.close();
  }
}

await main();
