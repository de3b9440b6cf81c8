/**
 * The compiled executor against graphql-js, through Apollo both ways, on a small schema whose
 * resolvers fail in the ways the API's can: an error without extensions (a DatabaseError), one
 * with a code, a null in a non-null field, a variable left to its default, a bad variable. The
 * HTTP bodies must be the same byte for byte; graphql-js is the reference. No database: it sits
 * with the integration suites for their one copy of graphql (vitest.config.ts's alias), which
 * the schema, Apollo and the executor must share.
 */
import { ApolloServer, HeaderMap } from '@apollo/server';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compiledExecutorGateway } from '../../src/server/compiled-executor.ts';

const schema = makeExecutableSchema({
  typeDefs: /* GraphQL */ `
    type Item {
      id: ID!
      name: String!
    }
    type Query {
      ok(text: String! = "fallback", times: Int): String
      plainFailure: String
      codedFailure: String
      item: Item
      items: [Item!]!
    }
  `,
  resolvers: {
    Query: {
      ok: (_root: unknown, args: { text: string; times?: number }) =>
        args.text.repeat(args.times ?? 1),
      // What a DatabaseError is to graphql: an Error with no extensions.
      plainFailure: () => Promise.reject(new Error('the database went away')),
      codedFailure: () => {
        throw new GraphQLError('no such thing', { extensions: { code: 'BAD_USER_INPUT' } });
      },
      item: () => ({ id: '1', name: null }),
      items: () => [{ id: '1', name: 'one' }, { id: '2' }],
    },
  },
});

async function answer(server: ApolloServer, query: string, variables = {}): Promise<string> {
  const response = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: 'POST',
      headers: new HeaderMap([['content-type', 'application/json']]),
      search: '',
      body: { query, variables },
    },
    context: async () => ({}),
  });
  const body = response.body.kind === 'complete' ? response.body.string : 'chunked';
  return `${response.status ?? 200} ${body}`;
}

describe('the compiled executor', () => {
  it('answers as graphql-js does, errors included', async () => {
    const reference = new ApolloServer({ schema, includeStacktraceInErrorResponses: false });
    const compiled = new ApolloServer({
      gateway: compiledExecutorGateway(schema),
      includeStacktraceInErrorResponses: false,
    });
    await reference.start();
    await compiled.start();
    try {
      const cases: [string, Record<string, unknown>?][] = [
        ['{ ok }'],
        ['query ($t: String! = "from default") { ok(text: $t, times: 2) }'],
        ['query ($t: String!) { ok(text: $t) }', { t: 'given' }],
        ['query ($n: Int) { ok(times: $n) }', { n: 'x' }],
        ['query ($t: String!) { ok(text: $t) }'],
        ['{ ok plainFailure }'],
        ['{ codedFailure ok }'],
        ['{ item { id name } }'],
        ['{ items { id name } ok }'],
        ['query A { ok } query B { ok }'],
      ];
      for (const [query, variables] of cases) {
        const expected = await answer(reference, query, variables);
        expect(await answer(compiled, query, variables), query).toBe(expected);
        // Twice: the second time from the compiled form kept for the document.
        expect(await answer(compiled, query, variables), query).toBe(expected);
      }
      // The failures really failed (the comparison can tell them apart).
      expect(await answer(compiled, '{ ok plainFailure }')).toContain('INTERNAL_SERVER_ERROR');
      expect(await answer(compiled, '{ item { id name } }')).toContain(
        'Cannot return null for non-nullable field Item.name.',
      );
    } finally {
      await reference.stop();
      await compiled.stop();
    }
  });
});
