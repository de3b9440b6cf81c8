/**
 * The peer in a process of its own (`node --import tsx bench/peer-child.ts`, NEO4J_* set), as the
 * API runs in its own: both servers then compete for the cores alike, and the bench process
 * only sends requests. Started and stopped by `startPeerChild` (bench/peer-server.ts).
 */
// Production mode as `npm start` runs the API (graphql-js skips its development checks), first so graphql loads after it.
import '../src/server/production-mode.ts';
import { readConfig } from '../src/config.ts';
import { createDriver } from '../src/db/driver.ts';
import { PEER_READY, startPeerServer } from './peer-server.ts';

async function main(): Promise<void> {
  const config = readConfig();
  if (config.neo4j.kind !== 'external')
    throw new Error('the peer needs NEO4J_URI: it serves the graph the API serves');
  // The driver the API uses (Nagle off on its sockets), so neither side waits on delayed ACKs.
  const driver = createDriver(config.neo4j);
  const peer = await startPeerServer(driver);
  const stop = async () => {
    await peer.stop();
    await driver.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  console.log(`${PEER_READY} ${peer.url}`);
}

main().catch((error: unknown) => {
  console.error('peer failed:', error);
  process.exit(1);
});
