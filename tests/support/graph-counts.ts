/** Counts of every label and relationship type: the fingerprint idempotency tests compare. */
import { defineQuery, read } from '../../src/db/query.ts';
import type { Database } from '../../src/db/executor.ts';

const countNodes = defineQuery<object, { label: string; count: number }>({
  name: 'test.count-nodes',
  cypher: 'MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count ORDER BY label',
  parse: (row) => ({ label: read.string(row, 'label'), count: read.number(row, 'count') }),
});

const countRelationships = defineQuery<object, { type: string; count: number }>({
  name: 'test.count-relationships',
  cypher: 'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type',
  parse: (row) => ({ type: read.string(row, 'type'), count: read.number(row, 'count') }),
});

export async function countGraph(db: Database): Promise<Record<string, number>> {
  const nodes = await db.read(countNodes, {});
  const relationships = await db.read(countRelationships, {});
  return Object.fromEntries([
    ...nodes.map((n) => [`:${n.label}`, n.count] as const),
    ...relationships.map((r) => [`-[:${r.type}]->`, r.count] as const),
  ]);
}
