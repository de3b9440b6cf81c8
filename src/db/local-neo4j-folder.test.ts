import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensurePassword, localNeo4jPaths, prepareDataDir } from './local-neo4j-folder.ts';
import { liveLeases, takeLease } from './local-neo4j-lease.ts';
import { withStartLock } from './start-lock.ts';

/** The pid of a process that has already exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('the local Neo4j data folder', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'inspection-graph-folder-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let count = 0;
  const freshDir = () => path.join(root, `data-${(count += 1)}`);

  it('makes a random password once, readable by its owner only, in a folder only they can enter', () => {
    const dataDir = freshDir();
    prepareDataDir(dataDir);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    const password = ensurePassword(dataDir);
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(statSync(localNeo4jPaths(dataDir).passwordFile).mode & 0o777).toBe(0o600);
    expect(ensurePassword(dataDir)).toBe(password);
    const otherDir = freshDir();
    prepareDataDir(otherDir);
    expect(ensurePassword(otherDir)).not.toBe(password);
    // No draft is left beside it.
    expect(readdirSync(dataDir)).toEqual(['neo4j-password']);
  });

  it('narrows a password file or folder others could read', () => {
    const dataDir = freshDir();
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    writeFileSync(localNeo4jPaths(dataDir).passwordFile, 'kept\n', { mode: 0o644 });
    prepareDataDir(dataDir);
    expect(ensurePassword(dataDir)).toBe('kept');
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(localNeo4jPaths(dataDir).passwordFile).mode & 0o777).toBe(0o600);
  });

  it('counts the leases of live processes and drops those of dead ones', () => {
    const dataDir = freshDir();
    prepareDataDir(dataDir);
    const lease = takeLease(dataDir);
    writeFileSync(path.join(localNeo4jPaths(dataDir).leaseDir, `${deadPid()}-gone.json`), '{}');
    expect(liveLeases(dataDir)).toEqual([path.basename(lease.file)]);
    expect(readdirSync(localNeo4jPaths(dataDir).leaseDir)).toEqual([path.basename(lease.file)]);
    lease.release();
    expect(liveLeases(dataDir)).toEqual([]);
  });

  it('takes over a start lock whose holder has died, and makes a second taker wait for a live one', async () => {
    const dataDir = freshDir();
    prepareDataDir(dataDir);
    writeFileSync(localNeo4jPaths(dataDir).startLock, `${deadPid()}\n`);
    const order: string[] = [];
    const said: string[] = [];
    let releaseFirst = () => {};
    const first = withStartLock(
      dataDir,
      () => {},
      async () => {
        order.push('first in');
        await new Promise<void>((resolve) => (releaseFirst = resolve));
        order.push('first out');
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = withStartLock(
      dataDir,
      (line) => said.push(line),
      async () => {
        order.push('second in');
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(order).toEqual(['first in']);
    expect(said[0]).toMatch(/^Another command \(pid \d+\) is starting or stopping the local Neo4j/);
    releaseFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(['first in', 'first out', 'second in']);
    expect(readdirSync(dataDir)).not.toContain('start.lock');
  });

  it('names the holder of a lock caught between its making and its pid being written', async () => {
    const dataDir = freshDir();
    mkdirSync(dataDir, { recursive: true });
    const lock = localNeo4jPaths(dataDir).startLock;
    writeFileSync(lock, '', { flag: 'wx' });
    const said: string[] = [];
    const waiting = withStartLock(
      dataDir,
      (line) => said.push(line),
      async () => {},
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(said).toEqual([]);
    writeFileSync(lock, `${process.pid}\n`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(new RegExp(`^Another command \\(pid ${process.pid}\\) is starting`));
    rmSync(lock);
    await waiting;
  });
});
