import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cdsFlags, cdsPaths, readUsableClassList } from './local-neo4j-cds.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cds-test-'));
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

describe('the class-data-sharing flags of a launch', () => {
  it('maps the archive only when it is newer than every classpath input', () => {
    const target = tempDir();
    const paths = cdsPaths(target, tempDir());
    const jar = path.join(target, 'a.jar');
    touch(jar, 100);
    touch(paths.archive, 50);
    expect(cdsFlags(paths, [jar]).flags).toContain(`-XX:SharedArchiveFile=${paths.archive}`);
    touch(jar, 10);
    const stale = cdsFlags(paths, [jar]);
    expect(stale.flags.some((flag) => flag.startsWith('-XX:SharedArchiveFile'))).toBe(false);
    expect(stale.flags).toContain(`-XX:DumpLoadedClassList=${paths.classList}`);
    expect(stale.classList).toBe(paths.classList);
  });

  it('records no class list while another live process builds the archive', () => {
    const paths = cdsPaths(tempDir(), tempDir());
    writeFileSync(paths.lock, String(process.pid));
    const flags = cdsFlags(paths, []);
    expect(flags.classList).toBeNull();
    expect(flags.flags.some((flag) => flag.startsWith('-XX:'))).toBe(false);
    // A lock whose process has gone is stale: the list is recorded again.
    writeFileSync(paths.lock, '2147483646');
    expect(cdsFlags(paths, []).classList).toBe(paths.classList);
  });
});

describe('the class list -Xshare:dump is given', () => {
  it('keeps whole lines under 4,000 characters and drops a line still being written', () => {
    const file = path.join(tempDir(), 'list');
    const long = `@lambda-proxy a/B ${'L'.repeat(5000)}`;
    writeFileSync(file, `java/lang/Object id: 0\n${long}\norg/neo4j/A\norg/neo4j/Half`);
    expect(readUsableClassList(file)).toBe('java/lang/Object id: 0\norg/neo4j/A');
  });
});
