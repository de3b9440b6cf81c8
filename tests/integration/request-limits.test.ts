/**
 * The limits per request and per client (issue 17) on the real Neo4j: the hostile
 * requests are each refused with their own code while an ordinary request is answered, a request
 * holds no more database sessions than allowed and stops at its deadline, a client over its rate
 * is told to wait, uploads are size-limited and junk is not loaded, and nothing sends a browser
 * to another host or names the server's software.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/executor.ts';
import { startServer, type RunningServer } from '../../src/server/app.ts';
import { MAX_ALIASES, MAX_DIRECTIVES } from '../../src/server/limits.ts';
import { postGraphQL } from '../support/http.ts';
import { INGEST_TOKEN, startApiFixture, type ApiFixture } from '../support/api-fixture.ts';
import { SEED_DIR, OFSTED_SEED } from '../support/seed-documents.ts';

const MiB = 1024 * 1024;
/**
 * Another client's one-location query. The answer is read off tests/fixtures/reports/
 * sc999002-2023-05-10.txt: its own inspection and the earlier one its history table lists.
 */
const ORDINARY =
  '{ location(id: "ofsted:SC999002") { id inspections { nodes { startDate overallGrade } } } }';
const ORDINARY_ANSWER = {
  location: {
    id: 'ofsted:SC999002',
    inspections: {
      nodes: [
        { startDate: '2023-05-10', overallGrade: 'GOOD' },
        { startDate: '2022-10-12', overallGrade: 'REQUIRES_IMPROVEMENT' },
      ],
    },
  },
};
const LOCATIONS = '{ locations { totalCount } }';

interface RawAnswer {
  status: number;
  text: string;
  code: string | undefined;
  headers: Headers;
}

async function postRaw(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  const response = await fetch(new URL('/graphql', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  const json = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
  return {
    status: response.status,
    text,
    code: json.errors?.[0]?.extensions?.code,
    headers: response.headers,
  };
}

const body = (query: string, variables: Record<string, unknown> = {}) =>
  JSON.stringify({ query, variables });

const aliases = (count: number, field: string) =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

const nested = (first: (n: number) => string) =>
  `{ locations${first(20)} { nodes { id inspections${first(20)} { nodes { id findings${first(50)} { nodes { id text } } } } } } }`;

/** A value no answer contains unless it echoes the request. */
const ECHO = 'zqxjzqxj';

const HOSTILE: { name: string; body: () => string; status: number; code: string }[] = [
  {
    name: '25 MB of __typename (over the body limit)',
    body: () => body(`{ ${'__typename '.repeat((25 * MiB) / 11)}}`),
    status: 413,
    code: 'BAD_REQUEST',
  },
  {
    name: '1,000,000 bytes of __typename (under the body limit, over the token limit)',
    body: () => body(`{ ${'__typename '.repeat(1_000_000 / 11)}}`),
    status: 400,
    code: 'QUERY_TOO_LARGE',
  },
  {
    name: '500,000 @skip directives (over the body limit)',
    body: () => body(`{ __typename ${'@skip(if: false) '.repeat(500_000)}}`),
    status: 413,
    code: 'BAD_REQUEST',
  },
  {
    name: `${MAX_DIRECTIVES + 1} directives`,
    body: () => body(`{ ${'__typename @include(if: true) '.repeat(MAX_DIRECTIVES + 1)}}`),
    status: 400,
    code: 'QUERY_TOO_LARGE',
  },
  {
    name: '700 aliases of breachCounts',
    body: () =>
      body(aliases(700, 'breachCounts(groupBy: [REGULATION]) { nodes { requirementCount } }')),
    status: 400,
    code: 'QUERY_TOO_LARGE',
  },
  {
    name: `${MAX_ALIASES + 1} aliases of breachCounts`,
    body: () =>
      body(
        aliases(
          MAX_ALIASES + 1,
          'breachCounts(groupBy: [REGULATION], first: 1) { nodes { requirementCount } }',
        ),
      ),
    status: 400,
    code: 'QUERY_TOO_LARGE',
  },
  {
    name: 'nested read at the default page sizes',
    body: () => body(nested(() => '')),
    status: 400,
    code: 'QUERY_TOO_COSTLY',
  },
  {
    name: 'a 900 kB invalid cursor',
    body: () => body(`{ locations(after: "${ECHO.repeat(900_000 / 8)}") { nodes { id } } }`),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'search text of 1,100 words',
    body: () =>
      body('query ($t: String!) { search(text: $t) { snippet } }', {
        t: Array.from({ length: 1100 }, (_, i) => `${ECHO}${i}`).join(' '),
      }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'an id of 10,000 characters',
    body: () => body('query ($id: ID!) { location(id: $id) { id } }', { id: ECHO.repeat(1250) }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
];

/** The peak number of transactions open at once through `driver` while `work` runs. */
function countingDriver(driver: Driver): { driver: Driver; peak: () => number; reset(): void } {
  let open = 0;
  let peak = 0;
  const track = async <T>(run: () => Promise<T>): Promise<T> => {
    open += 1;
    peak = Math.max(peak, open);
    try {
      return await run();
    } finally {
      open -= 1;
    }
  };
  const counted = new Proxy(driver, {
    get(target, property, receiver) {
      if (property === 'executeQuery')
        return (...args: Parameters<Driver['executeQuery']>) =>
          track(() => target.executeQuery(...args));
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    driver: counted,
    peak: () => peak,
    reset: () => {
      peak = 0;
    },
  };
}

/** POST from another loopback address, as a second client on the same machine. */
function postFrom(localAddress: string, url: string, query: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      new URL('/graphql', url),
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json' } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(body(query));
  });
}

describe('limits per request and per client', () => {
  let api: ApiFixture;
  const extra: RunningServer[] = [];
  const startWith = async (
    limits: Parameters<typeof startServer>[0]['limits'],
    db: Database = api.graph.db,
  ) => {
    const server = await startServer(
      { host: '127.0.0.1', port: 0, ingestToken: INGEST_TOKEN, limits },
      db,
    );
    extra.push(server);
    return server;
  };
  beforeAll(async () => {
    api = await startApiFixture();
  });
  afterAll(async () => {
    for (const server of extra) await server.stop();
    await api.close();
  });

  it.each(HOSTILE.map((hostile) => [hostile.name, hostile] as const))(
    'refuses %s with its code, echoing nothing',
    async (_name, hostile) => {
      const answer = await postRaw(api.server.url, hostile.body());
      expect([answer.status, answer.code]).toEqual([hostile.status, hostile.code]);
      expect(answer.text).not.toContain(ECHO);
      expect(answer.text.length).toBeLessThan(1000);
    },
  );

  it('answers an ordinary request while all the hostile ones run', async () => {
    const hostile = HOSTILE.map((h) => postRaw(api.server.url, h.body()));
    const ordinary = postGraphQL(api.server.url, ORDINARY);
    expect(await ordinary).toEqual({ status: 200, body: { data: ORDINARY_ANSWER } });
    const answers = await Promise.all(hostile);
    expect(answers.map((a) => a.code)).toEqual(HOSTILE.map((h) => h.code));
  });

  it('costs connections left to their default page sizes as the same query with them written out', async () => {
    const defaults = await postGraphQL(
      api.server.url,
      nested(() => ''),
    );
    const written = await postGraphQL(
      api.server.url,
      nested((n) => `(first: ${n})`),
    );
    expect(defaults.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(defaults.body.errors?.[0]?.message).toBe(written.body.errors?.[0]?.message);
    // Within the limit, leaving the defaults out answers exactly as writing them.
    const small = (first: (n: number) => string) =>
      `{ locations${first(20)} { nodes { id inspections${first(20)} { nodes { id startDate } } } } }`;
    const smallDefaults = await postGraphQL(
      api.server.url,
      small(() => ''),
    );
    expect(smallDefaults.body.errors).toBeUndefined();
    expect(smallDefaults.body).toEqual(
      (
        await postGraphQL(
          api.server.url,
          small((n) => `(first: ${n})`),
        )
      ).body,
    );
  });

  it('refuses an invalid cursor without repeating it', async () => {
    const response = await postGraphQL(
      api.server.url,
      `{ locations(after: "${ECHO}") { nodes { id } } }`,
    );
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.body.errors?.[0]?.message).not.toContain(ECHO);
  });

  it('stops a request at its deadline with REQUEST_TIMEOUT; work without the database still runs', async () => {
    const server = await startWith({ requestTimeoutMs: 0 });
    const late = await postGraphQL(server.url, ORDINARY);
    expect(late.body.errors?.[0]?.extensions?.code).toBe('REQUEST_TIMEOUT');
    expect(late.body.errors?.[0]?.message).toMatch(/deadline of 0 ms/);
    expect((await postGraphQL(server.url, '{ __typename }')).body).toEqual({
      data: { __typename: 'Query' },
    });
  });

  it('holds no more database sessions at once than MAX_SESSIONS_PER_REQUEST allows', async () => {
    const counting = countingDriver(api.graph.driver);
    const db = new Database(counting.driver, api.graph.db.databaseName, 60_000);
    const capped = await startWith({ maxSessionsPerRequest: 2 }, db);
    const open = await startWith({ maxSessionsPerRequest: 50 }, db);
    // Twelve searches: each its own query, all started at once by GraphQL's parallel root fields.
    const words = ['staff', 'medication', 'safeguarding'];
    const searches = `{ ${Array.from(
      { length: 12 },
      (_, i) => `a${i}: search(text: "${words[i % 3]} ${i}", first: 2) { snippet }`,
    ).join(' ')} }`;
    const answers: unknown[] = [];
    for (const [server, within] of [
      [open, (peak: number) => expect(peak).toBeGreaterThan(2)],
      [capped, (peak: number) => expect(peak).toBe(2)],
    ] as const) {
      counting.reset();
      const response = await postGraphQL(server.url, searches);
      expect(response.body.errors).toBeUndefined();
      within(counting.peak());
      answers.push(response.body.data);
    }
    expect(answers[1]).toEqual(answers[0]);
  });

  it('answers another client while three requests of many questions each run', async () => {
    const server = await startWith({ maxSessionsPerRequest: 2 });
    const heavy = aliases(
      MAX_ALIASES,
      'breachCounts(groupBy: [PROVIDER, YEAR], filter: { from: "2019-03-05" }, first: 5) { nodes { requirementCount } }',
    );
    const three = [1, 2, 3].map(() => postGraphQL(server.url, heavy));
    expect(await postGraphQL(server.url, ORDINARY)).toEqual({
      status: 200,
      body: { data: ORDINARY_ANSWER },
    });
    for (const answer of await Promise.all(three)) expect(answer.body.errors).toBeUndefined();
  });

  it('tells a client over its rate to wait, and serves another client meanwhile', async () => {
    const server = await startWith({ rateLimitPerMinute: 2, rateLimitLoopback: true });
    const statuses = [];
    for (let i = 0; i < 2; i += 1)
      statuses.push((await postRaw(server.url, body('{ __typename }'))).status);
    const refused = await postRaw(server.url, body('{ __typename }'));
    expect(statuses).toEqual([200, 200]);
    expect([refused.status, refused.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await postFrom('127.0.0.2', server.url, '{ __typename }')).toBe(200);
    // By default clients on this machine are not limited.
    const local = await startWith({ rateLimitPerMinute: 2 });
    for (let i = 0; i < 5; i += 1)
      expect((await postRaw(local.url, body('{ __typename }'))).status).toBe(200);
  });

  describe('uploads', () => {
    const MUTATION =
      'mutation ($c: String!) { ingestReport(input: { content: $c, fileName: "upload.txt" }) { status message report { sha256 } } }';
    const auth = { authorization: `Bearer ${INGEST_TOKEN}` };
    const seed = readFileSync(path.join(SEED_DIR, OFSTED_SEED), 'utf8');
    let server: RunningServer;
    beforeAll(async () => {
      server = await startWith({ maxRequestBytes: 8 * 1024, maxUploadBytes: 64 * 1024 });
    });

    it('take a body over the usual limit only from the ingest token holder', async () => {
      const upload = body(MUTATION, { c: seed });
      expect(upload.length).toBeGreaterThan(8 * 1024);
      const anonymous = await postRaw(server.url, upload);
      expect([anonymous.status, anonymous.code]).toEqual([413, 'BAD_REQUEST']);
      const allowed = await postRaw(server.url, upload, auth);
      expect(allowed.status).toBe(200);
      // The seed is in the graph already.
      expect(JSON.parse(allowed.text)).toMatchObject({
        data: { ingestReport: { status: 'unchanged' } },
      });
    });

    it('refuse a report over MAX_UPLOAD_BYTES with BAD_USER_INPUT', async () => {
      const big = await postRaw(server.url, body(MUTATION, { c: seed.repeat(4) }), auth);
      expect([big.status, big.code]).toEqual([200, 'BAD_USER_INPUT']);
      expect(JSON.parse(big.text).errors[0].message).toBe(
        `The report is ${Buffer.byteLength(seed.repeat(4))} bytes; at most 65536 are accepted (MAX_UPLOAD_BYTES).`,
      );
    });

    it('do not load junk that reads as a report of no date, and answer others meanwhile', async () => {
      const countLocations = async () =>
        (await postGraphQL<{ locations: { totalCount: number } }>(api.server.url, LOCATIONS)).body
          .data!.locations.totalCount;
      const before = await countLocations();
      const junk =
        "Full inspection\n\nInspected under the social care common inspection framework\n\nInformation about this children's home\n\n" +
        'lorem ipsum dolor sit amet. '.repeat(2000);
      const upload = postGraphQL<{ ingestReport: { status: string; message: string } }>(
        server.url,
        MUTATION,
        { c: junk },
        auth,
      );
      expect(await postGraphQL(server.url, ORDINARY)).toEqual({
        status: 200,
        body: { data: ORDINARY_ANSWER },
      });
      const answer = (await upload).body.data!.ingestReport;
      expect(answer.status).toBe('failed');
      expect(answer.message).toMatch(
        /^upload\.txt: read as ofsted-childrens-home, but no inspection date.*not loaded$/,
      );
      expect(await countLocations()).toBe(before);
    });
  });

  describe('nothing from other hosts', () => {
    it('sends a browser opening /graphql to the explorer at /', async () => {
      const response = await fetch(new URL('/graphql', api.server.url), {
        headers: { accept: 'text/html,application/xhtml+xml' },
        redirect: 'manual',
      });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/');
      // A GET without a query that is not a browser gets an error, not Apollo's landing page.
      const plain = await fetch(new URL('/graphql', api.server.url), {
        headers: { 'apollo-require-preflight': 'true' },
      });
      expect(plain.headers.get('content-type')).not.toMatch(/html/);
    });

    it('sends no X-Powered-By header on any route', async () => {
      const responses = await Promise.all([
        fetch(new URL('/', api.server.url)),
        fetch(new URL('/health', api.server.url)),
        fetch(new URL('/no-such-page', api.server.url)),
        fetch(new URL('/graphql', api.server.url), {
          headers: { accept: 'text/html' },
          redirect: 'manual',
        }),
        fetch(new URL('/graphql', api.server.url), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: body('{ __typename }'),
        }),
      ]);
      expect(responses.map((r) => r.status)).toEqual([200, 200, 404, 302, 200]);
      for (const response of responses) expect(response.headers.get('x-powered-by')).toBeNull();
    });
  });
});
