import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import {
  buildSchema,
  getOperationAST,
  parse,
  validate,
  type GraphQLError,
  type ValidationRule,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { readTypeDefs } from './type-defs.ts';
import { measureQueryCost, type Variables } from './query-cost.ts';

const schema = buildSchema(readTypeDefs());

function costOf(query: string, variables: Variables = {}): number {
  const document = parse(query);
  expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  return measureQueryCost(schema, document, getOperationAST(document)!, variables);
}

/** graphql-armor's own figure for a query: the model this one extends, read from its refusal. */
function armorCostOf(query: string): number {
  let found = Number.NaN;
  const rule = costLimitRule({
    maxCost: 0,
    flattenFragments: true,
    propagateOnRejection: false,
    onReject: [
      (_context: unknown, error: GraphQLError) => {
        found = Number(/found (\d+(?:\.\d+)?)/.exec(error.message)![1]);
      },
    ],
  }) as unknown as ValidationRule;
  validate(schema, parse(query), [rule]);
  return found;
}

const nested = (first: (n: number) => string) =>
  `{ locations${first(20)} { nodes { id inspections${first(20)} { nodes { id findings${first(50)} { nodes { id text } } } } } } }`;

describe('measureQueryCost', () => {
  it('follows graphql-armor for fields with first written out', () => {
    for (const query of [
      '{ __typename }',
      '{ locations(first: 2) { nodes { id } } }',
      nested((n) => `(first: ${n})`),
      '{ breachCounts(groupBy: [REGULATION], first: 7) { totalCount nodes { requirementCount regulation { id } } } }',
    ])
      expect(costOf(query)).toBeCloseTo(armorCostOf(query), 6);
  });

  it('gives a hand-computed figure: 2 locations of one id each', () => {
    // locations: (object 2 + 1.5 × nodes (2 + 1.5 × id 1)) × 2 rows
    expect(costOf('{ locations(first: 2) { nodes { id } } }')).toBe((2 + 1.5 * (2 + 1.5)) * 2);
  });

  it('costs a connection left to its default page size as if the default were written', () => {
    const defaults = costOf(nested(() => ''));
    expect(defaults).toBe(costOf(nested((n) => `(first: ${n})`)));
    // graphql-armor counted each of those levels as one row.
    expect(armorCostOf(nested(() => ''))).toBeLessThan(defaults / 1000);
  });

  it('reads first from a variable, then its declared default, then the schema default', () => {
    const query = 'query ($n: Int) { locations(first: $n) { nodes { id } } }';
    const withDefault = 'query ($n: Int = 7) { locations(first: $n) { nodes { id } } }';
    const literal = (n: number) => costOf(`{ locations(first: ${n}) { nodes { id } } }`);
    expect(costOf(query, { n: 3 })).toBe(literal(3));
    expect(costOf(withDefault)).toBe(literal(7));
    expect(costOf(query)).toBe(literal(20));
    expect(costOf(query, { n: null })).toBe(literal(20));
    // Resolvers cap a page at 100 rows, and so does the cost.
    expect(costOf(query, { n: 5000 })).toBe(literal(100));
    expect(costOf('{ locations(first: 5000) { nodes { id } } }')).toBe(literal(100));
  });

  it('counts a fragment where it is spread, as if written out', () => {
    const written = '{ locations { nodes { id name inspections { nodes { id } } } } }';
    const spread =
      'query { locations { nodes { ...L } } } fragment L on Location { id name inspections { nodes { id } } }';
    const inline =
      '{ locations { nodes { ... on Location { id name inspections { nodes { id } } } } } }';
    expect(costOf(spread)).toBe(costOf(written));
    expect(costOf(inline)).toBe(costOf(written));
  });

  it('adds up aliases of one field', () => {
    const one = costOf('{ breachCounts(groupBy: [REGULATION]) { nodes { requirementCount } } }');
    const three = costOf(
      `{ ${[1, 2, 3].map((i) => `a${i}: breachCounts(groupBy: [REGULATION]) { nodes { requirementCount } }`).join(' ')} }`,
    );
    expect(three).toBe(3 * one);
  });

  it('costs introspection nothing', () => {
    expect(costOf('{ __schema { types { name fields { name } } } }')).toBe(0);
  });
});
