/**
 * The API server of bench/sampled-arguments.ts, in a process of its own
 * (`node --import tsx bench/sampled-server-child.ts`, NEO4J_URI and PORT set): `npm start`'s
 * server in production mode on the graph NEO4J_URI holds, with no response cache (every request
 * runs its queries) and no summary refresh of its own. After each GraphQL request it prints one
 * line `queries: ["name", ...]` with the names of the queries the request sent (the server's
 * `onRequestQueries` hook), so the bench can tell which requests a summary answered.
 */
// Production mode as `npm start` runs the API (graphql-js skips its development checks), first so graphql loads after it.
import '../src/server/production-mode.ts';
import { readConfig } from '../src/config.ts';
import { openGraph } from '../src/db/connect.ts';
import { startServer } from '../src/server/app.ts';

const SAMPLED_SERVER_READY = 'sampled-arguments server ready at';
const QUERIES_LINE = 'queries: ';

async function main(): Promise<void> {
  const config = readConfig();
  if (config.neo4j.kind !== 'external')
    throw new Error('the sampled-arguments server needs NEO4J_URI: it serves a loaded graph');
  const graph = await openGraph(config);
  const server = await startServer({ ...config, responseCacheBytes: 0 }, graph.db, {
    onRequestQueries: (names) => console.log(`${QUERIES_LINE}${JSON.stringify(names)}`),
  });
  const stop = async () => {
    await server.stop();
    await graph.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  console.log(`${SAMPLED_SERVER_READY} ${server.url}`);
}

main().catch((error: unknown) => {
  console.error('sampled-arguments server failed:', error);
  process.exit(1);
});
