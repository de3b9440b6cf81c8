import { buildSchema, getOperationAST, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  findOversizedInput,
  MAX_CURSOR_CHARS,
  MAX_ID_CHARS,
  MAX_TEXT_CHARS,
} from './input-size.ts';
import { readTypeDefs } from './type-defs.ts';

const schema = buildSchema(readTypeDefs());

function check(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  return findOversizedInput(schema, document, getOperationAST(document)!, variables);
}

const marker = (length: number) => 'q'.repeat(length);

describe('findOversizedInput', () => {
  it('lets ordinary arguments and variables through', () => {
    expect(check('{ locations(first: 3, after: "b2Zmc2V0OjI") { nodes { id } } }')).toBeNull();
    expect(
      check('query ($t: String!) { search(text: $t) { snippet } }', { t: 'medication errors' }),
    ).toBeNull();
    expect(
      check('query ($id: ID!) { location(id: $id) { id } }', { id: 'ofsted:1247390' }),
    ).toBeNull();
  });

  it('refuses a long cursor written in the query with its length, not its text', () => {
    const error = check(`{ locations(after: "${marker(MAX_CURSOR_CHARS + 1)}") { nodes { id } } }`);
    expect(error?.extensions.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toBe(
      `argument "after" of locations is ${MAX_CURSOR_CHARS + 1} characters long; at most ${MAX_CURSOR_CHARS} are accepted.`,
    );
  });

  it('refuses long search text, ids and filter values given in variables, wherever they sit', () => {
    const search = check('query ($t: String!) { search(text: $t) { snippet } }', {
      t: marker(MAX_TEXT_CHARS + 1),
    });
    expect(search?.message).toMatch(/^variable \$t is 1001 characters long/);
    const id = check('query ($id: ID!) { location(id: $id) { id } }', {
      id: marker(MAX_ID_CHARS + 1),
    });
    expect(id?.extensions.code).toBe('BAD_USER_INPUT');
    const filter = check('query ($f: LocationFilter) { locations(filter: $f) { nodes { id } } }', {
      f: { region: marker(MAX_TEXT_CHARS + 1) },
    });
    expect(filter?.message).toMatch(/^variable \$f, field region, is 1001 characters long/);
    const list = check('query ($ids: [ID!]) { themeTrends(themes: $ids) { period } }', {
      ids: ['safeguarding', marker(MAX_ID_CHARS + 1)],
    });
    expect(list?.extensions.code).toBe('BAD_USER_INPUT');
    for (const error of [search, id, filter, list])
      expect(error?.message).not.toContain(marker(50));
  });

  it('refuses a long value written inside an input object', () => {
    const error = check(
      `{ locations(filter: { localAuthority: "${marker(MAX_TEXT_CHARS + 5)}" }) { nodes { id } } }`,
    );
    expect(error?.message).toMatch(/field localAuthority, is 1005 characters long/);
  });

  it("leaves an upload's content to the upload limit, as a literal or a variable", () => {
    const mutation = 'mutation ($c: String!) { ingestReport(input: { content: $c }) { status } }';
    expect(check(mutation, { c: marker(MAX_TEXT_CHARS * 20) })).toBeNull();
    expect(
      check('mutation ($i: IngestReportInput!) { ingestReport(input: $i) { status } }', {
        i: { contentBase64: marker(MAX_TEXT_CHARS * 20), fileName: 'a.pdf' },
      }),
    ).toBeNull();
    // Its other fields are held to the usual limits.
    expect(
      check('mutation ($i: IngestReportInput!) { ingestReport(input: $i) { status } }', {
        i: { content: 'x', fileName: marker(MAX_TEXT_CHARS + 1) },
      })?.extensions.code,
    ).toBe('BAD_USER_INPUT');
  });
});
