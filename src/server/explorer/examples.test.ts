/**
 * The example operations shipped in operations/examples/: each must run as-is in the explorer,
 * so each is one named operation, valid against the schema, with a unique name (its tab title).
 */
import { buildSchema, Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTypeDefs } from '../type-defs.ts';
import { ExampleFileError, readExampleTabs } from './read-examples.ts';

function readOperationNames(query: string): (string | undefined)[] {
  return parse(query)
    .definitions.filter(
      (definition): definition is OperationDefinitionNode =>
        definition.kind === Kind.OPERATION_DEFINITION,
    )
    .map((operation) => operation.name?.value);
}

describe('operations/examples', async () => {
  const tabs = await readExampleTabs();
  const schema = buildSchema(readTypeDefs());

  it('includes the Health example', () => {
    expect(tabs.map((tab) => tab.name)).toContain('health');
  });

  it.each(tabs.map((tab) => [tab.name, tab] as const))(
    '%s is one named operation that validates against the schema',
    (_name, tab) => {
      const document = parse(tab.query);
      expect(readOperationNames(tab.query)).toEqual([expect.stringMatching(/^[A-Z]\w*$/)]);
      expect(validate(schema, document).map((error) => error.message)).toEqual([]);
    },
  );

  it('gives every example its own operation name, so each tab has its own title', () => {
    const names = tabs.flatMap((tab) => readOperationNames(tab.query));
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('readExampleTabs', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'explorer-examples-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('orders by file name and attaches sibling variables', async () => {
    writeFileSync(path.join(dir, 'b-second.graphql'), 'query Second { a }');
    writeFileSync(path.join(dir, '01-first.graphql'), 'query First($n: Int) { a(n: $n) }');
    writeFileSync(path.join(dir, '01-first.variables.json'), '{ "n": 2 }\n');
    writeFileSync(path.join(dir, 'notes.md'), 'not an example');
    expect(await readExampleTabs(dir)).toEqual([
      { name: '01-first', query: 'query First($n: Int) { a(n: $n) }', variables: '{ "n": 2 }' },
      { name: 'b-second', query: 'query Second { a }', variables: null },
    ]);
  });

  it('names the file when its variables are not a JSON object', async () => {
    writeFileSync(path.join(dir, 'b-second.variables.json'), '[1]');
    await expect(readExampleTabs(dir)).rejects.toThrow(ExampleFileError);
    await expect(readExampleTabs(dir)).rejects.toThrow(/b-second\.variables\.json/);
  });

  it('finds no examples in a missing folder', async () => {
    expect(await readExampleTabs(path.join(dir, 'missing'))).toEqual([]);
  });
});
