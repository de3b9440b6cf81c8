import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseJava, findNewestJdk, quietJavaFlags, readJdkMajor } from './local-neo4j-java.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'java-test-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A JDK folder as the packages lay it out: a `release` file and `bin/java`. */
function fakeJdk(root: string, name: string, version: string, withJava = true): string {
  const home = path.join(root, name);
  mkdirSync(path.join(home, 'bin'), { recursive: true });
  writeFileSync(path.join(home, 'release'), `IMPLEMENTOR="Test"\nJAVA_VERSION="${version}"\n`);
  if (withJava) {
    writeFileSync(path.join(home, 'bin', 'java'), '#!/bin/sh\nexit 1\n');
    chmodSync(path.join(home, 'bin', 'java'), 0o755);
  }
  return home;
}

describe('the Java that runs the local Neo4j', () => {
  it('reads the major version from a JDK release file', () => {
    const root = tempDir();
    expect(readJdkMajor(fakeJdk(root, 'a', '25.0.3'))).toBe(25);
    expect(readJdkMajor(fakeJdk(root, 'b', '17.0.15'))).toBe(17);
    expect(readJdkMajor(fakeJdk(root, 'c', '1.8.0_412'))).toBe(8);
    expect(readJdkMajor(path.join(root, 'missing'))).toBeNull();
  });

  it('prefers the newest JDK of at least 25 that has a java binary', () => {
    const root = tempDir();
    fakeJdk(root, 'java-17-openjdk-amd64', '17.0.15');
    expect(findNewestJdk([root], 25)).toBeNull();
    const temurin25 = fakeJdk(root, 'temurin-25-jdk-amd64', '25.0.3');
    fakeJdk(root, 'broken-26', '26', false);
    expect(findNewestJdk([root], 25)).toEqual({ home: temurin25, major: 25 });
    const chosen = chooseJava({}, [root]);
    expect(chosen.bin).toBe(path.join(temurin25, 'bin', 'java'));
    expect(chosen.describe).toBe(`Java 25 from ${temurin25}`);
  });

  it('takes NEO4J_JAVA over any JDK found, and java on PATH when none is new enough', () => {
    const root = tempDir();
    fakeJdk(root, 'temurin-25', '25.0.3');
    const chosenHome = fakeJdk(tempDir(), 'jdk-21', '21.0.2');
    const chosen = chooseJava({ NEO4J_JAVA: chosenHome }, [root]);
    expect(chosen).toMatchObject({ bin: path.join(chosenHome, 'bin', 'java'), major: 21 });
    // Only a JDK 17 beside it: the java on PATH (this machine's, checked to be 17 or newer).
    const old = tempDir();
    fakeJdk(old, 'java-17', '17.0.15');
    const fallback = chooseJava({}, [old]);
    expect(fallback.bin).toBe('java');
    expect(fallback.home).toBeNull();
    expect(fallback.major).toBeGreaterThanOrEqual(17);
  });

  it('passes the flags that silence newer JVMs only to Java 24 or newer', () => {
    expect(quietJavaFlags(17)).toEqual([]);
    expect(quietJavaFlags(25)).toContain('--enable-native-access=ALL-UNNAMED');
  });
});
