/**
 * Config → a verified Database: the Neo4j at NEO4J_URI, or the project's local Neo4j (started
 * when none runs for the data folder, with the password kept in its data folder). `close()`
 * releases the driver and this command's hold on the local Neo4j (which stops when no other
 * command uses it).
 */
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.ts';
import { createDriver, verifyDriver, type Connection } from './driver.ts';
import { Database } from './executor.ts';
import { startLocalNeo4j, type LocalNeo4jHandle } from './local-neo4j.ts';
import { OutageWaiter } from './wait-for-database.ts';

export interface GraphConnection {
  db: Database;
  driver: Driver;
  connection: Connection;
  local: LocalNeo4jHandle | null;
  close(): Promise<void>;
}

export interface OpenGraphOptions {
  /**
   * Long-running writers (the ingest): on DATABASE_UNAVAILABLE, pause with a "waiting for
   * Neo4j" line until it is back, up to `config.neo4jWaitSeconds`, then give up (calling
   * `onGiveUp`). Without it every call fails fast, as the API server wants.
   */
  waitWhenUnavailable?: { onGiveUp?: (message: string) => void };
  /**
   * The local Neo4j already being started by the caller (`startLocalNeo4j`), which `npm start`
   * does before it loads this module and the driver, so the JVM starts that much sooner.
   */
  localStarting?: Promise<LocalNeo4jHandle>;
}

export async function openGraph(
  config: Config,
  log: (line: string) => void = () => {},
  options: OpenGraphOptions = {},
): Promise<GraphConnection> {
  let local: LocalNeo4jHandle | null = null;
  let connection: Connection;
  if (config.neo4j.kind === 'external') {
    connection = config.neo4j;
  } else {
    local = await (options.localStarting ?? startLocalNeo4j(config.neo4j, log));
    if (local.owned)
      log(`Started the local Neo4j on ${local.uri} (data in ${config.neo4j.dataDir}).`);
    connection = {
      uri: local.uri,
      user: 'neo4j',
      password: local.password,
      database: config.neo4j.database,
    };
  }
  const driver = createDriver(connection, config.driverTimeouts);
  try {
    await verifyDriver(driver, connection);
  } catch (error) {
    await driver.close();
    await local?.stop();
    throw error;
  }
  let db = new Database(driver, connection.database, config.queryTimeoutMs);
  if (options.waitWhenUnavailable) {
    db = db.withOutageWait(
      new OutageWaiter(driver, connection.database, connection.uri, {
        maxWaitMs: config.neo4jWaitSeconds * 1000,
        log,
        onGiveUp: options.waitWhenUnavailable.onGiveUp,
      }),
    );
  }
  let closing: Promise<void> | null = null;
  return {
    db,
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
