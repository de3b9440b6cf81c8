/**
 * A class-data-sharing archive for the local Neo4j (AppCDS, Java 17's `-Xshare:dump` from a
 * class list): the JVM maps the ~16,000 classes Neo4j and Cypher load at start from one file
 * instead of reading, verifying and linking each from its jar, which took about half the CPU of a
 * second start (seed graph, Neo4j ready in 8.5 s CPU without the archive, see bench/first-start.ts).
 *
 * A start that finds no archive runs Neo4j with `-XX:DumpLoadedClassList`; once that Neo4j has
 * answered its first queries, a background `java -Xshare:dump` turns the list into
 * `neo4j/target/local-neo4j.jsa` (written under another name, then renamed, so a start never
 * maps half a file). An archive older than the jars, or one the JVM finds does not match them,
 * is simply not used (`-Xshare:auto`): it saves time and never stops Neo4j from starting.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isBuildLockHeld, isNewerThanInputs } from './jvm-archive-state.ts';

/** Lines longer than this are refused by `-Xshare:dump` (long lambda signatures; skipped). */
const MAX_CLASS_LIST_LINE = 4_000;
/** How long after Neo4j is ready the list is taken: by then the first queries have loaded Cypher. */
export const CLASS_LIST_SETTLE_MS = 20_000;
/** The JVM's own CDS messages (an archive that does not match the jars) are not the user's concern. */
const QUIET_CDS = ['-Xlog:cds=off', '-Xlog:cds+dynamic=off'];

export interface CdsPaths {
  archive: string;
  draft: string;
  lock: string;
  classList: string;
}

/** The archive beside the module's jar; the class list in the data folder, which one Neo4j holds at a time. */
export function cdsPaths(targetDir: string, dataDir: string): CdsPaths {
  return {
    archive: path.join(targetDir, 'local-neo4j.jsa'),
    draft: path.join(targetDir, `local-neo4j.jsa.${process.pid}.draft`),
    lock: path.join(targetDir, 'local-neo4j.jsa.lock'),
    classList: path.join(dataDir, 'local-neo4j.classlist'),
  };
}

/**
 * The JVM flags for this launch: map the archive when it is newer than every input of the
 * classpath, else record the classes this launch loads (null `classList`: nothing to record).
 */
export function cdsFlags(
  paths: CdsPaths,
  classpathInputs: readonly string[],
): { flags: string[]; classList: string | null; describe: string } {
  if (isNewerThanInputs(paths.archive, classpathInputs)) {
    return {
      flags: [`-XX:SharedArchiveFile=${paths.archive}`, ...QUIET_CDS],
      classList: null,
      describe: 'with its class-data-sharing archive',
    };
  }
  if (isBuildLockHeld(paths.lock))
    return {
      flags: QUIET_CDS,
      classList: null,
      describe: 'its class-data-sharing archive is being built',
    };
  return {
    flags: [`-XX:DumpLoadedClassList=${paths.classList}`, ...QUIET_CDS],
    classList: paths.classList,
    describe: 'recording its classes for a class-data-sharing archive',
  };
}

/** Whole lines `-Xshare:dump` accepts (the list is still being written by the running Neo4j). */
export function readUsableClassList(file: string): string {
  const text = readFileSync(file, 'utf8');
  const whole = text.slice(0, text.lastIndexOf('\n') + 1);
  return whole
    .split('\n')
    .filter((line) => line.length > 0 && line.length < MAX_CLASS_LIST_LINE)
    .join('\n');
}

/**
 * Builds the archive from the class list in a background process that outlives this command
 * (detached); one build at a time per module (a lock file naming its pid). Failures only mean
 * no archive: the next start records a list and tries again.
 */
export function buildCdsArchive(paths: CdsPaths, classpath: string, java = 'java'): void {
  if (!existsSync(paths.classList) || isBuildLockHeld(paths.lock)) return;
  const filtered = `${paths.classList}.usable`;
  let lockFd: number;
  try {
    writeFileSync(filtered, readUsableClassList(paths.classList));
    unlinkSync(paths.classList);
    try {
      unlinkSync(paths.lock);
    } catch {
      // no stale lock
    }
    lockFd = openSync(paths.lock, 'wx');
  } catch {
    return;
  }
  // sh keeps the rename and the clean-up in the detached process, after this command has gone.
  const child = spawn(
    'sh',
    [
      '-c',
      'nice -n 10 "$7" -Xshare:dump "-XX:SharedClassListFile=$1" "-XX:SharedArchiveFile=$2" -cp "$3" $5 >/dev/null 2>&1 && mv -f "$2" "$4"; rm -f "$1" "$2" "$6"',
      'sh',
      filtered,
      paths.draft,
      classpath,
      paths.archive,
      QUIET_CDS.join(' '),
      paths.lock,
      java,
    ],
    { stdio: 'ignore', detached: true },
  );
  try {
    writeFileSync(lockFd, String(child.pid ?? process.pid));
  } finally {
    closeSync(lockFd);
  }
  child.unref();
}
