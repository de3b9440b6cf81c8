/**
 * `npm start` as a user runs it: the real entry point as a child process with its own local
 * Neo4j, stopped by SIGINT (Ctrl-C) and by a crash of the parent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDriver } from '../../src/db/driver.ts';
import { readPassword } from '../../src/db/local-neo4j-folder.ts';
import { isProcessAlive } from '../../src/db/local-neo4j.ts';
import { postGraphQL } from '../support/http.ts';

const root = path.resolve(import.meta.dirname, '../..');

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return check();
}

function startMain(
  dataDir: string,
  extraEnv: NodeJS.ProcessEnv = {},
): { child: ChildProcess; output: () => string } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    NEO4J_DATA_DIR: dataDir,
    NEO4J_LOCAL_PORT: '0',
    NEO4J_HEAP: '512m',
    NEO4J_PAGECACHE: '64m',
    LOAD_SEED: 'false',
    ...extraEnv,
  };
  if (!extraEnv.NEO4J_URI) delete env.NEO4J_URI;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/app/main.ts')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { child, output: () => text };
}

/** Runs one statement on the child's Neo4j (password from its data folder), returns the `at` column. */
async function runOnLocal(
  dataDir: string,
  port: number,
  cypher: string,
  params: Record<string, unknown>,
): Promise<unknown[]> {
  const driver = createDriver({
    uri: `bolt://127.0.0.1:${port}`,
    user: 'neo4j',
    password: readPassword(dataDir),
    database: 'neo4j',
  });
  try {
    const result = await driver.executeQuery(cypher, params);
    return result.records.map((record) => (record.has('at') ? record.get('at') : null));
  } finally {
    await driver.close();
  }
}

describe('npm start lifecycle', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'inspection-graph-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves, keeps data across restarts, and Ctrl-C stops the server and its Neo4j', async () => {
    const first = startMain(dataDir);
    expect(await waitFor(() => /ready: explorer at/.test(first.output()), 150_000)).toBe(true);
    const url = /explorer at (http:\/\/\S+)/.exec(first.output())![1]!;
    expect((await postGraphQL(url, '{ __typename }')).body).toEqual({
      data: { __typename: 'Query' },
    });
    const { pid, port } = JSON.parse(readFileSync(path.join(dataDir, 'instance.json'), 'utf8')) as {
      pid: number;
      port: number;
    };
    expect(isProcessAlive(pid)).toBe(true);
    await runOnLocal(dataDir, port, 'CREATE (:RestartMarker {at: $at})', { at: 'first run' });

    first.child.kill('SIGINT');
    expect(await waitFor(() => first.child.exitCode !== null, 60_000)).toBe(true);
    expect(first.child.exitCode).toBe(0);
    expect(await waitFor(() => !isProcessAlive(pid), 30_000)).toBe(true);

    // A crash of the parent (SIGKILL: no handler runs) still takes its Neo4j down.
    const second = startMain(dataDir);
    expect(await waitFor(() => /ready: explorer at/.test(second.output()), 150_000)).toBe(true);
    expect(second.output()).not.toMatch(/Building the local Neo4j/);
    const secondRecord = JSON.parse(readFileSync(path.join(dataDir, 'instance.json'), 'utf8')) as {
      pid: number;
      port: number;
    };
    const secondPid = secondRecord.pid;
    expect(
      await runOnLocal(dataDir, secondRecord.port, 'MATCH (m:RestartMarker) RETURN m.at AS at', {}),
    ).toEqual(['first run']);
    second.child.kill('SIGKILL');
    expect(await waitFor(() => !isProcessAlive(secondPid), 60_000)).toBe(true);
  }, 400_000);

  it('uses the Neo4j at NEO4J_URI and starts none of its own', async () => {
    const connection = inject('neo4j');
    const emptyDir = mkdtempSync(path.join(os.tmpdir(), 'inspection-graph-external-'));
    const run = startMain(emptyDir, {
      NEO4J_URI: connection.uri,
      NEO4J_USER: connection.user,
      NEO4J_PASSWORD: connection.password,
    });
    try {
      expect(await waitFor(() => /ready: explorer at/.test(run.output()), 60_000)).toBe(true);
      const url = /explorer at (http:\/\/\S+)/.exec(run.output())![1]!;
      expect((await postGraphQL(url, '{ health { neo4j } }')).body).toEqual({
        data: { health: { neo4j: true } },
      });
      expect(run.output()).not.toMatch(/local Neo4j/);
      expect(existsSync(path.join(emptyDir, 'instance.json'))).toBe(false);
    } finally {
      run.child.kill('SIGINT');
      await waitFor(() => run.child.exitCode !== null, 30_000);
      rmSync(emptyDir, { recursive: true, force: true });
    }
  }, 120_000);
});
