/**
 * The Neo4j a bench asks: the one NEO4J_URI names, as it is, or else a temporary local one in a
 * folder of its own, stopped and removed by `close`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../src/config.ts';
import { startLocalNeo4j, type LocalNeo4jHandle } from '../src/db/local-neo4j.ts';
import type { Connection } from '../src/db/driver.ts';

export interface BenchNeo4j {
  connection: Connection;
  /** The temporary local Neo4j, or null when NEO4J_URI named one. */
  local: LocalNeo4jHandle | null;
  /** Stops the temporary Neo4j and removes its folder; nothing for an external one. */
  close(): Promise<void>;
}

export async function openBenchNeo4j(config: Config, folderPrefix: string): Promise<BenchNeo4j> {
  if (config.neo4j.kind === 'external')
    return { connection: config.neo4j, local: null, close: async () => {} };
  const dataDir = mkdtempSync(path.join(os.tmpdir(), folderPrefix));
  const local = await startLocalNeo4j({ ...config.neo4j, dataDir, port: 0 });
  return {
    connection: { uri: local.uri, user: 'neo4j', password: local.password, database: 'neo4j' },
    local,
    close: async () => {
      await local.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
