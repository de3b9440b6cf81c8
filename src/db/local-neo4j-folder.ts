/**
 * What the data folder of the local Neo4j holds besides the store: the password of its `neo4j`
 * user, the record of the running instance, the leases of the commands using it and the start
 * lock. Every command finds the running Neo4j and its password here.
 */
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { isPortOpen, isProcessAlive } from './processes.ts';

export interface InstanceRecord {
  pid: number;
  port: number;
}

export const PASSWORD_FILE_NAME = 'neo4j-password';

export function localNeo4jPaths(dataDir: string) {
  return {
    passwordFile: path.join(dataDir, PASSWORD_FILE_NAME),
    instanceFile: path.join(dataDir, 'instance.json'),
    leaseDir: path.join(dataDir, 'leases'),
    startLock: path.join(dataDir, 'start.lock'),
    logFile: path.join(dataDir, 'local-neo4j.log'),
  };
}

/**
 * Creates the folder readable by its owner only: the store files would otherwise be a way
 * round the password.
 */
export function prepareDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    if ((statSync(dataDir).mode & 0o077) !== 0) chmodSync(dataDir, 0o700);
  } catch {
    // Not ours to change (another user's folder): Neo4j's own checks decide.
  }
}

/**
 * The password of the folder's `neo4j` user, made on first use: 24 random bytes, in a file
 * only its owner can read. A file left readable by others is narrowed to 0600.
 */
export function ensurePassword(dataDir: string): string {
  const { passwordFile } = localNeo4jPaths(dataDir);
  if (!existsSync(passwordFile)) {
    const password = randomBytes(24).toString('base64url');
    // Written whole under another name, then linked: a link fails if another process made the
    // file first (its password is then read below), and no one ever reads half a file.
    const draft = `${passwordFile}.${process.pid}.draft`;
    writeFileSync(draft, `${password}\n`, { mode: 0o600 });
    try {
      linkSync(draft, passwordFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(draft);
    }
  }
  if ((statSync(passwordFile).mode & 0o077) !== 0) chmodSync(passwordFile, 0o600);
  return readPassword(dataDir);
}

export function readPassword(dataDir: string): string {
  const password = readFileSync(localNeo4jPaths(dataDir).passwordFile, 'utf8').trim();
  if (!password) throw new Error(`${localNeo4jPaths(dataDir).passwordFile} is empty`);
  return password;
}

export function readInstanceRecord(dataDir: string): InstanceRecord | null {
  const file = localNeo4jPaths(dataDir).instanceFile;
  if (!existsSync(file)) return null;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<InstanceRecord>;
    return Number.isInteger(parsed.pid) && Number.isInteger(parsed.port)
      ? { pid: parsed.pid!, port: parsed.port! }
      : null;
  } catch {
    return null;
  }
}

/** The Neo4j running for this folder: its record names a live process whose port answers. */
export async function findRunningInstance(dataDir: string): Promise<InstanceRecord | null> {
  const record = readInstanceRecord(dataDir);
  if (!record || !isProcessAlive(record.pid) || !(await isPortOpen(record.port))) return null;
  return record;
}
