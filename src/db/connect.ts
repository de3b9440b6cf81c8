/**
 * Config → a verified Database: the Neo4j at NEO4J_URI, or the project's local Neo4j (started
 * when none runs for the data folder). `close()` releases the driver and stops a Neo4j this
 * process started.
 */
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.ts';
import { createDriver, verifyDriver, type Connection } from './driver.ts';
import { Database } from './executor.ts';
import { startLocalNeo4j, type LocalNeo4jHandle } from './local-neo4j.ts';

export interface GraphConnection {
  db: Database;
  driver: Driver;
  connection: Connection;
  local: LocalNeo4jHandle | null;
  close(): Promise<void>;
}

export async function openGraph(
  config: Config,
  log: (line: string) => void = () => {},
): Promise<GraphConnection> {
  let local: LocalNeo4jHandle | null = null;
  let connection: Connection;
  if (config.neo4j.kind === 'external') {
    connection = config.neo4j;
  } else {
    local = await startLocalNeo4j(config.neo4j, log);
    if (local.owned)
      log(`Started the local Neo4j on ${local.uri} (data in ${config.neo4j.dataDir}).`);
    connection = {
      uri: local.uri,
      user: 'neo4j',
      password: 'neo4j',
      database: config.neo4j.database,
    };
  }
  const driver = createDriver(connection);
  try {
    await verifyDriver(driver, connection);
  } catch (error) {
    await driver.close();
    await local?.stop();
    throw error;
  }
  let closing: Promise<void> | null = null;
  return {
    db: new Database(driver, connection.database, config.queryTimeoutMs),
    driver,
    connection,
    local,
    close: () =>
      (closing ??= (async () => {
        try {
          await driver.close();
        } finally {
          await local?.stop();
        }
      })()),
  };
}
