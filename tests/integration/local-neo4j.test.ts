/**
 * The local Neo4j as commands share it, on its own temporary folder and free port (not the
 * suite's database): two commands racing to start it, its password and the WebSocket guard,
 * staying up while any command uses it, and a kill -9 seen by /health/ready and GraphQL,
 * restarted by itself and ridden out by a writer that waits for it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j, { Neo4jError } from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { openGraph, type GraphConnection } from '../../src/db/connect.ts';
import { createDriver } from '../../src/db/driver.ts';
import { DatabaseError } from '../../src/db/errors.ts';
import { Database } from '../../src/db/executor.ts';
import { localNeo4jPaths, readInstanceRecord } from '../../src/db/local-neo4j-folder.ts';
import { findFreePort, isProcessAlive } from '../../src/db/local-neo4j.ts';
import { OutageWaiter } from '../../src/db/wait-for-database.ts';
import { componentsQuery } from '../../src/graph/health.ts';
import { startServer, type RunningServer } from '../../src/server/app.ts';
import { postGraphQL } from '../support/http.ts';

const root = path.resolve(import.meta.dirname, '../..');

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

interface Command {
  child: ChildProcess;
  output(): string;
}

function localEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_DATA_DIR: dataDir,
    NEO4J_LOCAL_PORT: '0',
    NEO4J_HEAP: '512m',
    NEO4J_PAGECACHE: '64m',
    NEO4J_WEBSOCKET_ORIGINS: 'https://allowed.example',
  };
  delete env.NEO4J_URI;
  return env;
}

/** `npm run neo4j` as a user runs it. */
function runNeo4jCommand(dataDir: string): Command {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/neo4j.ts')], {
    cwd: root,
    env: localEnv(dataDir),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { child, output: () => text };
}

async function stopCommand(command: Command): Promise<number | null> {
  if (command.child.exitCode === null) command.child.kill('SIGINT');
  await waitFor(() => command.child.exitCode !== null, 60_000);
  return command.child.exitCode;
}

/** The first line Bolt's port answers to a WebSocket upgrade from `origin`. */
function upgradeStatus(port: number, origin: string | null): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(
        [
          'GET / HTTP/1.1',
          `Host: 127.0.0.1:${port}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
          'Sec-WebSocket-Version: 13',
          ...(origin ? [`Origin: ${origin}`] : []),
          '',
          '',
        ].join('\r\n'),
      );
    });
    let received = '';
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer to the upgrade')));
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      if (received.includes('\r\n')) {
        resolve(received.split('\r\n')[0]!);
        socket.destroy();
      }
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(received.split('\r\n')[0] ?? ''));
  });
}

/** The Neo4jError code of a query sent with these credentials, or 'ok'. */
async function tryPassword(uri: string, password: string): Promise<string> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password));
  try {
    await driver.executeQuery('RETURN 1');
    return 'ok';
  } catch (error) {
    return error instanceof Neo4jError ? error.code : String(error);
  } finally {
    await driver.close();
  }
}

describe('the local Neo4j: locked, shared, restarted', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'inspection-graph-local-'));
  const commands: Command[] = [];
  const lines: string[] = [];
  let graph: GraphConnection | null = null;
  let server: RunningServer | null = null;
  let uri = '';

  afterAll(async () => {
    await server?.stop();
    await graph?.close();
    for (const command of commands) await stopCommand(command);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('two commands starting it at once: the second waits and connects to the same Neo4j', async () => {
    commands.push(runNeo4jCommand(dataDir), runNeo4jCommand(dataDir));
    const [first, second] = commands as [Command, Command];
    expect(
      await waitFor(() => commands.every((command) => /Ctrl-C/.test(command.output())), 240_000),
    ).toBe(true);
    const uris = commands.map((command) => /neo4j: (bolt:\/\/\S+)/.exec(command.output())![1]);
    expect(uris[0]).toBe(uris[1]);
    uri = uris[0]!;
    // One Neo4j was launched, and neither command printed a Java stack trace.
    const log = readFileSync(localNeo4jPaths(dataDir).logFile, 'utf8');
    expect(log.match(/^READY /gm)).toHaveLength(1);
    const together = first.output() + second.output();
    expect(together).not.toMatch(/Exception|^\s+at /m);
    expect(together).toMatch(/Another command \(pid \d+\) is starting or stopping the local Neo4j/);
    expect(together).toMatch(/Using the local Neo4j already running/);
  }, 300_000);

  it('keeps a generated password in a file only its owner can read, and refuses anyone without it', async () => {
    const { passwordFile } = localNeo4jPaths(dataDir);
    expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
    expect(statSync(dataDir).mode & 0o077).toBe(0);
    const password = readFileSync(passwordFile, 'utf8').trim();
    expect(password.length).toBeGreaterThanOrEqual(32);
    expect(await tryPassword(uri, '')).toBe('Neo.ClientError.Security.Unauthorized');
    expect(await tryPassword(uri, 'neo4j')).toBe('Neo.ClientError.Security.Unauthorized');
    expect(await tryPassword(uri, password)).toBe('ok');
  });

  it('refuses Bolt over WebSocket from a web page, and from anything without an allowed Origin', async () => {
    const { port } = readInstanceRecord(dataDir)!;
    expect(await upgradeStatus(port, 'https://evil.example')).toBe('HTTP/1.1 403 Forbidden');
    expect(await upgradeStatus(port, null)).toBe('HTTP/1.1 403 Forbidden');
    // An origin allowed by NEO4J_WEBSOCKET_ORIGINS gets Neo4j's own upgrade.
    expect(await upgradeStatus(port, 'https://allowed.example')).toBe(
      'HTTP/1.1 101 Switching Protocols',
    );
    // The log names the origin, so a person whose own tool was refused knows what to allow.
    expect(readFileSync(localNeo4jPaths(dataDir).logFile, 'utf8')).toContain(
      'REFUSED Bolt over WebSocket from Origin https://evil.example',
    );
    // Plain Bolt on the same port still works (the previous test), so only the upgrade is refused.
  });

  it('stays up while any command uses it: Ctrl-C on the others leaves it to the last', async () => {
    // No driver retries: with the default 2 s of them, a query asked during the outage could
    // straddle the supervisor's restart (under 5 s with the CDS archive) and rightly succeed.
    const config = readConfig({ ...localEnv(dataDir), NEO4J_MAX_RETRY_MS: '0' });
    graph = await openGraph(config, (line) => lines.push(line));
    expect(graph.local?.owned).toBe(false);
    const { pid } = readInstanceRecord(dataDir)!;
    for (const command of commands) expect(await stopCommand(command)).toBe(0);
    // The Neo4j checks its leases every second and stops after two checks find none: wait out
    // more than that before looking.
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    expect(isProcessAlive(pid)).toBe(true);
    expect(await graph.db.read(componentsQuery, {})).toHaveLength(1);
  });

  it('reports a killed Neo4j at once, restarts it, and a waiting writer carries on', async () => {
    server = await startServer({ host: '127.0.0.1', port: 0, ingestToken: null }, graph!.db);
    const ready = async () => (await fetch(new URL('/health/ready', server!.url))).status;
    const lookup = '{ location(id: "ofsted:0") { id } }';
    expect(await ready()).toBe(200);
    expect((await fetch(new URL('/health/live', server.url))).status).toBe(200);
    expect((await fetch(new URL('/health', server.url))).status).toBe(200);
    expect((await postGraphQL(server.url, lookup)).body).toEqual({ data: { location: null } });

    // A writer like the ingest: same driver, pausing on DATABASE_UNAVAILABLE instead of failing.
    const waitLines: string[] = [];
    const waiting = graph!.db.withOutageWait(
      new OutageWaiter(graph!.driver, 'neo4j', uri, {
        maxWaitMs: 180_000,
        log: (line) => waitLines.push(line),
      }),
    );

    const { pid } = readInstanceRecord(dataDir)!;
    const killedAt = Date.now();
    process.kill(pid, 'SIGKILL');

    expect(await waitFor(async () => (await ready()) === 503, 30_000)).toBe(true);
    const notReadyAfter = Date.now() - killedAt;

    const writeDuringOutage = waiting.read(componentsQuery, {});
    const askedAt = Date.now();
    // A different operation from the cached `lookup`: within the graph watcher's staleness bound
    // (GRAPH_WATCH_MS × 2) a repeat of `lookup` may rightly be answered from the response cache
    // without Neo4j, and this asks what happens to a question that needs the database.
    const uncached = '{ duringOutage: location(id: "ofsted:0") { id } }';
    const failed = await postGraphQL(server.url, uncached);
    const failedAfter = Date.now() - askedAt;
    expect(failed.body.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    // It failed while the Neo4j was still down, not after waiting for its return.
    expect(lines.some((line) => /is back on/.test(line))).toBe(false);

    expect(await waitFor(async () => (await ready()) === 200, 180_000)).toBe(true);
    const readyAgainAfter = Date.now() - killedAt;
    // Bolt answers a moment before the supervisor has seen the new process record itself.
    expect(await waitFor(() => lines.some((line) => /is back on/.test(line)), 30_000)).toBe(true);
    expect(await writeDuringOutage).toHaveLength(1);
    expect((await postGraphQL(server.url, lookup)).body).toEqual({ data: { location: null } });

    expect(lines.join('\n')).toMatch(
      new RegExp(`The local Neo4j \\(pid ${pid}\\) stopped unexpectedly; restarting it`),
    );
    expect(lines.join('\n')).toMatch(/The local Neo4j is back on bolt:\/\/127\.0\.0\.1:\d+/);
    expect(waitLines[0]).toMatch(/^waiting for Neo4j at bolt:\/\/127\.0\.0\.1:\d+/);
    expect(waitLines.at(-1)).toMatch(/^Neo4j is back after [\d.]+ s; resuming\.$/);
    console.log(
      `kill -9 → /health/ready 503 after ${notReadyAfter} ms; a query during the outage failed with DATABASE_UNAVAILABLE after ${failedAfter} ms; ready again after ${readyAgainAfter} ms`,
    );

    // Shutting down: not ready any more; then the last lease goes and the Neo4j with it.
    const restarted = readInstanceRecord(dataDir)!.pid;
    expect(restarted).not.toBe(pid);
    const stopping = server.stop();
    expect(await ready().catch(() => 503)).toBe(503);
    await stopping;
    server = null;
    await graph!.close();
    graph = null;
    expect(await waitFor(() => !isProcessAlive(restarted), 60_000)).toBe(true);
  }, 300_000);

  it('a waiting writer gives up after its bound with one clear error, then fails at once', async () => {
    // Nothing listens on this port: the database is as dead as one can be.
    const port = await findFreePort();
    const driver = createDriver({
      uri: `bolt://127.0.0.1:${port}`,
      user: 'neo4j',
      password: 'x',
      database: 'neo4j',
    });
    const waitLines: string[] = [];
    const gaveUp: string[] = [];
    const db = new Database(driver, 'neo4j', 1_000).withOutageWait(
      new OutageWaiter(driver, 'neo4j', `bolt://127.0.0.1:${port}`, {
        maxWaitMs: 2_000,
        pollIntervalMs: 200,
        log: (line) => waitLines.push(line),
        onGiveUp: (message) => gaveUp.push(message),
      }),
    );
    try {
      const first = await db.read(componentsQuery, {}).catch((error: unknown) => error);
      expect(first).toBeInstanceOf(DatabaseError);
      expect((first as DatabaseError).kind).toBe('UNAVAILABLE');
      expect((first as DatabaseError).message).toMatch(
        /did not answer for 2 s \(NEO4J_WAIT_SECONDS\); giving up/,
      );
      expect(gaveUp).toEqual([(first as DatabaseError).message]);
      const second = await db.read(componentsQuery, {}).catch((error: unknown) => error);
      expect(second).toBe(first);
      expect(waitLines.filter((line) => line.startsWith('waiting for Neo4j'))).toHaveLength(1);
    } finally {
      await driver.close();
    }
  });
});
