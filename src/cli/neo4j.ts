/**
 * `npm run neo4j`: runs the project's local Neo4j for NEO4J_DATA_DIR in the foreground until
 * Ctrl-C, printing its bolt URI, so other commands (ingest, bench --keep-graph, a second API
 * server) can share one loaded graph through NEO4J_URI.
 */
import { ConfigError, readConfig } from '../config.ts';
import { LocalNeo4jError } from '../db/local-neo4j-build.ts';
import { startLocalNeo4j } from '../db/local-neo4j.ts';

async function run(): Promise<void> {
  const config = readConfig();
  if (config.neo4j.kind === 'external')
    throw new ConfigError(`NEO4J_URI is set (${config.neo4j.uri}): there is no local Neo4j to run`);
  const local = await startLocalNeo4j(config.neo4j, (line) => console.error(line));
  console.log(
    `neo4j: ${local.uri} (data in ${config.neo4j.dataDir}); use NEO4J_URI=${local.uri}; Ctrl-C stops it`,
  );
  if (!local.owned) return;
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await local.stop();
}

run().catch((error: unknown) => {
  const expected = error instanceof ConfigError || error instanceof LocalNeo4jError;
  console.error(expected ? `neo4j: ${(error as Error).message}` : error);
  process.exit(1);
});
