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
    const response = await postGraphQL<{ health: { neo4j: boolean; neo4jVersion: string } }>(server.url, '{ health { neo4j neo4jVersion } }');
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
});
