/**
 * Builds the `neo4j/` Maven module once and remembers its classpath, so every later start is
 * plain `java` with no network. The build says what it is doing, one line per Maven step
 * (start-progress.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.ts';
import { reportStartProgress } from './start-progress.ts';

export const NEO4J_MODULE_DIR = path.join(PROJECT_ROOT, 'neo4j');
export const TARGET_DIR = path.join(NEO4J_MODULE_DIR, 'target');
const CLASSPATH_FILE = path.join(TARGET_DIR, 'classpath.txt');
const CLASSES_DIR = path.join(TARGET_DIR, 'classes');
const MAIN_CLASS_FILE = path.join(CLASSES_DIR, 'dev/inspectiongraph/neo4j/LocalNeo4j.class');
const JAVA_DIR = path.join(NEO4J_MODULE_DIR, 'src/main/java/dev/inspectiongraph/neo4j');
const POM_FILE = path.join(NEO4J_MODULE_DIR, 'pom.xml');
/**
 * The module's jar (`mvn package`) rather than target/classes: the JVM's class-data-sharing
 * archive (local-neo4j-cds.ts) holds classes from jars only.
 */
const JAR_FILE = path.join(TARGET_DIR, 'local-neo4j-1.0.0.jar');

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

function newestSourceTime(): number {
  const javaFiles = readdirSync(JAVA_DIR)
    .filter((name) => name.endsWith('.java'))
    .map((name) => path.join(JAVA_DIR, name));
  return Math.max(...[POM_FILE, ...javaFiles].map((file) => statSync(file).mtimeMs));
}

function readClasspath(): string[] | null {
  if (!existsSync(CLASSPATH_FILE) || !existsSync(MAIN_CLASS_FILE) || !existsSync(JAR_FILE))
    return null;
  if (statSync(MAIN_CLASS_FILE).mtimeMs < newestSourceTime()) return null;
  if (statSync(JAR_FILE).mtimeMs < statSync(MAIN_CLASS_FILE).mtimeMs) return null;
  if (statSync(CLASSPATH_FILE).mtimeMs < statSync(POM_FILE).mtimeMs) return null;
  const entries = readFileSync(CLASSPATH_FILE, 'utf8').trim().split(path.delimiter).filter(Boolean);
  return entries.length > 0 && entries.every((entry) => existsSync(entry)) ? entries : null;
}

export interface LocalNeo4jClasspath {
  classpath: string;
  /** The files the classpath names: a class-data-sharing archive older than any is stale. */
  inputs: string[];
}

/** Maven's own step lines (`[INFO] --- compiler:3.13.0:compile ...`) become progress lines. */
function describeMavenLine(line: string): string | null {
  const step = /^\[INFO\] --- ([\w.-]+):[\w.-]+:([\w.-]+)/.exec(line);
  if (step) return `Maven: ${step[1]} ${step[2]}`;
  if (/^\[INFO\] BUILD (SUCCESS|FAILURE)/.test(line)) return `Maven: ${line.slice(7)}`;
  return null;
}

/** Runs Maven, relaying one progress line per step and per 50 downloads; resolves its exit code and output tail. */
function runMaven(args: string[]): Promise<{ status: number | null; tail: string }> {
  return new Promise((resolve) => {
    const child = spawn('mvn', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let downloads = 0;
    let pending = '';
    const onChunk = (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      let newline: number;
      while ((newline = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, newline).trimEnd();
        pending = pending.slice(newline + 1);
        lines.push(line);
        if (lines.length > 200) lines.shift();
        if (/^\[INFO\] Downloaded from /.test(line) && ++downloads % 50 === 0)
          reportStartProgress(`Maven: ${downloads} files downloaded from Maven Central`);
        const stage = describeMavenLine(line);
        if (stage) reportStartProgress(stage);
      }
    };
    child.stdout.on('data', onChunk);
    child.stderr.on('data', onChunk);
    child.once('error', (error) => resolve({ status: null, tail: error.message }));
    child.once('close', (status) => resolve({ status, tail: lines.slice(-15).join('\n') }));
  });
}

/**
 * The classpath of the local Neo4j, building the module first when it is missing or stale.
 * The first build downloads Neo4j from Maven Central (about 100 MB) and takes a minute or two.
 */
export async function resolveLocalNeo4jClasspath(
  log: (line: string) => void = () => {},
): Promise<LocalNeo4jClasspath> {
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
    reportStartProgress('Maven: building the local Neo4j module (neo4j/pom.xml)');
    const build = await runMaven([
      '-B',
      '-f',
      path.join(NEO4J_MODULE_DIR, 'pom.xml'),
      'package',
      '-DskipTests',
      'dependency:build-classpath',
      `-Dmdep.outputFile=${CLASSPATH_FILE}`,
    ]);
    if (build.status !== 0) {
      throw new LocalNeo4jError(
        `Building the local Neo4j with Maven failed (exit ${build.status}); is Maven Central reachable?\n${build.tail}`,
      );
    }
    entries = readClasspath();
    if (!entries)
      throw new LocalNeo4jError(`Maven finished but ${CLASSPATH_FILE} is missing or incomplete.`);
  } else {
    reportStartProgress('Maven: skipped, the local Neo4j module is up to date');
  }
  return {
    classpath: [JAR_FILE, ...entries].join(path.delimiter),
    inputs: [JAR_FILE, CLASSPATH_FILE, ...entries],
  };
}
