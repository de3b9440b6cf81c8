/** One neo4j-driver Driver per process, created from the resolved connection. */
import neo4j, { type Driver } from 'neo4j-driver';
import { DEFAULT_DRIVER_TIMEOUTS, type DriverTimeouts } from '../config.ts';
import { DatabaseError, toDatabaseError } from './errors.ts';
import { disableNagleOnKeepAliveSockets } from './tcp-no-delay.ts';

export interface Connection {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/**
 * The timeouts are short on purpose: with the driver's defaults (30 s to connect, 60 s to get a
 * connection, 30 s of retries) a dead database looked like a hung one for a minute.
 */
export function createDriver(
  connection: Connection,
  timeouts: DriverTimeouts = DEFAULT_DRIVER_TIMEOUTS,
): Driver {
  disableNagleOnKeepAliveSockets();
  return neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    userAgent: 'inspection-graph/0.1',
    maxConnectionPoolSize: 50,
    connectionTimeout: timeouts.connectMs,
    // The driver wants room to open a connection inside the acquisition wait.
    connectionAcquisitionTimeout: Math.max(timeouts.acquireMs, timeouts.connectMs),
    maxTransactionRetryTime: timeouts.maxRetryMs,
    logging: {
      level: 'error',
      // A lost connection is logged with the whole error serialised after it; its message is enough.
      logger: (_level, message) =>
        console.error(`neo4j-driver: ${message.replace(/ \(\{"gqlStatus".*\}\)$/s, '')}`),
    },
  });
}

/** Fails with one clear message when the database cannot be reached or refuses the credentials. */
export async function verifyDriver(driver: Driver, connection: Connection): Promise<void> {
  try {
    await driver.verifyConnectivity({ database: connection.database });
  } catch (error) {
    const mapped = toDatabaseError(error, null);
    const message = error instanceof Error ? error.message : String(error);
    // The driver's own text is a paragraph; its "Caused by" part is what a person needs.
    const detail = /Caused by: (.+)$/s.exec(message)?.[1]?.trim() ?? message.split('\n')[0]!;
    const kind = mapped instanceof DatabaseError ? mapped.kind : 'UNKNOWN';
    const hint =
      kind === 'AUTHENTICATION'
        ? 'check NEO4J_USER and NEO4J_PASSWORD'
        : kind === 'DATABASE_NOT_FOUND'
          ? 'check NEO4J_DATABASE'
          : 'check that Neo4j is running and NEO4J_URI is right';
    throw new DatabaseError(
      kind,
      `Cannot reach Neo4j at ${connection.uri}: ${detail} (${hint})`,
      null,
      null,
      { cause: error },
    );
  }
}
