/**
 * The real test database for an integration suite: a driver and Database on the Neo4j the
 * global setup started, emptied and migrated before the suite so suites never see each other.
 */
import { inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../../src/db/driver.ts';
import { Database } from '../../src/db/executor.ts';
import { runSchemaMigrations } from '../../src/graph/schema/migrations.ts';
import { defineStatement } from '../../src/db/query.ts';

export interface TestGraph {
  driver: Driver;
  db: Database;
  close(): Promise<void>;
}

const deleteEverything = defineStatement(
  'test.delete-everything',
  'MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS',
);

export function connectTestGraph(): TestGraph {
  const connection = inject('neo4j');
  const driver = createDriver(connection);
  const db = new Database(driver, connection.database, 60_000);
  return { driver, db, close: () => driver.close() };
}

/** Empties the database (CALL IN TRANSACTIONS needs an implicit transaction) and migrates it. */
export async function resetTestGraph(graph: TestGraph): Promise<void> {
  const session = graph.driver.session({ database: graph.db.databaseName });
  try {
    await session.run(deleteEverything.cypher);
  } finally {
    await session.close();
  }
  await runSchemaMigrations(graph.db);
}
