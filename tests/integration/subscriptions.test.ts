/**
 * Subscriptions over WebSocket (graphql-ws) on the API's own port, against a real Neo4j: a
 * client subscribes, a report is loaded through another driver (as an ingest in another process
 * would), and the event arrives through the server's poll of the change feed. A subscription
 * over the limits is refused as a query is, and a browser page of another origin cannot connect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createDriver } from '../../src/db/driver.ts';
import { Database } from '../../src/db/executor.ts';
import { ingestFile } from '../../src/load/ingest-files.ts';
import { startServer, type RunningServer } from '../../src/server/app.ts';
import { connectTestGraph, resetTestGraph, type TestGraph } from '../support/test-graph.ts';

const SEED = 'seed/000_573f2340e3d978e1.txt';
const BROOKSIDE_2023 = 'tests/fixtures/reports/sc999001-2023-02-14.txt';
const ASHGROVE = 'tests/fixtures/reports/sc999002-2023-05-10.txt';

interface Received {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; extensions?: { code?: string } }[];
}

describe('subscriptions over WebSocket', () => {
  let graph: TestGraph;
  let server: RunningServer;
  let client: Client;
  const subscribed: string[] = [];
  const waiters: (() => void)[] = [];

  beforeAll(async () => {
    graph = connectTestGraph();
    await resetTestGraph(graph);
    // Before anyone listens: the first load of a fresh database plans every statement (slow).
    expect((await ingestFile(ASHGROVE, { db: graph.db, force: false, meta: null })).status).toBe(
      'loaded',
    );
    server = await startServer(
      { host: '127.0.0.1', port: 0, ingestToken: null, limits: { graphWatchMs: 100 } },
      graph.db,
      {
        onSubscribed: (field) => {
          subscribed.push(field);
          waiters.splice(0).forEach((wake) => wake());
        },
      },
    );
    client = createClient({
      url: `ws://127.0.0.1:${server.port}/graphql`,
      webSocketImpl: WebSocket,
      lazy: true,
      retryAttempts: 0,
    });
  });

  afterAll(async () => {
    await client?.dispose();
    await server?.stop();
    await graph.close();
  });

  /** Resolves once the server has said `n` subscriptions listen. */
  async function untilSubscribed(n: number): Promise<void> {
    while (subscribed.length < n) await new Promise<void>((resolve) => waiters.push(resolve));
  }

  /** Subscribes; events and the end go to `received`. */
  function subscribe(query: string, variables: Record<string, unknown> = {}) {
    const received: Received[] = [];
    let wake: (() => void) | null = null;
    const ended = new Promise<void>((resolve) => {
      const stop = client.subscribe(
        { query, variables },
        {
          next: (value) => {
            received.push(value as Received);
            wake?.();
          },
          error: (error) => {
            received.push({ errors: Array.isArray(error) ? error : [{ message: String(error) }] });
            resolve();
          },
          complete: () => resolve(),
        },
      );
      unsubscribers.push(stop);
    });
    const nextEvent = async (n: number) => {
      while (received.length < n) await new Promise<void>((resolve) => (wake = resolve));
      return received;
    };
    return { received, ended, nextEvent };
  }
  const unsubscribers: (() => void)[] = [];

  it('pushes an inspection published and its enforcement, loaded by another driver', async () => {
    const published = subscribe(
      `subscription { inspectionPublished(filter: { locationId: "ofsted:SC999001" }) { id overallGrade location { id } } }`,
    );
    const enforcement = subscribe(
      `subscription { enforcementIssued(filter: { locationId: "ofsted:SC999001", types: [COMPLIANCE_NOTICE] }) { id type } }`,
    );
    const feed = subscribe(
      `subscription { changes(types: [INSPECTION]) { kind entityId entity { ... on Inspection { id } } } }`,
    );
    await untilSubscribed(3);
    // Another connection pool, as an ingest in another process would use.
    const connection = inject('neo4j');
    const driver = createDriver(connection);
    try {
      const other = new Database(driver, connection.database, 60_000);
      // A home the filter leaves out, then the one it asks for.
      expect((await ingestFile(SEED, { db: other, force: false, meta: null })).status).toBe(
        'loaded',
      );
      expect(
        (await ingestFile(BROOKSIDE_2023, { db: other, force: false, meta: null })).status,
      ).toBe('loaded');
    } finally {
      await driver.close();
    }
    const [event] = await published.nextEvent(1);
    expect(event).toEqual({
      data: {
        inspectionPublished: {
          id: 'ofsted:SC999001:2023-02-14:full',
          overallGrade: 'INADEQUATE',
          location: { id: 'ofsted:SC999001' },
        },
      },
    });
    const [notice] = await enforcement.nextEvent(1);
    const issued = notice!.data!.enforcementIssued as { id: string; type: string };
    expect(issued.type).toBe('COMPLIANCE_NOTICE');
    expect(issued.id.startsWith('ofsted:SC999001:2023-02-14:full/')).toBe(true);
    // Every inspection either report created (the reports' own and their history rows).
    const inspections = await feed.nextEvent(1);
    for (const e of inspections) {
      const change = e.data!.changes as { kind: string; entityId: string; entity: { id: string } };
      expect(change.kind).toBe('CREATED');
      expect(change.entity.id).toBe(change.entityId);
    }
    expect(published.received).toHaveLength(1);
  }, 240_000);

  it('refuses a subscription deeper than the limit, as it refuses such a query', async () => {
    const deep = subscribe(`subscription { changes { entity { ... on Inspection {
      location { inspections { nodes { location { inspections { nodes { location {
        inspections { nodes { id } } } } } } } } } } } } }`);
    await deep.ended;
    expect(deep.received.at(-1)?.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
  });

  it('refuses a WebSocket opened by a page of another origin', async () => {
    const status = await new Promise<number>((resolve) => {
      const socket = new WebSocket(
        `ws://127.0.0.1:${server.port}/graphql`,
        'graphql-transport-ws',
        {
          headers: { origin: 'https://elsewhere.example' },
        },
      );
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.on('open', () => resolve(101));
      socket.on('error', () => {});
    });
    expect(status).toBe(403);
  });
});
