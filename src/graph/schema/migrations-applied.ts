/**
 * Whether a start has anything to migrate, asked in two reads instead of running the ~45
 * idempotent statements: on a second start each of them was a Cypher statement the fresh
 * Neo4j had to plan, seconds before the API could serve. The schema counts as applied when
 * every constraint and index the statements name exists and is online (IF NOT EXISTS would
 * leave each as it is); the reference data when the graph records the hash of the catalogues
 * this code would load.
 */
import { GRAPH_STATE_ID } from '../summaries/graph-version.ts';
import { defineQuery, read } from '../../db/query.ts';
import type { Database } from '../../db/executor.ts';
import { schemaStatements } from './migrations.ts';

export const listOnlineSchema = defineQuery<object, { name: string }>({
  name: 'migrations.list-online-schema',
  cypher: "SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN name",
  parse: (row) => ({ name: read.string(row, 'name') }),
});

export const readReferenceHash = defineQuery<object, { hash: string | null }>({
  name: 'migrations.read-reference-hash',
  cypher: `OPTIONAL MATCH (st:GraphState {id: '${GRAPH_STATE_ID}'}) RETURN st.referenceHash AS hash`,
  parse: (row) => ({ hash: read.optionalString(row, 'hash') }),
});

/** The names the schema statements give (a uniqueness constraint's index carries its name). */
export function schemaNames(): string[] {
  return schemaStatements().map((statement) => {
    const name = /^CREATE (?:CONSTRAINT|(?:RANGE |FULLTEXT )?INDEX) (\w+) IF NOT EXISTS/.exec(
      statement.cypher,
    )?.[1];
    if (!name) throw new Error(`schema statement ${statement.name} has no name to check`);
    return name;
  });
}

/** True when every schema statement's constraint or index is online. */
export async function isSchemaApplied(db: Database): Promise<boolean> {
  const online = new Set((await db.read(listOnlineSchema, {})).map((row) => row.name));
  return schemaNames().every((name) => online.has(name));
}

/** True when the graph holds the reference data whose hash is `hash`. */
export async function isReferenceDataLoaded(db: Database, hash: string): Promise<boolean> {
  const [row] = await db.read(readReferenceHash, {});
  return row?.hash === hash;
}
