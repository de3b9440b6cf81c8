/**
 * Which Java runs the local Neo4j. A JDK 25 or newer is preferred when one is installed beside
 * the default Java (under /usr/lib/jvm, where Temurin's JDK 25 sits on these machines): its
 * ahead-of-time cache (local-neo4j-aot.ts) keeps the classes loaded and linked and the JIT's method
 * profiles of a training run, which made a second start's first answer about a third faster than
 * Java 17 with its class-data-sharing archive (bench/RESULTS.md, session 21, speed-8a). Otherwise
 * `java` on PATH, which must be 17 or newer (Neo4j 5.26's requirement). `NEO4J_JAVA` (a JDK folder
 * or a java binary) chooses one by hand.
 *
 * A JDK under /usr/lib/jvm is recognised by its `release` file, so the choice spawns no JVM.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { LocalNeo4jError } from './local-neo4j-build.ts';

/** The first release whose AOT cache stores method profiles (JEP 515) and takes `-XX:AOTCacheOutput`. */
export const AOT_CACHE_MIN_MAJOR = 25;
/** Where Debian and the Temurin packages install JDKs. */
export const JVM_DIRS: readonly string[] = ['/usr/lib/jvm'];

export interface LocalJava {
  /** The java binary to spawn. */
  bin: string;
  major: number;
  /** The JDK folder, when known (a java found on PATH has none). */
  home: string | null;
  /** For the progress line: "Java 25 from /usr/lib/jvm/temurin-25-jdk-amd64". */
  describe: string;
}

/** The major version a JDK folder's `release` file names (`JAVA_VERSION="25.0.3"`), or null. */
export function readJdkMajor(home: string): number | null {
  try {
    const release = readFileSync(path.join(home, 'release'), 'utf8');
    const version = /^JAVA_VERSION="(\d+)(?:\.(\d+))?/m.exec(release);
    if (!version) return null;
    return version[1] === '1' ? Number(version[2]) : Number(version[1]);
  } catch {
    return null;
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The newest JDK of at least `minMajor` in `dirs` that has a java binary, or null. */
export function findNewestJdk(
  dirs: readonly string[],
  minMajor: number,
): { home: string; major: number } | null {
  let best: { home: string; major: number } | null = null;
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      const home = path.join(dir, name);
      const major = readJdkMajor(home);
      if (major === null || major < minMajor || !isFile(path.join(home, 'bin', 'java'))) continue;
      if (!best || major > best.major) best = { home, major };
    }
  }
  return best;
}

/** The major version `bin -version` prints, or a clear error saying what to install. */
export function checkJava(bin = 'java'): number {
  const result = spawnSync(bin, ['-version'], { encoding: 'utf8' });
  if (result.error) {
    throw new LocalNeo4jError(
      `Java 17 or newer is needed to run the local Neo4j but \`${bin}\` was not found: install a JDK ` +
        '(e.g. `apt-get install openjdk-17-jdk-headless`) or set NEO4J_URI to use an existing Neo4j.',
    );
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : NaN;
  if (!(major >= 17)) {
    throw new LocalNeo4jError(
      `Java 17 or newer is needed to run the local Neo4j, found "${match?.[0] ?? 'unknown'}": ` +
        'install a newer JDK or set NEO4J_URI to use an existing Neo4j.',
    );
  }
  return major;
}

/**
 * `NEO4J_JAVA` when set; else the newest JDK ≥ 25 in `dirs`; else `java` on PATH (checked to be
 * 17 or newer).
 */
export function chooseJava(
  env: NodeJS.ProcessEnv = process.env,
  dirs: readonly string[] = JVM_DIRS,
): LocalJava {
  const chosen = env.NEO4J_JAVA?.trim();
  if (chosen) {
    const home = existsSync(path.join(chosen, 'bin', 'java')) ? chosen : null;
    const bin = home ? path.join(home, 'bin', 'java') : chosen;
    const released = home === null ? null : readJdkMajor(home);
    // A JDK whose release file says it is too old is run once, for checkJava's own message.
    const major = released !== null && released >= 17 ? released : checkJava(bin);
    return { bin, major, home, describe: `Java ${major} from NEO4J_JAVA (${chosen})` };
  }
  const newest = findNewestJdk(dirs, AOT_CACHE_MIN_MAJOR);
  if (newest) {
    return {
      bin: path.join(newest.home, 'bin', 'java'),
      major: newest.major,
      home: newest.home,
      describe: `Java ${newest.major} from ${newest.home}`,
    };
  }
  const major = checkJava('java');
  return { bin: 'java', major, home: null, describe: `Java ${major} from PATH` };
}

/**
 * Flags that keep a newer JVM's notices about what Neo4j 5.26 does (sun.misc.Unsafe's memory
 * access, JNA's native library loading) out of the log; Java 17 knows neither flag.
 */
export function quietJavaFlags(major: number): string[] {
  return major >= 24
    ? ['--sun-misc-unsafe-memory-access=allow', '--enable-native-access=ALL-UNNAMED']
    : [];
}
