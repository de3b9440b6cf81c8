/**
 * Leases: every command using the local Neo4j of a data folder keeps a file
 * `leases/<pid>-<id>.json` there while it does. The Neo4j stops itself once no leased process
 * is alive (the Java side checks every second), and a command that finishes stops it only when
 * it held the last lease, so Ctrl-C on one command never takes the database from another.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { removeNow, removeOnExit } from './exit-cleanup.ts';
import { localNeo4jPaths } from './local-neo4j-folder.ts';
import { isProcessAlive } from './processes.ts';

export interface Lease {
  file: string;
  release(): void;
}

export function takeLease(dataDir: string): Lease {
  const { leaseDir } = localNeo4jPaths(dataDir);
  mkdirSync(leaseDir, { recursive: true, mode: 0o700 });
  const file = path.join(leaseDir, `${process.pid}-${randomUUID().slice(0, 8)}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ pid: process.pid, command: process.argv.slice(1).join(' '), since: new Date().toISOString() })}\n`,
  );
  removeOnExit(file);
  return { file, release: () => removeNow(file) };
}

/** The leases whose process is alive; those of dead processes are removed on the way. */
export function liveLeases(dataDir: string): string[] {
  const { leaseDir } = localNeo4jPaths(dataDir);
  let names: string[];
  try {
    names = readdirSync(leaseDir).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  return names.filter((name) => {
    const pid = Number(name.split('-')[0]);
    if (Number.isInteger(pid) && pid > 0 && isProcessAlive(pid)) return true;
    rmSync(path.join(leaseDir, name), { force: true });
    return false;
  });
}
