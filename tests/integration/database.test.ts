import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseError } from '../../src/db/errors.ts';
import { defineQuery, defineStatement, read } from '../../src/db/query.ts';
import { connectTestGraph, resetTestGraph, type TestGraph } from '../support/test-graph.ts';

const label = `Probe_${Date.now()}`;
const writeProbe = defineStatement<{ id: string; count: number; seen: string }>(
  'test.write-probe',
  `MERGE (p:${label} {id: $id}) SET p.count = $count, p.seen = date($seen)`,
);
const readProbe = defineQuery<{ id: string }, { id: string; count: number; seen: string }>({
  name: 'test.read-probe',
  cypher: `MATCH (p:${label} {id: $id}) RETURN p.id AS id, p.count AS count, p.seen AS seen`,
  parse: (row) => ({
    id: read.string(row, 'id'),
    count: read.number(row, 'count'),
    seen: read.string(row, 'seen'),
  }),
});
const hugeInteger = defineQuery<object, { value: number }>({
  name: 'test.huge-integer',
  cypher: 'RETURN 9007199254740993 AS value',
  parse: (row) => ({ value: read.number(row, 'value') }),
});

describe('database executor on the real Neo4j', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = connectTestGraph();
    await resetTestGraph(graph);
  });
  afterAll(async () => graph.close());

  it('writes through the driver and reads the same values back, converted at the boundary', async () => {
    await graph.db.write(writeProbe, { id: 'a', count: 42, seen: '2019-07-23' });
    const rows = await graph.db.read(readProbe, { id: 'a' });
    expect(rows).toEqual([{ id: 'a', count: 42, seen: '2019-07-23' }]);
  });

  it('stores whole numbers as Neo4j integers, not floats', async () => {
    await graph.db.write(writeProbe, { id: 'b', count: 7, seen: '2020-01-01' });
    const session = graph.driver.session();
    try {
      const result = await session.run(
        `MATCH (p:${label} {id: 'b'}) RETURN valueType(p.count) AS type`,
      );
      expect(result.records[0]?.get('type')).toBe('INTEGER NOT NULL');
    } finally {
      await session.close();
    }
  });

  it('refuses integers outside the safe JavaScript range instead of rounding them', async () => {
    await expect(graph.db.read(hugeInteger, {})).rejects.toThrow(
      /outside the safe JavaScript range/,
    );
  });

  it('maps a Neo4j error to a typed DatabaseError naming the query', async () => {
    const broken = defineStatement('test.broken', 'MATCH (n RETURN n');
    const error = await graph.db.read(broken, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseError);
    expect(error).toMatchObject({ kind: 'INVALID_QUERY', queryName: 'test.broken' });
  });

  it('created the uniqueness constraints and the full-text index', async () => {
    const indexes = defineQuery<object, { name: string; type: string; state: string }>({
      name: 'test.indexes',
      cypher: 'SHOW INDEXES YIELD name, type, state RETURN name, type, state',
      parse: (row) => ({
        name: read.string(row, 'name'),
        type: read.string(row, 'type'),
        state: read.string(row, 'state'),
      }),
    });
    const rows = await graph.db.read(indexes, {});
    expect(rows.find((row) => row.type === 'FULLTEXT')).toMatchObject({
      name: 'findingAndRequirementText',
      state: 'ONLINE',
    });
    expect(rows.some((row) => row.name === 'inspection_id_unique')).toBe(true);
    expect(rows.every((row) => row.state === 'ONLINE')).toBe(true);
  });
});
