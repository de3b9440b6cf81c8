/**
 * Starts, shares and stops the project's own Neo4j (the `neo4j/` module) for a data folder.
 *
 * One Neo4j runs per data folder and every command shares it: a command takes a lease in the
 * folder, connects to the Neo4j already running or launches one (under the folder's start
 * lock, so two commands starting at once never launch two), watches it and restarts it if it
 * dies, and on finishing gives its lease back, stopping the Neo4j only when it held the last
 * lease. The Neo4j also stops by itself once every leased process has gone, so a crashed
 * command never leaves a Java process behind. Its `neo4j` user's password is in
 * `<dataDir>/neo4j-password` (mode 0600), made on the folder's first start.
 */
import type { LocalNeo4jSettings } from '../config.ts';
import {
  ensurePassword,
  findRunningInstance,
  prepareDataDir,
  readInstanceRecord,
} from './local-neo4j-folder.ts';
import { launchLocalNeo4j, type LaunchedNeo4j } from './local-neo4j-launch.ts';
import { liveLeases, takeLease, type Lease } from './local-neo4j-lease.ts';
import { LocalNeo4jSupervisor } from './local-neo4j-supervisor.ts';
import { findFreePort, isProcessAlive, stopProcess } from './processes.ts';
import { withStartLock } from './start-lock.ts';

export { findFreePort, isPortOpen, isProcessAlive } from './processes.ts';

export interface LocalNeo4jHandle {
  uri: string;
  port: number;
  dataDir: string;
  /** The `neo4j` user's password, from `<dataDir>/neo4j-password`. */
  password: string;
  /** True when this process launched it (false: it was already running for the folder). */
  owned: boolean;
  /** Gives this command's lease back; stops the Neo4j when no other command holds one. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Restart the Neo4j if it dies while this command uses it (default true). */
  supervise?: boolean;
}

const STOP_TIMEOUT_MS = 60_000;

/**
 * Connects to the Neo4j already running for `settings.dataDir`, or starts one.
 * `settings.port` 0 picks a free port.
 */
export async function startLocalNeo4j(
  settings: LocalNeo4jSettings,
  log: (line: string) => void = () => {},
  options: StartOptions = {},
): Promise<LocalNeo4jHandle> {
  const { dataDir } = settings;
  prepareDataDir(dataDir);
  const held: { lease: Lease | null } = { lease: null };
  let instance: LaunchedNeo4j & { password: string };
  try {
    instance = await withStartLock(dataDir, log, async () => {
      const password = ensurePassword(dataDir);
      // Taken before looking, so a Neo4j found running cannot stop for want of leases.
      held.lease = takeLease(dataDir);
      const running = await findRunningInstance(dataDir);
      if (running) return { ...running, child: null, password };
      const port = settings.port === 0 ? await findFreePort() : settings.port;
      return { ...(await launchLocalNeo4j(settings, port, log)), password };
    });
  } catch (error) {
    held.lease?.release();
    throw error;
  }
  const lease = held.lease!;
  const owned = instance.child !== null;
  if (!owned) log(`Using the local Neo4j already running for ${dataDir} on port ${instance.port}.`);
  const supervisor =
    options.supervise === false
      ? null
      : new LocalNeo4jSupervisor(settings, instance.port, instance, log);

  let stopping: Promise<void> | null = null;
  return {
    uri: `bolt://127.0.0.1:${instance.port}`,
    port: instance.port,
    dataDir,
    password: instance.password,
    owned,
    stop: () =>
      (stopping ??= (async () => {
        await supervisor?.stop();
        await withStartLock(dataDir, log, async () => {
          lease.release();
          if (liveLeases(dataDir).length > 0) return;
          // The record names the current process, a restarted one included.
          const record = readInstanceRecord(dataDir) ?? { pid: instance.pid };
          if (isProcessAlive(record.pid)) await stopProcess(record.pid, STOP_TIMEOUT_MS);
        });
      })()),
  };
}
