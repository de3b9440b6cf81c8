/**
 * The response cache with the server's graph watcher, against a real Neo4j: a repeated query is
 * answered with no database at all (the server's own driver is closed and the hit still comes);
 * a write through ANOTHER driver moves the version and, once the watcher has read it, the next
 * request misses and sees it; a write through the server (the ingestReport mutation) is seen by
 * the very next request; and while the watcher fails, every request reads the version itself,
 * so a write by another driver is seen at once. Behind the subscriptions, the change poller reads
 * the feed only when the watched counter moved.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runMigrations } from '../../src/app/prepare-graph.ts';
import { createDriver } from '../../src/db/driver.ts';
import { Database } from '../../src/db/executor.ts';
import { readAnswerVersion } from '../../src/graph/summaries/graph-version.ts';
import { ChangePoller, type ChangeBatch } from '../../src/graph/changes/change-poller.ts';
import { VersionWatcher, type GraphMark } from '../../src/graph/version-watch/version-watcher.ts';
import { ingestFile } from '../../src/load/ingest-files.ts';
import { startServer, type RunningServer } from '../../src/server/app.ts';
import { FIXTURE_DIR, INGEST_TOKEN } from '../support/api-fixture.ts';
import { CQC_SEED, OFSTED_SEED, SEED_DIR } from '../support/seed-documents.ts';
import { connectTestGraph, resetTestGraph, type TestGraph } from '../support/test-graph.ts';

const VERSION_READ = 'graph-state.read-answer-version';
const HOME = 'ofsted:SC999001';
const HOME_QUERY = `query Home($id: ID!) { location(id: $id) { id inspections { totalCount } } }`;
const COUNT_QUERY = `{ inspections(first: 1) { totalCount } }`;
const CORPUS = 'tests/fixtures/corpus/text';

interface Answer {
  status: number;
  cache: string | null;
  body: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
  queries: string[];
}

/** A server with a cache, its own driver for requests and another for its watcher. */
interface WatchedServer {
  server: RunningServer;
  requestDriver: ReturnType<typeof createDriver>;
  watchDriver: ReturnType<typeof createDriver>;
  /** Resolves once a watcher read gives a mark for which `accept` holds. */
  untilWatched(accept: (outcome: GraphMark | Error) => boolean): Promise<void>;
  ask(query: string, variables?: Record<string, unknown>, token?: boolean): Promise<Answer>;
}

let graph: TestGraph;
const servers: WatchedServer[] = [];

async function load(file: string): Promise<void> {
  const result = await ingestFile(file, { db: graph.db, force: false, meta: null });
  if (result.status !== 'loaded') throw new Error(`${file}: ${result.status} ${result.message}`);
}

async function startWatchedServer(): Promise<WatchedServer> {
  const connection = inject('neo4j');
  const requestDriver = createDriver(connection);
  const watchDriver = createDriver(connection);
  const requestQueries: string[][] = [];
  const waiters = new Set<() => void>();
  let last: GraphMark | Error | null = null;
  const server = await startServer(
    {
      host: '127.0.0.1',
      port: 0,
      ingestToken: INGEST_TOKEN,
      responseCacheBytes: 1024 * 1024,
      limits: { graphWatchMs: 500 },
    },
    new Database(requestDriver, connection.database, 60_000),
    {
      onRequestQueries: (names) => requestQueries.push([...names]),
      log: () => {},
      watchDb: new Database(watchDriver, connection.database, 60_000),
      onGraphWatch: (outcome) => {
        last = outcome;
        for (const wake of waiters) wake();
      },
    },
  );
  const watched: WatchedServer = {
    server,
    requestDriver,
    watchDriver,
    async untilWatched(accept) {
      while (last === null || !accept(last)) {
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            resolve();
          };
          waiters.add(wake);
        });
      }
    },
    async ask(query, variables = {}, token = false) {
      const before = requestQueries.length;
      const response = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token && { authorization: `Bearer ${INGEST_TOKEN}` }),
        },
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: response.status,
        cache: response.headers.get('x-response-cache'),
        body: (await response.json()) as Answer['body'],
        queries: requestQueries.slice(before).flat(),
      };
    },
  };
  servers.push(watched);
  return watched;
}

/** The answer version the graph holds now, read through the test's own driver. */
async function graphVersion(): Promise<string> {
  return (await graph.db.read(readAnswerVersion, {}))[0]!.version;
}

function homeCount(answer: Answer): number {
  return (answer.body.data!.location as { inspections: { totalCount: number } }).inspections
    .totalCount;
}

function inspectionCount(answer: Answer): number {
  return (answer.body.data!.inspections as { totalCount: number }).totalCount;
}

beforeAll(async () => {
  graph = connectTestGraph();
  await resetTestGraph(graph);
  await runMigrations(graph.db, { seedDir: null, log: () => {} });
  await load(path.join(SEED_DIR, OFSTED_SEED));
  await load(path.join(SEED_DIR, CQC_SEED));
  await load(path.join(FIXTURE_DIR, 'sc999001-2022-03-08.txt'));
});

afterAll(async () => {
  for (const { server, requestDriver, watchDriver } of servers) {
    await server.stop();
    await requestDriver.close();
    await watchDriver.close();
  }
  await graph?.close();
});

describe('the response cache with the graph watcher', () => {
  it('answers a hit with no query, and a write by another driver is a miss once watched', async () => {
    const watched = await startWatchedServer();
    const version = await graphVersion();
    await watched.untilWatched(
      (mark) => !(mark instanceof Error) && mark.answerVersion === version,
    );
    const first = await watched.ask(HOME_QUERY, { id: HOME });
    expect(first.cache).toBe('miss');
    expect(first.queries).not.toContain(VERSION_READ);
    const hit = await watched.ask(HOME_QUERY, { id: HOME });
    expect(hit.cache).toBe('hit');
    expect(hit.queries).toEqual([]);
    expect(hit.body).toEqual(first.body);

    // As `npm run ingest` in another process: the test's own driver, not the server's.
    await load(path.join(FIXTURE_DIR, 'sc999001-2023-02-14.txt'));
    const moved = await graphVersion();
    expect(moved).not.toBe(version);
    await watched.untilWatched((mark) => !(mark instanceof Error) && mark.answerVersion === moved);
    const after = await watched.ask(HOME_QUERY, { id: HOME });
    expect(after.cache).toBe('miss');
    expect(homeCount(after)).toBe(homeCount(first) + 1);
    expect((await watched.ask(HOME_QUERY, { id: HOME })).cache).toBe('hit');
  });

  it('sees a write through its own mutation in the very next request', async () => {
    const watched = await startWatchedServer();
    const before = await watched.ask(COUNT_QUERY);
    expect((await watched.ask(COUNT_QUERY)).cache).toBe('hit');
    const file = path.join(CORPUS, 'ofsted-ilacs_80426_barnsley_2018-11-19.txt');
    const upload = await watched.ask(
      'mutation ($content: String!) { ingestReport(input: { content: $content, fileName: "barnsley.txt" }) { status } }',
      { content: readFileSync(file, 'utf8') },
      true,
    );
    expect(upload.body.data).toEqual({ ingestReport: { status: 'loaded' } });
    // No wait for the watcher: the mutation distrusted every version read before it.
    const after = await watched.ask(COUNT_QUERY);
    expect(after.cache).toBe('miss');
    expect(inspectionCount(after)).toBe(inspectionCount(before) + 1);
  });

  it('needs no database for a hit: the server’s own driver is closed and the hit still comes', async () => {
    const watched = await startWatchedServer();
    const version = await graphVersion();
    await watched.untilWatched(
      (mark) => !(mark instanceof Error) && mark.answerVersion === version,
    );
    const first = await watched.ask(HOME_QUERY, { id: HOME });
    expect(first.body.errors).toBeUndefined();
    await watched.requestDriver.close();
    // The watcher reads through its own driver, still open, so the version stays vouched for.
    await watched.untilWatched((mark) => !(mark instanceof Error));
    const hit = await watched.ask(HOME_QUERY, { id: HOME });
    expect(hit.cache).toBe('hit');
    expect(hit.body).toEqual(first.body);
    // Anything that needs the database now fails: the hit above did not use it.
    const other = await watched.ask(HOME_QUERY, { id: 'ofsted:SC999002' });
    expect(other.body.errors?.length).toBeGreaterThan(0);
    expect(other.cache).toBeNull();
  });

  it('reads the version per request while the watcher fails, so another driver’s write is seen at once', async () => {
    const watched = await startWatchedServer();
    const version = await graphVersion();
    await watched.untilWatched(
      (mark) => !(mark instanceof Error) && mark.answerVersion === version,
    );
    const first = await watched.ask(COUNT_QUERY);
    expect((await watched.ask(COUNT_QUERY)).queries).toEqual([]);
    // The watcher's database goes away (as Neo4j does for a watcher that cannot reach it):
    // once the watcher knows, or its last read is older than the bound, requests read the version.
    await watched.watchDriver.close();
    let fallback = await watched.ask(COUNT_QUERY);
    while (!fallback.queries.includes(VERSION_READ)) fallback = await watched.ask(COUNT_QUERY);
    expect(fallback.cache).toBe('hit');
    expect(fallback.queries).toEqual([VERSION_READ]);
    await load(path.join(CORPUS, 'ofsted-ilacs_80508_lewisham_2024-01-31.txt'));
    // No wait: with the watcher failing, the request reads the version itself.
    const after = await watched.ask(COUNT_QUERY);
    expect(after.cache).toBe('miss');
    expect(after.queries[0]).toBe(VERSION_READ);
    expect(inspectionCount(after)).toBe(inspectionCount(first) + 1);
  });
});

describe('the change poller behind the graph watcher', () => {
  it('reads the feed only when the watched counter moved, and then hands the change over', async () => {
    const sent: string[] = [];
    const db = graph.db.withObserver((name) => sent.push(name));
    const marks: GraphMark[] = [];
    let wake: () => void = () => {};
    const watcher = new VersionWatcher(db, {
      intervalMs: 20,
      onRead: (outcome) => {
        if (!(outcome instanceof Error)) marks.push(outcome);
        wake();
      },
    });
    const poller = new ChangePoller(db, watcher);
    const untilMarks = async (n: number) => {
      while (marks.length < n) await new Promise<void>((resolve) => (wake = resolve));
    };
    const feedReads = () =>
      sent.filter((name) => name === 'changes.read-after-with-subjects').length;
    const stream = await poller.subscribe();
    try {
      // The first marks may overlap the poller's one planning read of the feed; then it is idle.
      await untilMarks(3);
      const idleFrom = feedReads();
      const changeQueriesFrom = sent.filter((name) => name.startsWith('changes.')).length;
      const idleMarks = marks.length;
      await untilMarks(idleMarks + 5);
      expect(feedReads()).toBe(idleFrom);

      await load(path.join(CORPUS, 'ofsted-focused-visit_80441_bristol_2025-03-20.txt'));
      const batch = await stream.next();
      expect(batch.done).toBe(false);
      const rows = (batch.value as ChangeBatch).rows;
      const created = rows.find((row) => row.entityType === 'INSPECTION' && row.kind === 'CREATED');
      // The subject came with the feed's page: its inspection, place and reports, no second query.
      expect(created?.subject?.inspection?.id).toBe(created?.entityId);
      expect(created?.subject?.reportShas).toContain(created?.reportId);
      expect(created?.subject?.regulator).toBe('OFSTED');
      expect(feedReads()).toBeGreaterThan(idleFrom);
      expect(sent.filter((name) => name.startsWith('changes.')).length - changeQueriesFrom).toBe(
        feedReads() - idleFrom,
      );
      expect(marks.at(-1)!.changeSeq).toBeGreaterThanOrEqual(rows.at(-1)!.seq);
    } finally {
      await stream.return?.();
      await poller.stop();
      await watcher.stop();
    }
  });
});
