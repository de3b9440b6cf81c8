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

/** A health check answers within this, whatever the database does. */
export const HEALTH_DEADLINE_MS = 1_000;

/**
 * Never throws: a database that does not answer within `deadlineMs` is reported, not raised
 * (the driver would otherwise keep retrying a dead one for seconds before it said so).
 */
export async function checkHealth(
  db: Database,
  deadlineMs: number = HEALTH_DEADLINE_MS,
): Promise<HealthReport> {
  const down: HealthReport = { neo4j: false, database: db.databaseName, neo4jVersion: null };
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<HealthReport>((resolve) => {
    timer = setTimeout(() => resolve(down), deadlineMs);
  });
  const probe = db
    .withTimeout(deadlineMs)
    .read(componentsQuery, {})
    .then(
      ([row]): HealthReport => ({
        neo4j: true,
        database: db.databaseName,
        neo4jVersion: row ? `${row.version} ${row.edition}` : null,
      }),
      () => down,
    );
  try {
    return await Promise.race([probe, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
