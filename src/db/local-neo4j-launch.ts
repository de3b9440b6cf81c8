/**
 * Launches one local Neo4j process (the `neo4j/` module) for a data folder and waits until it
 * is ready. Called with the folder's start lock held.
 *
 * The process runs detached, in its own process group, writing straight to
 * `<dataDir>/local-neo4j.log`: Ctrl-C in a terminal reaches the command, not Neo4j, and Neo4j
 * outlives the command that launched it while other commands hold leases on it (it stops itself
 * when none is left).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LocalNeo4jSettings } from '../config.ts';
import { aotFlags, aotPaths, trainAotCache } from './local-neo4j-aot.ts';
import {
  JAVA_OPENS,
  LocalNeo4jError,
  MAIN_CLASS,
  resolveLocalNeo4jClasspath,
  TARGET_DIR,
} from './local-neo4j-build.ts';
import { FIRST_QUERIES_FILE } from './first-queries.ts';
import { buildCdsArchive, cdsFlags, cdsPaths, CLASS_LIST_SETTLE_MS } from './local-neo4j-cds.ts';
import {
  AOT_CACHE_MIN_MAJOR,
  chooseJava,
  quietJavaFlags,
  type LocalJava,
} from './local-neo4j-java.ts';
import { findRunningInstance, localNeo4jPaths, readInstanceRecord } from './local-neo4j-folder.ts';
import { findFreePort, isPortOpen, isProcessAlive, sleep } from './processes.ts';
import { reportStartProgress } from './start-progress.ts';

export interface LaunchedNeo4j {
  pid: number;
  port: number;
  /** Null when, while waiting for the store, another command's Neo4j turned out to be running. */
  child: ChildProcess | null;
}

const START_TIMEOUT_MS = 180_000;
/** How long a store held by another Neo4j (one still stopping, say) is waited for. */
const STORE_LOCK_WAIT_MS = 60_000;
/** The exit code LocalNeo4j.java uses for "another process holds this store". */
const STORE_LOCKED_EXIT = 4;

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** The last lines the process wrote to the log, from `offset` on. */
function readLogTail(file: string, offset: number, lines = 12): string {
  try {
    const length = Math.min(fileSize(file) - offset, 64_000);
    if (length <= 0) return '';
    const start = Math.max(offset, fileSize(file) - length);
    const buffer = Buffer.alloc(length);
    const fd = openSync(file, 'r');
    try {
      readSync(fd, buffer, 0, length, start);
    } finally {
      closeSync(fd);
    }
    return buffer.toString('utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * Relays the STAGE lines LocalNeo4j.java prints (`STAGE <seconds since the JVM started> <what>`)
 * as progress lines; returns the offset read up to.
 */
function relayStages(file: string, offset: number): number {
  const size = fileSize(file);
  if (size <= offset) return offset;
  const buffer = Buffer.alloc(Math.min(size - offset, 64_000));
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, offset);
  } finally {
    closeSync(fd);
  }
  const text = buffer.toString('utf8');
  const end = text.lastIndexOf('\n') + 1;
  for (const line of text.slice(0, end).split('\n')) {
    const stage = /^STAGE ([\d.]+) (.+)$/.exec(line);
    if (stage) reportStartProgress(`Neo4j: ${stage[2]} (JVM at ${stage[1]} s)`);
  }
  return offset + Buffer.byteLength(text.slice(0, end));
}

type Outcome =
  { kind: 'ready'; pid: number } | { kind: 'store-locked' } | { kind: 'failed'; reason: string };

function spawnOnce(
  settings: LocalNeo4jSettings,
  port: number,
  java: string,
  classpath: string,
  jvmFlags: readonly string[],
): { child: ChildProcess; outcome: Promise<Outcome> } {
  const paths = localNeo4jPaths(settings.dataDir);
  const logOffset = fileSize(paths.logFile);
  let relayed = logOffset;
  const logFd = openSync(paths.logFile, 'a', 0o600);
  let child: ChildProcess;
  try {
    child = spawn(
      java,
      [
        `-Xms${settings.heap}`,
        `-Xmx${settings.heap}`,
        '-XX:+UseG1GC',
        ...jvmFlags,
        '-cp',
        classpath,
        MAIN_CLASS,
        '--port',
        String(port),
        '--data',
        settings.dataDir,
        '--pagecache',
        settings.pageCache,
        '--password-file',
        paths.passwordFile,
        '--lease-dir',
        paths.leaseDir,
        '--websocket-origins',
        settings.websocketOrigins.join(','),
      ],
      { stdio: ['ignore', logFd, logFd], detached: true },
    );
  } finally {
    closeSync(logFd);
  }
  // The command may end before Neo4j does.
  child.unref();
  const outcome = new Promise<Outcome>((resolve) => {
    const deadline = Date.now() + START_TIMEOUT_MS;
    let settled = false;
    const settle = (result: Outcome) => {
      if (settled) return;
      settled = true;
      clearInterval(poll);
      resolve(result);
    };
    // Ready once it has recorded itself: LocalNeo4j writes instance.json after Bolt accepts.
    const poll = setInterval(() => {
      relayed = relayStages(paths.logFile, relayed);
      const record = readInstanceRecord(settings.dataDir);
      if (record && record.pid === child.pid) settle({ kind: 'ready', pid: record.pid });
      else if (Date.now() > deadline)
        settle({ kind: 'failed', reason: `not ready within ${START_TIMEOUT_MS / 1000}s` });
    }, 50);
    child.once('exit', (code, signal) => {
      if (code === STORE_LOCKED_EXIT) return settle({ kind: 'store-locked' });
      const tail = readLogTail(paths.logFile, logOffset);
      settle({
        kind: 'failed',
        reason: `it exited (${signal ?? `code ${code}`}) before it was ready:\n${tail}`,
      });
    });
    child.once('error', (error) => settle({ kind: 'failed', reason: error.message }));
  });
  return { child, outcome };
}

/**
 * What this launch does for the next one's start once it is ready: on Java 25 or newer, train an
 * AOT cache when there is none (local-neo4j-aot.ts); on an older Java, turn the class list it
 * records into a class-data-sharing archive (local-neo4j-cds.ts). Either runs in the background
 * once this Neo4j's first queries are answered: on two cores it would otherwise slow them.
 */
interface StartCache {
  flags: string[];
  describe: string;
  afterReady: () => void;
}

function planStartCache(
  java: LocalJava,
  settings: LocalNeo4jSettings,
  classpath: { classpath: string; inputs: string[] },
  moduleFlags: readonly string[],
): StartCache {
  if (java.home && java.major >= AOT_CACHE_MIN_MAJOR) {
    const paths = aotPaths(TARGET_DIR, java.major);
    // A JDK updated in place makes the cache stale too.
    const inputs = [...classpath.inputs, path.join(java.home, 'lib', 'modules')];
    const plan = aotFlags(paths, inputs);
    const train = async () =>
      trainAotCache(paths, {
        java: java.bin,
        classpath: classpath.classpath,
        mainClass: MAIN_CLASS,
        jvmFlags: moduleFlags,
        heap: settings.heap,
        port: await findFreePort(),
        firstQueries: path.join(settings.dataDir, FIRST_QUERIES_FILE),
      });
    return {
      flags: plan.flags,
      describe: plan.describe,
      afterReady: () => {
        if (plan.train)
          setTimeout(() => void train().catch(() => {}), CLASS_LIST_SETTLE_MS).unref();
      },
    };
  }
  const cds = cdsPaths(TARGET_DIR, settings.dataDir);
  const { flags, classList, describe } = cdsFlags(cds, classpath.inputs);
  return {
    flags,
    describe,
    afterReady: () => {
      if (classList)
        setTimeout(
          () => buildCdsArchive(cds, classpath.classpath, java.bin),
          CLASS_LIST_SETTLE_MS,
        ).unref();
    },
  };
}

/**
 * Starts a Neo4j on `port` for `settings.dataDir`. When another Neo4j process still holds the
 * store (one stopping after its last command, or one started outside this project), it waits
 * for that one to let go, up to a minute, saying so in one line.
 */
export async function launchLocalNeo4j(
  settings: LocalNeo4jSettings,
  port: number,
  log: (line: string) => void,
): Promise<LaunchedNeo4j> {
  const java = chooseJava();
  const classpath = await resolveLocalNeo4jClasspath(log);
  const paths = localNeo4jPaths(settings.dataDir);
  const moduleFlags = [...JAVA_OPENS, ...quietJavaFlags(java.major)];
  const cache = planStartCache(java, settings, classpath, moduleFlags);
  reportStartProgress(`Neo4j: starting the JVM, ${java.describe} (${cache.describe})`);
  const lockedSince = Date.now();
  let told = false;
  for (;;) {
    if (await isPortOpen(port)) {
      throw new LocalNeo4jError(
        `Port ${port} on 127.0.0.1 is already in use by another program, so the local Neo4j cannot start: ` +
          'stop that program, set NEO4J_LOCAL_PORT to a free port, or set NEO4J_URI to use a running Neo4j.',
      );
    }
    const { child, outcome } = spawnOnce(settings, port, java.bin, classpath.classpath, [
      ...cache.flags,
      ...moduleFlags,
    ]);
    const result = await outcome;
    if (result.kind === 'ready') {
      cache.afterReady();
      return { pid: result.pid, port, child };
    }
    if (child.pid !== undefined && isProcessAlive(child.pid)) child.kill('SIGKILL');
    if (result.kind === 'failed') {
      throw new LocalNeo4jError(
        `The local Neo4j (data in ${settings.dataDir}) did not start: ${result.reason}\nFull log: ${paths.logFile}`,
      );
    }
    if (Date.now() - lockedSince > STORE_LOCK_WAIT_MS) {
      throw new LocalNeo4jError(
        `Another Neo4j process has held ${settings.dataDir} for over ${STORE_LOCK_WAIT_MS / 1000}s, so the local Neo4j cannot start: stop it (see \`ps aux | grep LocalNeo4j\`) or use another NEO4J_DATA_DIR.`,
      );
    }
    if (!told) {
      told = true;
      log(`Another Neo4j process still holds ${settings.dataDir}; waiting for it to stop…`);
    }
    await sleep(1_000);
    const running = await findRunningInstance(settings.dataDir);
    if (running) return { ...running, child: null };
  }
}
