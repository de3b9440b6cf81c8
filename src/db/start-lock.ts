/**
 * The start lock of a data folder: whoever starts, restarts or stops its local Neo4j holds it,
 * so two commands starting at once never launch two Neo4j processes on one store (the second
 * waits, then finds the first's running). The lock is a file made with O_EXCL naming its pid; a
 * lock whose process has died is taken over.
 */
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { removeNow, removeOnExit } from './exit-cleanup.ts';
import { LocalNeo4jError } from './local-neo4j-build.ts';
import { localNeo4jPaths } from './local-neo4j-folder.ts';
import { isProcessAlive, sleep } from './processes.ts';

/** Long enough for a first start that builds the Maven module and then starts Neo4j. */
const LOCK_WAIT_MS = 600_000;
/** A lock file still empty after this long was left by a process that died while making it. */
const EMPTY_LOCK_STALE_MS = 10_000;

function readHolder(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isStale(file: string): boolean {
  const holder = readHolder(file);
  if (holder !== null) return !isProcessAlive(holder);
  try {
    return Date.now() - statSync(file).mtimeMs > EMPTY_LOCK_STALE_MS;
  } catch {
    return true;
  }
}

async function acquire(dataDir: string, log: (line: string) => void): Promise<string> {
  const file = localNeo4jPaths(dataDir).startLock;
  const deadline = Date.now() + LOCK_WAIT_MS;
  let told = false;
  for (;;) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      removeOnExit(file);
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (isStale(file)) {
      rmSync(file, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new LocalNeo4jError(
        `Another command (pid ${readHolder(file) ?? 'unknown'}) has been starting or stopping the local Neo4j for ${dataDir} for ${LOCK_WAIT_MS / 60_000} minutes; stop it, or remove ${file} if no such command runs.`,
      );
    }
    // Told once the holder's pid is in the file: 'wx' creates it empty and writes the pid after.
    const holder = told ? null : readHolder(file);
    if (holder !== null) {
      told = true;
      log(
        `Another command (pid ${holder}) is starting or stopping the local Neo4j for ${dataDir}; waiting for it…`,
      );
    }
    await sleep(200);
  }
}

/** Runs `work` holding the folder's start lock. */
export async function withStartLock<T>(
  dataDir: string,
  log: (line: string) => void,
  work: () => Promise<T>,
): Promise<T> {
  const file = await acquire(dataDir, log);
  try {
    return await work();
  } finally {
    removeNow(file);
  }
}
