import { buildSchema, getOperationAST, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readExampleTabs } from './explorer/read-examples.ts';
import {
  buildLimitRules,
  checkQueryTokens,
  MAX_ALIASES,
  MAX_COST,
  MAX_DIRECTIVES,
  MAX_TOKENS,
} from './limits.ts';
import { measureQueryCost } from './query-cost.ts';
import { readTypeDefs } from './type-defs.ts';

const schema = buildSchema(readTypeDefs());

function codesOf(query: string): unknown[] {
  return validate(schema, parse(query), buildLimitRules()).map((e) => e.extensions.code);
}

describe('checkQueryTokens', () => {
  it('lets a query within the limit through, however long its string values', () => {
    expect(checkQueryTokens('{ __typename }')).toBeNull();
    expect(
      checkQueryTokens(`{ search(text: "${'word '.repeat(MAX_TOKENS)}") { snippet } }`),
    ).toBeNull();
  });

  it('refuses more than MAX_TOKENS tokens with QUERY_TOO_LARGE, counting from the start', () => {
    const error = checkQueryTokens(`{ ${'__typename '.repeat(MAX_TOKENS)}}`);
    expect(error?.extensions.code).toBe('QUERY_TOO_LARGE');
    // A syntax error after the limit does not hide it: the parser stops at the limit.
    expect(checkQueryTokens(`{ ${'__typename '.repeat(MAX_TOKENS)} !!!`)?.extensions.code).toBe(
      'QUERY_TOO_LARGE',
    );
  });

  it('leaves a syntax error within the limit to Apollo', () => {
    expect(
      checkQueryTokens(`{ ${'a '.repeat(MAX_TOKENS / 4)} ) ${' '.repeat(MAX_TOKENS)}`),
    ).toBeNull();
  });
});

describe('buildLimitRules', () => {
  it('refuses more aliases than MAX_ALIASES with QUERY_TOO_LARGE', () => {
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: location(id: "x${i}") { id }`).join(' ')} }`;
    expect(codesOf(aliases(MAX_ALIASES))).toEqual([]);
    expect(codesOf(aliases(MAX_ALIASES + 1))).toEqual(['QUERY_TOO_LARGE']);
  });

  it('refuses more directives than MAX_DIRECTIVES with QUERY_TOO_LARGE', () => {
    const directives = (n: number) => `{ ${'__typename @include(if: true) '.repeat(n)}}`;
    expect(codesOf(directives(MAX_DIRECTIVES))).toEqual([]);
    expect(codesOf(directives(MAX_DIRECTIVES + 1))).toEqual(['QUERY_TOO_LARGE']);
  });

  it('lets every example operation of the explorer through', async () => {
    for (const tab of await readExampleTabs()) {
      expect(checkQueryTokens(tab.query)).toBeNull();
      expect(codesOf(tab.query)).toEqual([]);
      const document = parse(tab.query);
      const variables = tab.variables ? (JSON.parse(tab.variables) as Record<string, unknown>) : {};
      expect(
        measureQueryCost(schema, document, getOperationAST(document)!, variables),
      ).toBeLessThanOrEqual(MAX_COST);
    }
  });
});
