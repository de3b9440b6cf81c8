/**
 * An ahead-of-time cache for the local Neo4j on Java 25 or newer (JEP 483 and 515): the classes
 * Neo4j and Cypher load, already parsed and linked, and the method profiles of a training run,
 * so the JIT compiles the Cypher planner and runtime early instead of running them interpreted
 * for the first seconds. It replaces the class-data-sharing archive (local-neo4j-cds.ts), which
 * only the Java 17 path still uses.
 *
 * The training run is a process of its own, in the background, once a start that found no cache
 * has served for a while: a Neo4j on a scratch store that runs the statements a start runs and the
 * data folder's `first-queries.json` over Bolt, then exits, and the JVM writes the cache at its exit
 * (`-XX:AOTCacheOutput`, written under another name, then renamed, so a start never maps half a
 * file). Recording inside the user's own Neo4j was tried first: `-XX:AOTMode=record` made that
 * start about twice as slow to open its store, and under load its migration checks timed out.
 *
 * A cache older than the jars or the JDK is not used; one the JVM finds does not match is ignored
 * by the JVM itself (`-XX:AOTMode=auto`, its messages off): it saves time and never stops Neo4j
 * from starting.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isBuildLockHeld, isNewerThanInputs } from './jvm-archive-state.ts';

/** The JVM's own AOT messages (a cache that does not match, classes it skips) are not the user's concern. */
const QUIET_AOT = ['-Xlog:aot=off', '-Xlog:cds=off'];

export interface AotPaths {
  cache: string;
  draft: string;
  lock: string;
}

/** The cache beside the module's jar, one per Java major version. */
export function aotPaths(targetDir: string, major: number): AotPaths {
  const cache = path.join(targetDir, `local-neo4j-jdk${major}.aot`);
  return { cache, draft: `${cache}.${process.pid}.draft`, lock: `${cache}.lock` };
}

export interface AotPlan {
  flags: string[];
  /** No cache and none being built: train one once this start has served for a while. */
  train: boolean;
  describe: string;
}

/**
 * The JVM flags for this launch: use the cache when it is newer than every input (the classpath's
 * files and the JDK's own), else none, and train a cache unless one is being built.
 */
export function aotFlags(paths: AotPaths, inputs: readonly string[]): AotPlan {
  if (isNewerThanInputs(paths.cache, inputs)) {
    return {
      flags: [`-XX:AOTCache=${paths.cache}`, ...QUIET_AOT],
      train: false,
      describe: 'with its AOT cache',
    };
  }
  if (isBuildLockHeld(paths.lock))
    return { flags: QUIET_AOT, train: false, describe: 'its AOT cache is being built' };
  return {
    flags: QUIET_AOT,
    train: true,
    describe: 'no AOT cache yet: one is trained in the background once it serves',
  };
}

export interface TrainingRun {
  java: string;
  classpath: string;
  mainClass: string;
  /** The module flags the production runs have (the JVM checks they match the cache's). */
  jvmFlags: readonly string[];
  heap: string;
  /** A free port for the scratch Neo4j's Bolt connector. */
  port: number;
  /** The data folder's first-queries.json (missing: only the start statements are run). */
  firstQueries: string;
}

/**
 * Trains and writes the cache in a background process that outlives this command (detached,
 * niced), on a scratch store in a temporary folder; one training at a time per module (a lock
 * file naming its pid). Failures only mean no cache: the next start trains again.
 */
export function trainAotCache(paths: AotPaths, run: TrainingRun): void {
  if (isBuildLockHeld(paths.lock)) return;
  let lockFd: number;
  let scratch: string;
  try {
    try {
      unlinkSync(paths.lock);
    } catch {
      // no stale lock
    }
    lockFd = openSync(paths.lock, 'wx');
    scratch = mkdtempSync(path.join(tmpdir(), 'local-neo4j-aot-'));
    writeFileSync(path.join(scratch, 'password'), randomBytes(18).toString('base64url'), {
      mode: 0o600,
    });
  } catch {
    return;
  }
  // sh keeps the rename and the clean-up in the detached process, after this command has gone.
  const child = spawn(
    'sh',
    [
      '-c',
      'java=$1 draft=$2 cache=$3 lock=$4 scratch=$5; shift 5; ' +
        'nice -n 10 "$java" "-XX:AOTCacheOutput=$draft" "$@" >"$scratch/log" 2>&1 && mv -f "$draft" "$cache"; ' +
        'rm -rf "$draft" "$draft.config" "$scratch" "$lock"',
      'sh',
      run.java,
      paths.draft,
      paths.cache,
      paths.lock,
      scratch,
      `-Xmx${run.heap}`,
      '-XX:+UseG1GC',
      ...run.jvmFlags,
      ...QUIET_AOT,
      '-cp',
      run.classpath,
      run.mainClass,
      '--port',
      String(run.port),
      '--data',
      path.join(scratch, 'data'),
      '--pagecache',
      '64m',
      '--password-file',
      path.join(scratch, 'password'),
      '--train',
      run.firstQueries,
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
