/**
 * Starts, finds and stops the project's own Neo4j (the `neo4j/` module) for a data folder.
 *
 * One Neo4j runs per data folder and every command shares it: it records its pid and port in
 * `<dataDir>/instance.json`, a command that finds a live one connects to it, and only the
 * command that started it stops it. The child also stops by itself when its parent's pipe
 * closes, so a crashed parent never leaves a Java process behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { LocalNeo4jSettings } from '../config.ts';
import {
  checkJava,
  JAVA_OPENS,
  LocalNeo4jError,
  MAIN_CLASS,
  resolveLocalNeo4jClasspath,
} from './local-neo4j-build.ts';

export interface LocalNeo4jHandle {
  uri: string;
  port: number;
  /** True when this process started it (and so stops it). */
  owned: boolean;
  stop(): Promise<void>;
}

interface InstanceRecord {
  pid: number;
  port: number;
}

const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 60_000;

function readInstanceRecord(dataDir: string): InstanceRecord | null {
  const file = path.join(dataDir, 'instance.json');
  if (!existsSync(file)) return null;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<InstanceRecord>;
    return Number.isInteger(parsed.pid) && Number.isInteger(parsed.port)
      ? { pid: parsed.pid!, port: parsed.port! }
      : null;
  } catch {
    return null;
  }
}

/** True while a process with this pid exists (signal 0 checks without signalling). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves true when something accepts TCP connections on 127.0.0.1:port. */
export function isPortOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    const finish = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.once('connect', () => finish(true));
    socket.once('timeout', () => finish(false));
    socket.once('error', () => finish(false));
  });
}

/** A port the OS says is free right now on 127.0.0.1. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** The Neo4j already running for this data folder, if any. */
export async function findRunningLocalNeo4j(dataDir: string): Promise<LocalNeo4jHandle | null> {
  const record = readInstanceRecord(dataDir);
  if (!record || !isProcessAlive(record.pid) || !(await isPortOpen(record.port))) return null;
  return {
    uri: `bolt://127.0.0.1:${record.port}`,
    port: record.port,
    owned: false,
    stop: async () => {},
  };
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
    child.kill('SIGKILL');
    await waitForExit(child, 5_000);
  }
}

/**
 * Connects to the Neo4j already running for `settings.dataDir`, or starts one.
 * `settings.port` 0 picks a free port.
 */
export async function startLocalNeo4j(
  settings: LocalNeo4jSettings,
  log: (line: string) => void = () => {},
): Promise<LocalNeo4jHandle> {
  const running = await findRunningLocalNeo4j(settings.dataDir);
  if (running) {
    log(`Using the local Neo4j already running for ${settings.dataDir} on port ${running.port}.`);
    return running;
  }
  checkJava();
  const classpath = resolveLocalNeo4jClasspath(log);
  const port = settings.port === 0 ? await findFreePort() : settings.port;
  if (await isPortOpen(port)) {
    throw new LocalNeo4jError(
      `Port ${port} on 127.0.0.1 is already in use by another program, so the local Neo4j cannot start: ` +
        'stop that program, set NEO4J_LOCAL_PORT to a free port, or set NEO4J_URI to use a running Neo4j.',
    );
  }
  mkdirSync(settings.dataDir, { recursive: true });
  const logFile = createWriteStream(path.join(settings.dataDir, 'local-neo4j.log'), { flags: 'a' });
  const child = spawn(
    'java',
    [
      `-Xms${settings.heap}`,
      `-Xmx${settings.heap}`,
      '-XX:+UseG1GC',
      ...JAVA_OPENS,
      '-cp',
      classpath,
      MAIN_CLASS,
      '--port',
      String(port),
      '--data',
      settings.dataDir,
      '--pagecache',
      settings.pageCache,
      '--watch-stdin',
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  child.stdout!.pipe(logFile);
  child.stderr!.pipe(logFile);

  let output = '';
  let onReadyOutput = () => {};
  const onData = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
    onReadyOutput();
  };
  const ready = await new Promise<{ ok: true } | { ok: false; reason: string }>((resolve) => {
    const timer = setTimeout(
      () => resolve({ ok: false, reason: `no READY line within ${START_TIMEOUT_MS / 1000}s` }),
      START_TIMEOUT_MS,
    );
    onReadyOutput = () => {
      if (/^READY /m.test(output)) {
        clearTimeout(timer);
        resolve({ ok: true });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const tail = output.trim().split('\n').slice(-12).join('\n');
      resolve({
        ok: false,
        reason: `it exited (${signal ?? `code ${code}`}) before it was ready:\n${tail}`,
      });
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: error.message });
    });
  });
  if (!ready.ok) {
    await stopChild(child);
    throw new LocalNeo4jError(
      `The local Neo4j (data in ${settings.dataDir}) did not start: ${ready.reason}\nFull log: ${path.join(settings.dataDir, 'local-neo4j.log')}`,
    );
  }
  child.stdout!.off('data', onData);
  child.stderr!.off('data', onData);
  // The parent never writes; keeping the pipe open is what keeps the child alive.
  child.stdin!.on('error', () => {});

  let stopping: Promise<void> | null = null;
  return {
    uri: `bolt://127.0.0.1:${port}`,
    port,
    owned: true,
    stop: () => (stopping ??= stopChild(child).finally(() => logFile.end())),
  };
}
