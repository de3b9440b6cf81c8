/**
 * The response cache against a real Neo4j, with a graph watcher that cannot read (its driver is
 * closed), so every request reads the answer version itself, as it does while a real watcher
 * fails (graph-watch.test.ts covers the watcher): a repeated query is answered with no query but
 * the version read (seen by the request's query observer), an ingest changes the answer and its
 * ETag, If-None-Match gets 304, automatic persisted queries work, entries are not shared across
 * variables or identities, and the byte bound evicts.
 */
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDriver } from '../../src/db/driver.ts';
import { Database } from '../../src/db/executor.ts';
import { runMigrations } from '../../src/app/prepare-graph.ts';
import { readAnswerVersion } from '../../src/graph/summaries/graph-version.ts';
import { groupProviders } from '../../src/graph/write/group-providers.ts';
import { linkProviders } from '../../src/graph/write/link-providers.ts';
import { ingestFile } from '../../src/load/ingest-files.ts';
import { startServer, type RunningServer } from '../../src/server/app.ts';
import { computeEtag, measureEntryBytes } from '../../src/server/response-cache/index.ts';
import { FIXTURE_DIR, INGEST_TOKEN } from '../support/api-fixture.ts';
import { CQC_SEED, OFSTED_SEED, SEED_DIR } from '../support/seed-documents.ts';
import { connectTestGraph, resetTestGraph, type TestGraph } from '../support/test-graph.ts';

const VERSION_READ = 'graph-state.read-answer-version';
const HOME = 'ofsted:SC999001';
const OTHER_HOME = 'ofsted:SC999002';
const HOME_QUERY = `query Home($id: ID!) {
  location(id: $id) { id name inspections { totalCount nodes { id overallGrade } } }
}`;

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
  queries: string[];
}

let graph: TestGraph;
let server: RunningServer;
const requestQueries: string[][] = [];
const closedDriver = createDriver(inject('neo4j'));
/** The servers' watcher reads here and always fails: no request is served a watched version. */
const blindWatch = { watchDb: new Database(closedDriver, 'neo4j', 60_000), log: () => {} };

async function load(file: string): Promise<void> {
  const result = await ingestFile(file, { db: graph.db, force: false, meta: null });
  if (result.status !== 'loaded') throw new Error(`${file}: ${result.status} ${result.message}`);
}

async function send(
  target: RunningServer,
  init: { body?: unknown; search?: string; headers?: Record<string, string> },
): Promise<Answer> {
  const before = requestQueries.length;
  const url = new URL(`/graphql${init.search ?? ''}`, `http://127.0.0.1:${target.port}`);
  const response = await fetch(url, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: {
      'content-type': 'application/json',
      'apollo-require-preflight': 'true',
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: text === '' ? {} : (JSON.parse(text) as Answer['body']),
    queries: requestQueries.slice(before).flat(),
  };
}

function ask(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  target = server,
): Promise<Answer> {
  return send(target, { body: { query, variables }, headers });
}

beforeAll(async () => {
  // Opened first: a driver closed before its first connection would open its pool on next use.
  await closedDriver.verifyConnectivity();
  await closedDriver.close();
  graph = connectTestGraph();
  await resetTestGraph(graph);
  await runMigrations(graph.db, { seedDir: null, log: () => {} });
  await load(path.join(SEED_DIR, OFSTED_SEED));
  await load(path.join(SEED_DIR, CQC_SEED));
  await load(path.join(FIXTURE_DIR, 'sc999001-2022-03-08.txt'));
  await load(path.join(FIXTURE_DIR, 'sc999002-2023-05-10.txt'));
  server = await startServer(
    {
      host: '127.0.0.1',
      port: 0,
      ingestToken: INGEST_TOKEN,
      responseCacheBytes: 1024 * 1024,
    },
    graph.db,
    { onRequestQueries: (names) => requestQueries.push([...names]), ...blindWatch },
  );
});

afterAll(async () => {
  await server?.stop();
  await graph?.close();
});

describe('response cache', () => {
  it('answers a repeat with no query but the version read, and the same body and ETag', async () => {
    const first = await ask(HOME_QUERY, { id: HOME });
    expect(first.body.errors).toBeUndefined();
    expect(first.headers.get('x-response-cache')).toBe('miss');
    expect(first.queries[0]).toBe(VERSION_READ);
    expect(first.queries.length).toBeGreaterThan(1);
    const etag = first.headers.get('etag');
    expect(etag).toBe(computeEtag(JSON.stringify(first.body.data)));

    const second = await ask(HOME_QUERY, { id: HOME });
    expect(second.headers.get('x-response-cache')).toBe('hit');
    expect(second.queries).toEqual([VERSION_READ]);
    expect(second.text).toBe(first.text);
    expect(second.headers.get('etag')).toBe(etag);
  });

  it('answers 304 with no body to a client holding the ETag, over POST and GET', async () => {
    const fresh = await ask(HOME_QUERY, { id: HOME });
    const etag = fresh.headers.get('etag')!;
    const post = await ask(HOME_QUERY, { id: HOME }, { 'if-none-match': etag });
    expect(post.status).toBe(304);
    expect(post.text).toBe('');
    expect(post.headers.get('etag')).toBe(etag);

    const search = `?${new URLSearchParams({
      query: HOME_QUERY,
      variables: JSON.stringify({ id: HOME }),
    })}`;
    const get = await send(server, { search });
    expect(get.status).toBe(200);
    expect(get.headers.get('etag')).toBe(etag);
    const again = await send(server, { search, headers: { 'if-none-match': `W/${etag}` } });
    expect(again.status).toBe(304);
    expect(again.queries).toEqual([VERSION_READ]);
    const stale = await ask(HOME_QUERY, { id: HOME }, { 'if-none-match': '"not-this-one"' });
    expect(stale.status).toBe(200);
  });

  it('keeps entries apart by variables and by identity', async () => {
    const home = await ask(HOME_QUERY, { id: HOME });
    const other = await ask(HOME_QUERY, { id: OTHER_HOME });
    expect(other.headers.get('x-response-cache')).toBe('miss');
    expect((other.body.data!.location as { id: string }).id).toBe(OTHER_HOME);
    expect(other.headers.get('etag')).not.toBe(home.headers.get('etag'));

    const withToken = { authorization: `Bearer ${INGEST_TOKEN}` };
    const asHolder = await ask(HOME_QUERY, { id: HOME }, withToken);
    expect(asHolder.headers.get('x-response-cache')).toBe('miss');
    expect(asHolder.text).toBe(home.text);
    const asHolderAgain = await ask(HOME_QUERY, { id: HOME }, withToken);
    expect(asHolderAgain.headers.get('x-response-cache')).toBe('hit');
  });

  it('serves a new answer and ETag after an ingest, and the old ETag gets 200', async () => {
    const before = await ask(HOME_QUERY, { id: HOME });
    const etag = before.headers.get('etag')!;
    const inspectionsBefore = (
      before.body.data!.location as { inspections: { totalCount: number } }
    ).inspections.totalCount;
    // The write goes through the loader, not the server: as an `npm run ingest` would.
    await load(path.join(FIXTURE_DIR, 'sc999001-2023-02-14.txt'));
    const after = await ask(HOME_QUERY, { id: HOME }, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('x-response-cache')).toBe('miss');
    expect(after.headers.get('etag')).not.toBe(etag);
    const inspectionsAfter = (after.body.data!.location as { inspections: { totalCount: number } })
      .inspections.totalCount;
    expect(inspectionsAfter).toBe(inspectionsBefore + 1);
  });

  it('moves the answer version when providers are linked, and when they are grouped', async () => {
    for (const step of [linkProviders, groupProviders]) {
      const [before] = await graph.db.read(readAnswerVersion, {});
      await step(graph.db);
      const [after] = await graph.db.read(readAnswerVersion, {});
      expect(after!.version).not.toBe(before!.version);
      expect(after!.version.split('.')[0]).toBe(before!.version.split('.')[0]);
    }
  });

  it('caches no mutation, no error and no health answer', async () => {
    const bad = `{ enforcementActions(from: "2024-01-01", to: "2020-01-01") { totalCount } }`;
    for (let i = 0; i < 2; i++) {
      const answer = await ask(bad);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.headers.get('etag')).toBeNull();
      expect(answer.headers.get('x-response-cache')).toBeNull();
    }
    const health = await ask('{ health { neo4j } }');
    expect(health.body.data).toEqual({ health: { neo4j: true } });
    expect(health.headers.get('etag')).toBeNull();
    expect(health.queries).not.toContain(VERSION_READ);
    const mutation = await ask(
      'mutation { ingestReport(input: { fileName: "x.txt", content: "", format: TXT }) { status } }',
    );
    expect(mutation.headers.get('etag')).toBeNull();
    expect(mutation.queries).not.toContain(VERSION_READ);
  });

  it('serves an automatic persisted query by its hash once registered', async () => {
    const query = `query PersistedHome($id: ID!) { location(id: $id) { id name } }`;
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const unknown = await send(server, { body: { variables: { id: HOME }, extensions } });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');

    const registered = await send(server, { body: { query, variables: { id: HOME }, extensions } });
    expect(registered.body.data).toMatchObject({ location: { id: HOME } });
    expect(registered.headers.get('x-response-cache')).toBe('miss');

    const byHash = await send(server, { body: { variables: { id: HOME }, extensions } });
    expect(byHash.text).toBe(registered.text);
    expect(byHash.headers.get('x-response-cache')).toBe('hit');
    expect(byHash.queries).toEqual([VERSION_READ]);
    // A CDN-friendly GET carries only the hash and the variables.
    const search = `?${new URLSearchParams({
      variables: JSON.stringify({ id: HOME }),
      extensions: JSON.stringify(extensions),
    })}`;
    const get = await send(server, {
      search,
      headers: { 'if-none-match': registered.headers.get('etag')! },
    });
    expect(get.status).toBe(304);
  });

  it('evicts the least recently used answer at its byte bound', async () => {
    const query = `query Name($id: ID!) { location(id: $id) { id name } }`;
    const probe = await ask(query, { id: HOME });
    const probeOther = await ask(query, { id: OTHER_HOME });
    const bytesOf = (answer: Answer): number => {
      const json = JSON.stringify(answer.body.data);
      return measureEntryBytes('k'.repeat(43), { json, etag: computeEtag(json) });
    };
    // Room for either answer, not for both.
    const small = await startServer(
      {
        host: '127.0.0.1',
        port: 0,
        ingestToken: null,
        responseCacheBytes: bytesOf(probe) + bytesOf(probeOther) - 1,
      },
      graph.db,
      { onRequestQueries: (names) => requestQueries.push([...names]), ...blindWatch },
    );
    try {
      const status = async (id: string): Promise<string | null> =>
        (await ask(query, { id }, {}, small)).headers.get('x-response-cache');
      expect(await status(HOME)).toBe('miss');
      expect(await status(HOME)).toBe('hit');
      expect(await status(OTHER_HOME)).toBe('miss');
      expect(await status(OTHER_HOME)).toBe('hit');
      expect(await status(HOME)).toBe('miss');
    } finally {
      await small.stop();
    }
  });
});
