/**
 * `npm run chaos [-- --seconds N] [-- --locations N --years Y] [-- --clients N] [-- --keep]`:
 * an ordinary query load against `npm start` while things go wrong, then a check that nothing
 * was lost. Everything runs on 127.0.0.1, in a temporary folder:
 *
 * 1. a generated corpus, a local Neo4j on a fresh data folder, and `npm start`'s server
 *    (src/app/main.ts in a child process) using it, as any command would (it takes a lease and
 *    supervises the Neo4j);
 * 2. a mixed load of cross-report questions and entity lookups from a few clients, for the
 *    whole run (bench/chaos-load.ts, a process of its own);
 * 3. meanwhile: `npm run ingest` of the corpus, killed with SIGKILL part way and run again to
 *    resume; during the second run the Neo4j process itself killed with SIGKILL, left to the
 *    project's own supervisor to restart; once it is back, the hostile requests of
 *    bench/hostile-cases.ts;
 * 4. the graph compared with an uninterrupted load of the same corpus into a second fresh
 *    Neo4j (bench/graph-digest.ts).
 *
 * It prints its figures and exits 1 when a goal is missed: a request failed outside the
 * outage, the database did not come back, the resumed ingest failed, or the graphs differ.
 * Nothing here asserts a time.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT, readConfig } from '../src/config.ts';
import { createDriver } from '../src/db/driver.ts';
import { Database } from '../src/db/executor.ts';
import { readInstanceRecord } from '../src/db/local-neo4j-folder.ts';
import { findFreePort, startLocalNeo4j, type LocalNeo4jHandle } from '../src/db/local-neo4j.ts';
import type { LoadRecord, LoadRequest, LoadSettings } from './chaos-load.ts';
import {
  compareContent,
  digestEntries,
  readGraphContent,
  type GraphContent,
} from './graph-digest.ts';
import { CASES, INGEST_TOKEN, post, query } from './hostile-cases.ts';
import { buildQueryCases } from './query-cases.ts';
import { startServerChild, type ServerChild } from './server-child.ts';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '180' },
    locations: { type: 'string', default: '60' },
    years: { type: 'string', default: '4' },
    clients: { type: 'string', default: '4' },
    keep: { type: 'boolean', default: false },
  },
});
const SECONDS = Number(args.seconds);
const CLIENTS = Number(args.clients);
/** Share of the corpus's files the first ingest has written when it is killed. */
const INGEST_KILL_SHARE = 0.4;
const REQUEST_TIMEOUT_MS = 60_000;
const RECOVERY_LIMIT_MS = 180_000;

const say = (line: string) => console.log(line);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The environment of a command using the local Neo4j of `dataDir` (never NEO4J_URI's). */
function localEnv(dataDir: string): Record<string, string> {
  return {
    NEO4J_URI: '',
    NEO4J_USER: '',
    NEO4J_PASSWORD: '',
    NEO4J_PASSWORD_FILE: '',
    NEO4J_DATA_DIR: dataDir,
    NEO4J_LOCAL_PORT: '0',
  };
}

async function startLocal(dataDir: string): Promise<LocalNeo4jHandle> {
  const settings = readConfig({ ...process.env, ...localEnv(dataDir) }).neo4j;
  if (settings.kind !== 'local') throw new Error('expected the local Neo4j settings');
  // Not supervised here: restarting it is the server's and the ingest's job, which is the test.
  return startLocalNeo4j(settings, () => {}, { supervise: false });
}

function openDatabase(local: LocalNeo4jHandle) {
  const driver = createDriver({
    uri: local.uri,
    user: 'neo4j',
    password: local.password,
    database: 'neo4j',
  });
  return { driver, db: new Database(driver, 'neo4j', 300_000) };
}

function runScript(script: string, argv: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, script), ...argv], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function exitOf(child: ChildProcess): Promise<number | string> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve(child.exitCode ?? child.signalCode!);
      return;
    }
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
}

/** An `npm run ingest` of `reports` whose lines are counted (and kept in `logFile`). */
function startIngest(reports: string, dataDir: string, logFile: string) {
  const child = runScript('src/cli/ingest.ts', [reports], localEnv(dataDir));
  const seen = { results: 0, loaded: 0, lines: [] as string[] };
  const onText = (chunk: Buffer) => {
    appendFileSync(logFile, chunk);
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      if (/^(loaded|unchanged|FAILED|skipped)\s/.test(line)) seen.results += 1;
      if (/^loaded\s/.test(line)) seen.loaded += 1;
      else seen.lines.push(line);
    }
  };
  child.stdout!.on('data', onText);
  child.stderr!.on('data', onText);
  return { child, seen, exit: exitOf(child) };
}

async function waitFor(check: () => boolean, limitMs: number): Promise<boolean> {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    if (check()) return true;
    await sleep(50);
  }
  return check();
}

async function isReady(url: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('/health/ready', url), {
      signal: AbortSignal.timeout(2_000),
    });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** The mix: the bench's cross-report questions and lookups of entities the corpus holds. */
function buildLoad(corpus: string): LoadRequest[] {
  const truth = readFileSync(path.join(corpus, 'ground-truth.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(
      (line) =>
        JSON.parse(line) as { locationId: string; inspectionId: string; providerId?: string },
    );
  const pick = <T>(list: readonly T[], i: number) => list[Math.floor((i * list.length) / 4)]!;
  const questions = buildQueryCases('')
    .filter((c) => c.name !== 'relatedFindings')
    .map((c) => ({ name: c.name, body: query(c.graphql, c.variables) }));
  const lookups: LoadRequest[] = [];
  for (let i = 0; i < 4; i += 1) {
    const row = pick(truth, i);
    lookups.push(
      {
        name: 'location',
        body: query(
          'query ($id: ID!) { location(id: $id) { id name inspections(first: 5) { nodes { id startDate } } } }',
          { id: row.locationId },
        ),
      },
      {
        name: 'inspection',
        body: query(
          'query ($id: ID!) { inspection(id: $id) { id startDate findings(first: 10) { nodes { id text } } } }',
          { id: row.inspectionId },
        ),
      },
    );
  }
  lookups.push({
    name: 'locations',
    body: query('{ locations(first: 10) { nodes { id name } } }'),
  });
  // Questions and lookups interleaved, so every client asks both kinds.
  const mix: LoadRequest[] = [];
  for (let i = 0; i < Math.max(questions.length, lookups.length); i += 1) {
    if (questions[i]) mix.push(questions[i]!);
    if (lookups[i]) mix.push(lookups[i]!);
  }
  return mix;
}

function startLoad(settings: LoadSettings) {
  const child = fork(path.join(PROJECT_ROOT, 'bench/chaos-load.ts'), [], {
    execArgv: ['--import', 'tsx'],
  });
  const records = new Promise<LoadRecord[]>((resolve, reject) => {
    child.once('message', (message: { records: LoadRecord[] }) => resolve(message.records));
    child.once('exit', (code) => reject(new Error(`the load process exited (${code})`)));
  });
  // Read only when the run gets that far; a run failing earlier kills the process.
  records.catch(() => {});
  child.send({ start: settings });
  return {
    child,
    stop: async () => {
      child.send({ stop: true });
      return records;
    },
  };
}

interface HostileWindow {
  name: string;
  start: number;
  end: number;
}

/**
 * Sends every hostile request once (each kind's copies at once); one line per kind, and when
 * each kind was on its way (from its first byte sent to its last answer).
 */
async function sendHostile(url: string, windows: HostileWindow[]): Promise<string[]> {
  const lines: string[] = [];
  for (const hostile of CASES) {
    const body = hostile.body();
    const start = Date.now();
    const answers = await Promise.all(
      Array.from({ length: hostile.copies }, () => post(url, body, hostile.headers)),
    );
    const outcomes = new Map<string, number>();
    for (const a of answers) {
      const key = `${a.status} ${a.code}`;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    }
    windows.push({ name: hostile.name, start, end: Date.now() });
    lines.push(
      `  ${hostile.name}: ${[...outcomes].map(([key, n]) => `${n}× ${key}`).join(', ')} in ${Math.max(...answers.map((a) => a.ms)).toFixed(0)} ms`,
    );
  }
  return lines;
}

function contentSize(content: GraphContent, prefix: string): number {
  let total = 0;
  for (const [kind, entries] of content) if (kind.startsWith(prefix)) total += entries.length;
  return total;
}

function wholeDigest(content: GraphContent): string {
  return digestEntries(
    [...content.keys()].sort().map((k) => `${k} ${digestEntries(content.get(k)!)}`),
  );
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0
    ? 0
    : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

interface Marks {
  ingestKilledAt: number | null;
  neo4jKilledAt: number | null;
  recoveredAt: number | null;
  hostileStart: number | null;
  hostileEnd: number | null;
  hostileWindows: HostileWindow[];
}

function reportLoad(records: readonly LoadRecord[], marks: Marks): { missed: string[] } {
  const missed: string[] = [];
  const failed = (list: readonly LoadRecord[]) => list.filter((r) => !r.ok);
  const describeFailures = (list: readonly LoadRecord[]) => {
    const counts = new Map<string, number>();
    for (const r of failed(list)) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
    return counts.size === 0 ? '' : ` (${[...counts].map(([o, n]) => `${n}× ${o}`).join(', ')})`;
  };
  const killed = marks.neo4jKilledAt ?? Infinity;
  const recovered = marks.recoveredAt ?? Infinity;
  const before = records.filter((r) => r.end <= killed);
  const during = records.filter((r) => r.end > killed && r.start < recovered);
  const after = records.filter((r) => r.start >= recovered);
  const latencies = records.map((r) => r.end - r.start).sort((a, b) => a - b);
  say(
    `chaos.requests_sent: ${records.length} ordinary (${CLIENTS} clients), ${failed(records).length} failed in all; p50 ${percentile(latencies, 0.5)} ms, p99 ${percentile(latencies, 0.99)} ms`,
  );
  say(
    `chaos.failed_before_outage: ${failed(before).length} of ${before.length} (goal 0; the ingest was killed and resumed in this stretch)${describeFailures(before)}`,
  );
  say(
    `chaos.failed_during_outage: ${failed(during).length} of ${during.length} (requests not finished when Neo4j was killed or started before it was ready again)${describeFailures(during)}; the slowest failure took ${Math.max(0, ...failed(during).map((r) => r.end - r.start))} ms to come back`,
  );
  say(
    `chaos.failed_after_recovery: ${failed(after).length} of ${after.length} (goal 0; hostile requests ran in this stretch)${describeFailures(after)}`,
  );
  if (failed(before).length > 0) missed.push('ordinary requests failed before the outage');
  if (failed(after).length > 0) missed.push('ordinary requests failed after recovery');
  if (marks.hostileStart !== null && marks.hostileEnd !== null) {
    const meanwhile = records.filter(
      (r) => r.end > marks.hostileStart! && r.start < marks.hostileEnd!,
    );
    const baseline = records
      .filter((r) => r.end <= Math.min(killed, marks.ingestKilledAt ?? Infinity))
      .map((r) => r.end - r.start)
      .sort((a, b) => a - b);
    const slowest = meanwhile.reduce<LoadRecord | null>(
      (worst, r) => (!worst || r.end - r.start > worst.end - worst.start ? r : worst),
      null,
    );
    const times = meanwhile.map((r) => r.end - r.start).sort((a, b) => a - b);
    const during = slowest
      ? marks.hostileWindows
          .filter((w) => w.end > slowest.start && w.start < slowest.end)
          .map((w) => w.name)
      : [];
    // The same stretch of the run without hostile requests: after recovery, before or after them.
    const quiet = after
      .filter((r) => r.end <= marks.hostileStart! || r.start >= marks.hostileEnd!)
      .map((r) => r.end - r.start)
      .sort((a, b) => a - b);
    say(
      `chaos.slowest_while_hostile: ${slowest ? `${slowest.end - slowest.start} ms (${slowest.name}, while these were sent: ${during.join('; ') || 'none'})` : 'none ran'}; ${meanwhile.length} ordinary requests in the ${seconds(marks.hostileEnd - marks.hostileStart)} of hostile ones, p50 ${percentile(times, 0.5)} ms, p99 ${percentile(times, 0.99)} ms, ${failed(meanwhile).length} failed (after recovery without hostile requests: p50 ${percentile(quiet, 0.5)} ms, p99 ${percentile(quiet, 0.99)} ms, slowest ${quiet.at(-1) ?? 0} ms; before the first kill, the server refreshing its summaries and ingest 1 running: p50 ${percentile(baseline, 0.5)} ms, p99 ${percentile(baseline, 0.99)} ms)`,
    );
  }
  return { missed };
}

async function main(): Promise<number> {
  const startedAt = Date.now();
  const root = mkdtempSync(path.join(os.tmpdir(), 'inspection-graph-chaos-'));
  const corpus = path.join(root, 'corpus');
  const reports = path.join(corpus, 'reports');
  const dataA = path.join(root, 'graph-chaos');
  const dataB = path.join(root, 'graph-uninterrupted');
  const missed: string[] = [];
  const cleanups: (() => Promise<unknown>)[] = [];
  say(
    `chaos: ${SECONDS} s of load, ${args.locations} locations × ${args.years} years, ${CLIENTS} clients, ${os.cpus().length} cores, node ${process.version}; files in ${root}`,
  );
  try {
    const generate = runScript(
      'src/cli/generate.ts',
      ['--out', corpus, '--locations', args.locations, '--years', args.years, '--no-progress'],
      {},
    );
    if ((await exitOf(generate)) !== 0) throw new Error('npm run generate failed');
    const files = readdirSync(reports, { recursive: true, withFileTypes: true }).filter(
      (e) => e.isFile() && !e.name.endsWith('.meta.json'),
    ).length;
    say(`corpus: ${files} report files`);

    // 1. The Neo4j and the server ------------------------------------------------------------
    const localA = await startLocal(dataA);
    cleanups.unshift(() => localA.stop());
    const port = await findFreePort();
    const serverLog = path.join(root, 'server.log');
    const supervisorLines: string[] = [];
    const server: ServerChild = await startServerChild(
      'src/app/main.ts',
      null,
      {
        ...localEnv(dataA),
        PORT: String(port),
        HOST: '127.0.0.1',
        LOAD_SEED: 'false',
        INGEST_TOKEN,
        NODE_ENV: 'production',
      },
      /GraphQL at (\S+)graphql/,
      (chunk) => {
        appendFileSync(serverLog, chunk);
        for (const line of chunk.split('\n'))
          if (/local Neo4j/.test(line) && !/^Using/.test(line)) supervisorLines.push(line.trim());
      },
    );
    let serverStopped = false;
    const stopServer = async () => {
      if (serverStopped) return;
      serverStopped = true;
      await server.stop();
    };
    cleanups.unshift(stopServer);
    // The server names itself `localhost`; asked by address, so nothing but 127.0.0.1 is used.
    const url = `http://127.0.0.1:${port}/`;
    say(`server: ${url} on the local Neo4j ${localA.uri} (data in ${dataA})`);

    // 2. The load ----------------------------------------------------------------------------
    const requests = buildLoad(corpus);
    const load = startLoad({
      url: new URL('/graphql', url).href,
      clients: CLIENTS,
      requests,
      timeoutMs: REQUEST_TIMEOUT_MS,
    });
    const loadStartedAt = Date.now();
    cleanups.unshift(async () => load.child.kill('SIGKILL'));
    say(
      `load: ${requests.length} kinds of request (${[...new Set(requests.map((r) => r.name))].join(', ')})`,
    );
    await sleep(5_000);
    const marks: Marks = {
      ingestKilledAt: null,
      neo4jKilledAt: null,
      recoveredAt: null,
      hostileStart: null,
      hostileEnd: null,
      hostileWindows: [],
    };

    // 3a. An ingest killed part way, then resumed --------------------------------------------
    const first = startIngest(reports, dataA, path.join(root, 'ingest-1.log'));
    cleanups.unshift(async () => first.child.kill('SIGKILL'));
    const target = Math.ceil(files * INGEST_KILL_SHARE);
    await Promise.race([waitFor(() => first.seen.loaded >= target, 600_000), first.exit]);
    if (first.child.exitCode === null && first.child.signalCode === null) {
      first.child.kill('SIGKILL');
      marks.ingestKilledAt = Date.now();
    }
    const firstExit = await first.exit;
    say(
      `ingest 1: killed with SIGKILL after ${first.seen.loaded} of ${files} files loaded (exit ${firstExit})`,
    );
    if (marks.ingestKilledAt === null) missed.push('the first ingest ended before it was killed');

    const second = startIngest(reports, dataA, path.join(root, 'ingest-2.log'));
    cleanups.unshift(async () => second.child.kill('SIGKILL'));
    // 3b. The Neo4j killed while the second ingest writes and the load reads ---------------------
    // Once it has passed over what the first run loaded, it is parsing and writing a new batch.
    await Promise.race([
      waitFor(() => second.seen.results >= first.seen.loaded, 600_000),
      second.exit,
    ]);
    await sleep(1_500);
    const record = readInstanceRecord(dataA);
    if (!record) throw new Error(`no instance.json in ${dataA}: is the local Neo4j running?`);
    process.kill(record.pid, 'SIGKILL');
    marks.neo4jKilledAt = Date.now();
    say(
      `neo4j: pid ${record.pid} killed with SIGKILL while ingest 2 had passed ${second.seen.results} files (${second.seen.loaded} loaded by it)${second.child.exitCode !== null ? ' (it had already finished)' : ''}`,
    );
    // Ready again: /health/ready answers 200 (the database answered within a second).
    const recoveryUntil = Date.now() + RECOVERY_LIMIT_MS;
    while (Date.now() < recoveryUntil) {
      if (await isReady(url)) {
        marks.recoveredAt = Date.now();
        break;
      }
      await sleep(100);
    }
    if (marks.recoveredAt === null) missed.push('the database did not come back');
    const secondExit = await second.exit;
    const waited = second.seen.lines.filter((l) => /waiting for Neo4j|Neo4j is back/i.test(l));
    const summary = second.seen.lines.find((l) => l.startsWith('files:')) ?? '(no summary line)';
    say(`ingest 2: exit ${secondExit}; ${summary}`);
    for (const line of waited.slice(0, 4)) say(`  ingest 2: ${line}`);
    for (const line of supervisorLines) say(`  server: ${line}`);
    if (secondExit !== 0) missed.push('the resumed ingest did not finish cleanly');

    // 3c. Hostile requests while the load runs ------------------------------------------------
    marks.hostileStart = Date.now();
    const hostileLines = await sendHostile(url, marks.hostileWindows);
    marks.hostileEnd = Date.now();
    say(`hostile: ${CASES.length} kinds sent in ${seconds(marks.hostileEnd - marks.hostileStart)}`);
    for (const line of hostileLines) say(line);

    const loadUntil = loadStartedAt + SECONDS * 1000;
    if (Date.now() < loadUntil) await sleep(loadUntil - Date.now());
    const records = await load.stop();
    say(`load: ran ${seconds(Date.now() - loadStartedAt)}`);
    missed.push(...reportLoad(records, marks).missed);
    say(
      `chaos.time_to_recover: ${marks.recoveredAt && marks.neo4jKilledAt ? seconds(marks.recoveredAt - marks.neo4jKilledAt) : 'never'} (SIGKILL of Neo4j → first /health/ready 200)`,
    );

    // 4. The graph against an uninterrupted load ----------------------------------------------
    const a = openDatabase(localA);
    const contentA = await readGraphContent(a.db);
    await a.driver.close();
    await stopServer();
    await localA.stop();
    const localB = await startLocal(dataB);
    cleanups.unshift(() => localB.stop());
    const uninterrupted = startIngest(reports, dataB, path.join(root, 'ingest-uninterrupted.log'));
    const uninterruptedExit = await uninterrupted.exit;
    const b = openDatabase(localB);
    const contentB = await readGraphContent(b.db);
    await b.driver.close();
    await localB.stop();
    if (uninterruptedExit !== 0) missed.push('the uninterrupted ingest failed');
    const differences = compareContent(contentA, contentB);
    const differing = differences.reduce((sum, d) => sum + d.differing, 0);
    say(
      `chaos.graph_differences: ${differing} (goal 0) over ${contentA.size} labels and types; chaos graph ${contentSize(contentA, ':')} label entries and ${contentSize(contentA, '-')} relationships, digest ${wholeDigest(contentA)}; uninterrupted load (exit ${uninterruptedExit}) digest ${wholeDigest(contentB)}`,
    );
    for (const d of differences) {
      say(`  ${d.kind}: ${d.countA} vs ${d.countB}, ${d.differing} entries differ`);
      for (const example of d.examples) say(`    ${example}`);
    }
    if (differing > 0) missed.push('the graphs differ');
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => {});
    if (!args.keep) rmSync(root, { recursive: true, force: true });
  }
  say(
    `chaos: done in ${seconds(Date.now() - startedAt)}; ${missed.length === 0 ? 'every goal met' : `goals missed: ${missed.join('; ')}`}`,
  );
  return missed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('chaos failed:', error);
    process.exit(1);
  },
);
