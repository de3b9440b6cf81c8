/**
 * Builds the `neo4j/` Maven module once and remembers its classpath, so every later start is
 * plain `java` with no network.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.ts';

export const NEO4J_MODULE_DIR = path.join(PROJECT_ROOT, 'neo4j');
const TARGET_DIR = path.join(NEO4J_MODULE_DIR, 'target');
const CLASSPATH_FILE = path.join(TARGET_DIR, 'classpath.txt');
const CLASSES_DIR = path.join(TARGET_DIR, 'classes');
const MAIN_CLASS_FILE = path.join(CLASSES_DIR, 'dev/inspectiongraph/neo4j/LocalNeo4j.class');
const JAVA_DIR = path.join(NEO4J_MODULE_DIR, 'src/main/java/dev/inspectiongraph/neo4j');
const POM_FILE = path.join(NEO4J_MODULE_DIR, 'pom.xml');

export const MAIN_CLASS = 'dev.inspectiongraph.neo4j.LocalNeo4j';

/** Flags Neo4j's own launcher passes; without java.nio open the page cache fails to start. */
export const JAVA_OPENS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
];

export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

/** The Java major version on PATH, or a clear error saying what to install. */
export function checkJava(): number {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error) {
    throw new LocalNeo4jError(
      'Java 17 or newer is needed to run the local Neo4j but `java` was not found: install a JDK ' +
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

function newestSourceTime(): number {
  const javaFiles = readdirSync(JAVA_DIR)
    .filter((name) => name.endsWith('.java'))
    .map((name) => path.join(JAVA_DIR, name));
  return Math.max(...[POM_FILE, ...javaFiles].map((file) => statSync(file).mtimeMs));
}

function readClasspath(): string[] | null {
  if (!existsSync(CLASSPATH_FILE) || !existsSync(MAIN_CLASS_FILE)) return null;
  if (statSync(MAIN_CLASS_FILE).mtimeMs < newestSourceTime()) return null;
  if (statSync(CLASSPATH_FILE).mtimeMs < statSync(POM_FILE).mtimeMs) return null;
  const entries = readFileSync(CLASSPATH_FILE, 'utf8').trim().split(path.delimiter).filter(Boolean);
  return entries.length > 0 && entries.every((entry) => existsSync(entry)) ? entries : null;
}

/**
 * The classpath of the local Neo4j, building the module first when it is missing or stale.
 * The first build downloads Neo4j from Maven Central (about 100 MB) and takes a minute or two.
 */
export function resolveLocalNeo4jClasspath(log: (line: string) => void = () => {}): string {
  let entries = readClasspath();
  if (!entries) {
    const probe = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
    if (probe.error) {
      throw new LocalNeo4jError(
        'Maven is needed once to fetch Neo4j for the local database but `mvn` was not found: ' +
          'install it (e.g. `apt-get install maven`) or set NEO4J_URI to use an existing Neo4j.',
      );
    }
    log('Building the local Neo4j module (first run fetches Neo4j from Maven Central)...');
    const build = spawnSync(
      'mvn',
      [
        '-B',
        '-q',
        '-f',
        path.join(NEO4J_MODULE_DIR, 'pom.xml'),
        'package',
        '-DskipTests',
        'dependency:build-classpath',
        `-Dmdep.outputFile=${CLASSPATH_FILE}`,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    if (build.status !== 0) {
      const tail = `${build.stdout}${build.stderr}`.trim().split('\n').slice(-15).join('\n');
      throw new LocalNeo4jError(
        `Building the local Neo4j with Maven failed (exit ${build.status}); is Maven Central reachable?\n${tail}`,
      );
    }
    entries = readClasspath();
    if (!entries)
      throw new LocalNeo4jError(`Maven finished but ${CLASSPATH_FILE} is missing or incomplete.`);
  }
  return [CLASSES_DIR, ...entries].join(path.delimiter);
}
