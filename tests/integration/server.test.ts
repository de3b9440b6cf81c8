import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/app.ts';
import { postGraphQL } from '../support/http.ts';
import { connectTestGraph, resetTestGraph, type TestGraph } from '../support/test-graph.ts';

describe('HTTP server on the real Neo4j', () => {
  let graph: TestGraph;
  let server: RunningServer;
  beforeAll(async () => {
    graph = connectTestGraph();
    await resetTestGraph(graph);
    server = await startServer({ host: '127.0.0.1', port: 0, ingestToken: null }, graph.db);
  });
  afterAll(async () => {
    await server.stop();
    await graph.close();
  });

  it('answers { __typename } at /graphql', async () => {
    const response = await postGraphQL(server.url, '{ __typename }');
    expect(response).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it('reports Neo4j health through GraphQL and GET /health', async () => {
    const response = await postGraphQL<{ health: { neo4j: boolean; neo4jVersion: string } }>(
      server.url,
      '{ health { neo4j neo4jVersion } }',
    );
    expect(response.body.data?.health.neo4j).toBe(true);
    expect(response.body.data?.health.neo4jVersion).toMatch(/^5\.\d+\.\d+/);
    const health = await fetch(new URL('/health', server.url));
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', neo4j: true });
  });

  it('gives a validation error with a code for an unknown field', async () => {
    const response = await postGraphQL(server.url, '{ nope }');
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
  it('refuses a body that is not JSON with 400, a BAD_REQUEST code and one line, and serves the next request', async () => {
    const response = await fetch(new URL('/graphql', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "{ __typename }"',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      errors: { message: string; extensions: { code: string } }[];
    };
    expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0]!.message).not.toContain('\n');
    expect((await postGraphQL(server.url, '{ __typename }')).status).toBe(200);
  });

  it('refuses a body over the MAX_REQUEST_BYTES limit (1 MiB by default) with 413', async () => {
    const response = await fetch(new URL('/graphql', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', pad: 'x'.repeat(1024 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(
      ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!
        .extensions.code,
    ).toBe('BAD_REQUEST');
  });

  it('lets Apollo Sandbox call the API across origins, preflight included', async () => {
    const origin = 'https://studio.apollographql.com';
    const preflight = await fetch(new URL('/graphql', server.url), {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    const response = await fetch(new URL('/graphql?x=1', server.url), {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it('answers a GET query at /graphql and leaves other paths to the explorer app', async () => {
    const response = await fetch(new URL('/graphql?query=%7B__typename%7D', server.url), {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    expect((await fetch(new URL('/graphql-not', server.url))).status).toBe(404);
  });
});
