import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { aotFlags, aotPaths } from './local-neo4j-aot.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'aot-test-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function touch(file: string, secondsAgo: number): void {
  writeFileSync(file, 'x');
  const at = Date.now() / 1000 - secondsAgo;
  utimesSync(file, at, at);
}

describe('the AOT cache flags of a launch', () => {
  it('uses the cache only when it is newer than every input, and trains one otherwise', () => {
    const target = tempDir();
    const paths = aotPaths(target, 25);
    expect(path.basename(paths.cache)).toBe('local-neo4j-jdk25.aot');
    const jar = path.join(target, 'a.jar');
    const jdkModules = path.join(target, 'modules');
    touch(jar, 100);
    touch(jdkModules, 100);
    expect(aotFlags(paths, [jar, jdkModules])).toMatchObject({ train: true });
    touch(paths.cache, 50);
    const fresh = aotFlags(paths, [jar, jdkModules]);
    expect(fresh.flags).toContain(`-XX:AOTCache=${paths.cache}`);
    expect(fresh.train).toBe(false);
    // A JDK updated after the cache was written makes it stale, like a rebuilt jar.
    touch(jdkModules, 10);
    const stale = aotFlags(paths, [jar, jdkModules]);
    expect(stale.flags.some((flag) => flag.startsWith('-XX:AOTCache'))).toBe(false);
    expect(stale.train).toBe(true);
  });

  it('trains no second cache while another live process trains one', () => {
    const paths = aotPaths(tempDir(), 25);
    writeFileSync(paths.lock, String(process.pid));
    expect(aotFlags(paths, [])).toMatchObject({ train: false });
    // A lock whose process has gone is stale: a cache is trained again.
    writeFileSync(paths.lock, '2147483646');
    expect(aotFlags(paths, [])).toMatchObject({ train: true });
  });
});
