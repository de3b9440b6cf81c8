/**
 * Starts one real Neo4j for the integration project: the local Neo4j on a free port with a
 * temporary data folder, or the database at NEO4J_URI when set. Tests reach it through
 * `inject('neo4j')`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { readConfig } from '../src/config.ts';
import { startLocalNeo4j, type LocalNeo4jHandle } from '../src/db/local-neo4j.ts';
import type { Connection } from '../src/db/driver.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Connection;
  }
}

let local: LocalNeo4jHandle | null = null;
let dataDir: string | null = null;

export async function setup(project: TestProject): Promise<void> {
  const config = readConfig();
  if (config.neo4j.kind === 'external') {
    project.provide('neo4j', config.neo4j);
    return;
  }
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'inspection-graph-test-'));
  local = await startLocalNeo4j(
    { ...config.neo4j, dataDir, port: 0, heap: '768m', pageCache: '128m' },
    (line) => console.log(line),
  );
  project.provide('neo4j', {
    uri: local.uri,
    user: 'neo4j',
    password: local.password,
    database: 'neo4j',
  });
}

export async function teardown(): Promise<void> {
  await local?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
