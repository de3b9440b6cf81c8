/**
 * Where the API server's CPU goes for each question of bench/query-cases.ts (issue #20 item 4):
 * the API server (`src/app/main.ts`, response cache off, as bench/graphql-overhead.ts runs it) and
 * the bare HTTP floor (bench/bare-http-child.ts) each in a process of its own with the inspector
 * open; for each question a V8 CPU profile is taken over `--requests` requests only (after a
 * warm-up, nothing of the start in it) and summed by part and stage (bench/cpu-profile-summary.ts).
 *
 *   NEO4J_URI=bolt://127.0.0.1:7703 NEO4J_PASSWORD_FILE=DIR/neo4j-password \
 *     npx tsx bench/profile-server.ts [--requests 300] [--only nestedRead,search] [--out DIR] [--top]
 *
 * `--out DIR` keeps each .cpuprofile (open them in Chrome's DevTools); `--top` also prints the
 * 25 functions with the most self time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { readConfig } from '../src/config.ts';
import { createDriver, type Connection } from '../src/db/driver.ts';
import { findFreePort } from '../src/db/local-neo4j.ts';
import { printProfileSummary, summariseProfile } from './cpu-profile-summary.ts';
import { postGraphql } from './post-graphql.ts';
import { buildQueryCases, readSampleFindingId, type QueryCase } from './query-cases.ts';
import { startServerChild, type ServerChild } from './server-child.ts';

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '300' },
    only: { type: 'string' },
    out: { type: 'string' },
    top: { type: 'boolean', default: false },
  },
});
const requests = Number(args.requests);
const WARMUP = 20;
const INSPECTOR = /Debugger listening on (ws:\/\/\S+)/;

/** A minimal Chrome DevTools protocol client: one request at a time, answers by id. */
class Inspector {
  private next = 0;
  private readonly waiting = new Map<number, (result: unknown) => void>();
  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { id?: number; result?: unknown };
      if (message.id !== undefined) this.waiting.get(message.id)?.(message.result);
    });
  }

  static open(url: string): Promise<Inspector> {
    const socket = new WebSocket(url);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new Inspector(socket)));
      socket.once('error', reject);
    });
  }

  send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = (this.next += 1);
    return new Promise((resolve) => {
      this.waiting.set(id, (result) => resolve(result as T));
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  close(): void {
    this.socket.close();
  }
}

interface Profiled {
  child: ServerChild;
  inspector: Inspector;
}

async function startProfiled(
  start: (nodeArgs: string[], onOutput: (chunk: string) => void) => Promise<ServerChild>,
): Promise<Profiled> {
  let output = '';
  const child = await start(['--inspect=127.0.0.1:0'], (chunk) => (output += chunk));
  const url = INSPECTOR.exec(output)?.[1];
  if (!url) throw new Error(`no inspector address in the child's output: ${output.slice(0, 500)}`);
  const inspector = await Inspector.open(url);
  await inspector.send('Profiler.enable');
  // Every 200 µs: a nested read's 15 ms is then about 75 samples.
  await inspector.send('Profiler.setSamplingInterval', { interval: 200 });
  return { child, inspector };
}

async function profileRequests(
  side: Profiled,
  label: string,
  ask: () => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < WARMUP; i += 1) await ask();
  await side.inspector.send('Profiler.start');
  const started = performance.now();
  for (let i = 0; i < requests; i += 1) await ask();
  const wallMs = (performance.now() - started) / requests;
  const { profile } = await side.inspector.send<{
    profile: Parameters<typeof summariseProfile>[0];
  }>('Profiler.stop');
  if (args.out) writeFileSync(path.join(args.out, `${label}.cpuprofile`), JSON.stringify(profile));
  console.log(
    `\n== ${label}: ${wallMs.toFixed(2)} ms per request (wall, sequential), load ${loadavg()[0]!.toFixed(1)}`,
  );
  const summary = summariseProfile(profile);
  if (!args.top) summary.topFunctions = [];
  printProfileSummary(summary, requests);
}

async function main(): Promise<void> {
  const config = readConfig();
  if (config.neo4j.kind !== 'external')
    throw new Error('set NEO4J_URI (and NEO4J_PASSWORD_FILE) to a loaded graph');
  const connection: Connection = config.neo4j;
  if (args.out) mkdirSync(args.out, { recursive: true });
  const driver = createDriver(connection);
  const port = await findFreePort();
  const api = await startProfiled((nodeArgs, onOutput) =>
    startServerChild(
      'src/app/main.ts',
      connection,
      { PORT: String(port), HOST: '127.0.0.1', LOAD_SEED: 'false', RESPONSE_CACHE_BYTES: '0' },
      /questions (?:warmed|not warmed)/,
      onOutput,
      nodeArgs,
    ),
  );
  const bare = await startProfiled((nodeArgs, onOutput) =>
    startServerChild(
      'bench/bare-http-child.ts',
      connection,
      {},
      /bare ready at (\S+)/,
      onOutput,
      nodeArgs,
    ),
  );
  const agent = new http.Agent({ keepAlive: true });
  try {
    const findingId = await readSampleFindingId(driver);
    const only = args.only?.split(',');
    // `floor`: what every request costs before any question (as in graphql-overhead.ts).
    const floor: QueryCase = {
      name: 'floor',
      graphql: '{ __typename }',
      variables: {},
      bare: { cypher: 'RETURN 1 AS one', params: {} },
    };
    const cases = [floor, ...buildQueryCases(findingId)].filter(
      (c) => !only || only.includes(c.name),
    );
    for (const testCase of cases) {
      const url = `http://127.0.0.1:${port}/graphql`;
      const body = { query: testCase.graphql, variables: testCase.variables };
      await profileRequests(api, `${testCase.name}-api`, () => postGraphql(url, body, agent));
      const bareBody = { cypher: testCase.bare.cypher, params: testCase.bare.params };
      await profileRequests(bare, `${testCase.name}-bare-http`, () =>
        postGraphql(bare.child.ready, bareBody, agent),
      );
    }
  } finally {
    agent.destroy();
    for (const side of [api, bare]) {
      side.inspector.close();
      await side.child.stop();
    }
    await driver.close();
  }
}

await main();
