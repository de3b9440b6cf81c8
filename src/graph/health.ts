/** Whether Neo4j answers, and which version it is. */
import type { Database } from '../db/executor.ts';
import { defineQuery, read } from '../db/query.ts';

export const componentsQuery = defineQuery<object, { version: string; edition: string }>({
  name: 'health.components',
  cypher:
    'CALL dbms.components() YIELD name, versions, edition WHERE name = "Neo4j Kernel" RETURN versions[0] AS version, edition',
  parse: (row) => ({ version: read.string(row, 'version'), edition: read.string(row, 'edition') }),
});

export interface HealthReport {
  neo4j: boolean;
  database: string;
  neo4jVersion: string | null;
}

/** Never throws: a database that does not answer is reported, not raised. */
export async function checkHealth(db: Database): Promise<HealthReport> {
  try {
    const [row] = await db.read(componentsQuery, {});
    return {
      neo4j: true,
      database: db.databaseName,
      neo4jVersion: row ? `${row.version} ${row.edition}` : null,
    };
  } catch {
    return { neo4j: false, database: db.databaseName, neo4jVersion: null };
  }
}
