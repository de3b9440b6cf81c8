/**
 * `npx tsx bench/hostile-requests.ts`: the hostile requests of issue 17, sent one kind at a time
 * to `npm start`'s server (src/app/main.ts in a child process) on the graph at NEO4J_URI. For
 * each: the HTTP status and error code, the time to the answer, the server's RSS before and its
 * peak while the request ran (sampled from /proc every 5 ms), the answer's size, and the time an
 * ordinary one-location query sent meanwhile took. Nothing here asserts a time: it prints.
 *
 * Load a graph first, e.g. `npm run generate -- --out /tmp/corpus --locations 100 --years 10`,
 * `npm run neo4j` and `NEO4J_URI=… npm run ingest -- /tmp/corpus`.
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { readConfig } from '../src/config.ts';
import { findFreePort } from '../src/db/local-neo4j.ts';
import { CASES, INGEST_TOKEN, post, query, type Case } from './hostile-cases.ts';
import { startServerChild } from './server-child.ts';

const ORDINARY = '{ locations(first: 1) { nodes { id name } } }';
const MiB = 1024 * 1024;

function readRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/** Peak RSS of `pid` while `work` runs. */
async function withPeakRss<T>(pid: number, work: () => Promise<T>): Promise<[T, number]> {
  let peak = readRssMiB(pid);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, readRssMiB(pid));
    } catch {
      // the process has gone: keep the last figure
    }
  }, 5);
  try {
    return [await work(), peak];
  } finally {
    clearInterval(timer);
  }
}

/**
 * Ordinary one-location queries, one after another, from a worker thread (its own event loop,
 * so the bench's sending of large bodies does not delay them) until told to stop: how many, the
 * slowest, and how many failed, which is what another client sees while hostile requests run.
 */
const ORDINARY_CLIENT = `
  const { parentPort, workerData } = require('node:worker_threads');
  let stop = false;
  parentPort.on('message', () => (stop = true));
  (async () => {
    const stats = { count: 0, slowest: 0, failed: 0 };
    do {
      const started = performance.now();
      let ok = false;
      try {
        const response = await fetch(workerData.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: workerData.body,
        });
        const json = await response.json();
        ok = response.status === 200 && !json.errors;
      } catch {}
      stats.count += 1;
      stats.slowest = Math.max(stats.slowest, performance.now() - started);
      if (!ok) stats.failed += 1;
    } while (!stop);
    parentPort.postMessage(stats);
  })();
`;

async function askMeanwhile(
  url: string,
  done: Promise<unknown>,
): Promise<{ count: number; slowest: number; failed: number }> {
  // An ordinary client starts asking once the hostile requests are on their way.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const worker = new Worker(ORDINARY_CLIENT, {
    eval: true,
    workerData: { url: new URL('/graphql', url).href, body: query(ORDINARY) },
  });
  const stats = new Promise<{ count: number; slowest: number; failed: number }>((resolve) =>
    worker.once('message', resolve),
  );
  await done;
  worker.postMessage('stop');
  const result = await stats;
  await worker.terminate();
  return result;
}

async function runCase(url: string, pid: number, hostile: Case): Promise<void> {
  const body = hostile.body();
  const before = readRssMiB(pid);
  const [[answers, ordinary], peak] = await withPeakRss(pid, async () => {
    const sent = Promise.all(
      Array.from({ length: hostile.copies }, () => post(url, body, hostile.headers)),
    );
    return Promise.all([sent, askMeanwhile(url, sent)]);
  });
  const outcomes = new Map<string, number>();
  for (const a of answers) {
    const key = `${a.status} ${a.code}`;
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  }
  const slowest = Math.max(...answers.map((a) => a.ms));
  console.log(
    `${hostile.name} (${(body.length / MiB).toFixed(1)} MiB body): ${[...outcomes]
      .map(([key, n]) => `${n}× ${key}`)
      .join(', ')}; answered in ${slowest.toFixed(0)} ms; answer ${answers[0]!.bytes} bytes; ` +
      `server RSS ${before.toFixed(0)} → peak ${peak.toFixed(0)} MiB; ordinary queries meanwhile: ` +
      `${ordinary.count}, slowest ${ordinary.slowest.toFixed(0)} ms, ${ordinary.failed} failed`,
  );
  if (answers[0]!.bytes < 600) console.log(`  answer: ${answers[0]!.text}`);
}

async function main(): Promise<void> {
  const config = readConfig();
  if (config.neo4j.kind !== 'external') throw new Error('Set NEO4J_URI to a loaded graph.');
  const connection = {
    uri: config.neo4j.uri,
    user: config.neo4j.user,
    password: config.neo4j.password,
    database: config.neo4j.database,
  };
  const only = process.argv[2];
  // A server of its own for each kind, so one kind's leftover heap is not the next one's baseline.
  for (const hostile of CASES.filter((c) => !only || c.name.includes(only))) {
    const port = await findFreePort();
    const server = await startServerChild(
      'src/app/main.ts',
      connection,
      { PORT: String(port), LOAD_SEED: 'false', INGEST_TOKEN, NODE_ENV: 'production' },
      /GraphQL at (\S+)graphql/,
    );
    try {
      // Warm up: the first requests compile and fill caches.
      for (let i = 0; i < 5; i += 1) await post(server.ready, query(ORDINARY));
      await runCase(server.ready, server.pid, hostile);
    } finally {
      await server.stop();
    }
  }
}

await main();
