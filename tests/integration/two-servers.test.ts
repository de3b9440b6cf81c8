/**
 * "From any server" (issue 19): two API servers, each with its own driver, on one real Neo4j, as
 * two instances behind a load balancer would run. A subscriber of server B gets an inspection
 * ingested through server A's mutation and one loaded by `npm run ingest` in another process;
 * a client paging `changes` with a stored cursor, each page from the other server and reports
 * landing between its pages, reads every change once. The expected changes come from the graph
 * itself (its entities before and after, the count of its Change nodes), not from the feed.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createDriver } from '../../src/db/driver.ts';
import { Database } from '../../src/db/executor.ts';
import { defineQuery, read } from '../../src/db/query.ts';
import { ingestFile } from '../../src/load/ingest-files.ts';
import { startServer, type RunningServer } from '../../src/server/app.ts';
import {
  entityKeys,
  expectConsecutive,
  keyOf,
  readFeed,
  readFeedPage,
  type FeedChange,
} from '../support/change-feed.ts';
import { postGraphQL } from '../support/http.ts';
import { runIngest } from '../support/ingest-cli.ts';
import { connectTestGraph, resetTestGraph, type TestGraph } from '../support/test-graph.ts';

const ASHGROVE = 'tests/fixtures/reports/sc999002-2023-05-10.txt';
const BROOKSIDE_2022 = 'tests/fixtures/reports/sc999001-2022-03-08.txt';
const BROOKSIDE_2023 = 'tests/fixtures/reports/sc999001-2023-02-14.txt';
const CORPUS = 'tests/fixtures/corpus/text';
const BETWEEN_PAGES = [
  `${CORPUS}/ofsted-focused-visit_80441_bristol_2025-03-20.txt`,
  `${CORPUS}/ofsted-ilacs_80508_lewisham_2024-01-31.txt`,
  `${CORPUS}/ofsted-ilacs_80515_sutton_2022-02-01.txt`,
];
const TOKEN = 'two-servers-test-token';

/** The feed as the graph holds it: how many Change nodes, and the highest seq. */
const countChanges = defineQuery<object, { count: number; last: number }>({
  name: 'test.count-changes',
  cypher: 'MATCH (c:Change) RETURN count(c) AS count, coalesce(max(c.seq), 0) AS last',
  parse: (row) => ({ count: read.number(row, 'count'), last: read.number(row, 'last') }),
});

const INGEST = `mutation ($content: String!, $fileName: String!) {
  ingestReport(input: { content: $content, fileName: $fileName }) { status message inspection { id } }
}`;

interface Received {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string }[];
}

describe('two API servers on one graph', () => {
  let graph: TestGraph;
  const drivers: ReturnType<typeof createDriver>[] = [];
  let serverA: RunningServer;
  let serverB: RunningServer;
  let client: Client;
  const subscribed: string[] = [];
  const waiters: (() => void)[] = [];

  /** A database handle with a connection pool of its own, as another server process has. */
  function ownDatabase(): Database {
    const connection = inject('neo4j');
    const driver = createDriver(connection);
    drivers.push(driver);
    return new Database(driver, connection.database, 60_000);
  }

  beforeAll(async () => {
    graph = connectTestGraph();
    await resetTestGraph(graph);
    // Before anyone listens: the first load of a fresh database plans every statement (slow).
    expect((await ingestFile(ASHGROVE, { db: graph.db, force: false, meta: null })).status).toBe(
      'loaded',
    );
    // Both as `npm start` runs them: a response cache and the graph watcher.
    const config = {
      host: '127.0.0.1',
      port: 0,
      ingestToken: TOKEN,
      responseCacheBytes: 1 << 20,
      limits: { graphWatchMs: 100 },
    };
    serverA = await startServer(config, ownDatabase());
    serverB = await startServer({ ...config, ingestToken: null }, ownDatabase(), {
      onSubscribed: (field) => {
        subscribed.push(field);
        waiters.splice(0).forEach((wake) => wake());
      },
    });
    client = createClient({
      url: `ws://127.0.0.1:${serverB.port}/graphql`,
      webSocketImpl: WebSocket,
      lazy: true,
      retryAttempts: 0,
    });
  });

  afterAll(async () => {
    await client?.dispose();
    await serverA?.stop();
    await serverB?.stop();
    await Promise.all(drivers.map((driver) => driver.close()));
    await graph?.close();
  });

  async function untilSubscribed(n: number): Promise<void> {
    while (subscribed.length < n) await new Promise<void>((resolve) => waiters.push(resolve));
  }

  /** Subscribes on server B; `until(test)` waits for an event list that passes `test`. */
  function subscribe(query: string) {
    const received: Received[] = [];
    let wake: (() => void) | null = null;
    client.subscribe(
      { query },
      {
        next: (value) => {
          received.push(value as Received);
          wake?.();
        },
        error: (error) => {
          received.push({ errors: [{ message: String(error) }] });
          wake?.();
        },
        complete: () => {},
      },
    );
    const until = async (test: (events: Received[]) => boolean) => {
      while (!test(received)) await new Promise<void>((resolve) => (wake = resolve));
      return received;
    };
    return { received, until };
  }

  async function ingestThroughA(file: string): Promise<string> {
    const response = await postGraphQL<{
      ingestReport: { status: string; message: string; inspection: { id: string } | null };
    }>(
      serverA.url,
      INGEST,
      { content: readFileSync(file, 'utf8'), fileName: file.split('/').at(-1)! },
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(response.body.errors).toBeUndefined();
    const result = response.body.data!.ingestReport;
    expect(result.status, result.message).toBe('loaded');
    return result.inspection!.id;
  }

  const changesOf = (events: Received[]) =>
    events.map((event) => {
      expect(event.errors).toBeUndefined();
      return event.data!.changes as Pick<FeedChange, 'seq' | 'kind' | 'entityType' | 'entityId'>;
    });

  it('pushes to a subscriber of server B an inspection ingested through server A, and every change of it', async () => {
    const published = subscribe(
      'subscription { inspectionPublished(filter: { locationId: "ofsted:SC999001" }) { id overallGrade } }',
    );
    const feed = subscribe('subscription { changes { seq kind entityType entityId } }');
    await untilSubscribed(2);
    const before = await entityKeys(graph.db);
    const { last: lastBefore } = (await graph.db.read(countChanges, {}))[0]!;

    const id = await ingestThroughA(BROOKSIDE_2023);

    const [event] = await published.until((events) => events.length >= 1);
    expect(event).toEqual({
      data: { inspectionPublished: { id, overallGrade: 'INADEQUATE' } },
    });
    const after = await entityKeys(graph.db);
    const { last } = (await graph.db.read(countChanges, {}))[0]!;
    // Every change the write stamped, in order, once each: what it created is what is new.
    const changes = changesOf(
      await feed.until((events) => changesOf(events).some((c) => Number(c.seq) === last)),
    );
    expect(changes.map((c) => Number(c.seq))).toEqual(changes.map((_c, i) => lastBefore + 1 + i));
    expect(changes.at(-1)!.seq).toBe(String(last));
    const created = changes.filter((c) => c.kind === 'CREATED').map((c) => keyOf(c as FeedChange));
    expect(new Set(created)).toEqual(new Set([...after].filter((key) => !before.has(key))));
    expect(created).toContain(`INSPECTION ${id}`);
  }, 240_000);

  it('pushes to a subscriber of server B an inspection loaded by `npm run ingest` in another process', async () => {
    const published = subscribe(
      'subscription { inspectionPublished(filter: { locationId: "ofsted:SC999001", type: "full" }) { id startDate } }',
    );
    await untilSubscribed(subscribed.length + 1);
    const run = runIngest([BROOKSIDE_2022]);
    expect(run.code, run.stderr).toBe(0);
    const [event] = await published.until((events) => events.length >= 1);
    expect(event).toEqual({
      data: {
        inspectionPublished: { id: 'ofsted:SC999001:2022-03-08:full', startDate: '2022-03-08' },
      },
    });
  }, 240_000);

  it('gives a client paging `changes` with its stored cursor, each page from the other server, every change once', async () => {
    const servers = [serverA, serverB];
    const pages: FeedChange[][] = [];
    let cursor: string | null = null;
    let waiting = [...BETWEEN_PAGES];
    // Small pages, alternating servers; a report lands between some of them (written through
    // server A, then through another driver, as another process would).
    for (let page = 0; ; page += 1) {
      const server = servers[page % 2]!;
      const read = await readFeedPage(server.url, cursor, { first: 7 });
      pages.push(read.changes);
      cursor = read.cursor;
      if (page % 3 === 1 && waiting.length > 0) {
        const [file, ...rest] = waiting;
        waiting = rest;
        if (rest.length % 2 === 0) await ingestThroughA(file!);
        else
          expect((await ingestFile(file!, { db: graph.db, force: false, meta: null })).status).toBe(
            'loaded',
          );
      }
      if (!read.hasNextPage && waiting.length === 0) break;
    }
    // The client stops at an end it was told; what committed since is still after its cursor.
    const { last, count } = (await graph.db.read(countChanges, {}))[0]!;
    const rest = await readFeed(serverB.url, cursor);
    const all = [...pages.flat(), ...rest.changes];
    expectConsecutive(all, 1);
    expect(all).toHaveLength(count);
    expect(Number(all.at(-1)!.seq)).toBe(last);
    // Every entity in the graph now was created once in the feed, and nothing else was.
    const created = all.filter((c) => c.kind === 'CREATED').map(keyOf);
    expect(created.length).toBe(new Set(created).size);
    expect(new Set(created)).toEqual(await entityKeys(graph.db));
    // The same feed read in one go from either server.
    for (const server of servers)
      expect((await readFeed(server.url, null)).changes.map((c) => c.seq)).toEqual(
        all.map((c) => c.seq),
      );
  }, 240_000);
});
