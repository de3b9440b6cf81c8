/**
 * `npm run neo4j`: runs the project's local Neo4j for NEO4J_DATA_DIR until Ctrl-C, printing how
 * to connect, so one loaded graph can be shared by ingest, bench, servers, cypher-shell or
 * Neo4j Browser. Other commands of the project find it by themselves (same NEO4J_DATA_DIR);
 * Ctrl-C stops it only when no other command is using it.
 */
import { ConfigError, readConfig } from '../config.ts';
import { LocalNeo4jError } from '../db/local-neo4j-build.ts';
import { localNeo4jPaths } from '../db/local-neo4j-folder.ts';
import { startLocalNeo4j } from '../db/local-neo4j.ts';

const say = (line: string) => console.error(`neo4j: ${line}`);

async function run(): Promise<void> {
  const config = readConfig();
  if (config.neo4j.kind === 'external')
    throw new ConfigError(`NEO4J_URI is set (${config.neo4j.uri}): there is no local Neo4j to run`);
  const local = await startLocalNeo4j(config.neo4j, say);
  const { passwordFile } = localNeo4jPaths(config.neo4j.dataDir);
  console.log(
    `neo4j: ${local.uri} (data in ${config.neo4j.dataDir}), user neo4j, password in ${passwordFile}`,
  );
  console.log(
    `neo4j: elsewhere use NEO4J_URI=${local.uri} NEO4J_PASSWORD_FILE=${passwordFile}; Ctrl-C stops it once no other command uses it`,
  );
  // Neo4j runs detached, so nothing else keeps this process waiting for Ctrl-C.
  const keepAlive = setInterval(() => {}, 60_000);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  clearInterval(keepAlive);
  await local.stop();
}

run().catch((error: unknown) => {
  const expected = error instanceof ConfigError || error instanceof LocalNeo4jError;
  console.error(expected ? `neo4j: ${(error as Error).message}` : error);
  process.exit(1);
});
