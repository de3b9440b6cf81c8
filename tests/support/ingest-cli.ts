/** `npm run ingest` run as a user runs it, against the test database through NEO4J_URI. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { inject } from 'vitest';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** node's arguments that start the ingest command (tsx, as `npm run ingest` does). */
export const INGEST_CLI = ['--import', 'tsx', path.join(ROOT, 'src/cli/ingest.ts')];

export function ingestEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const connection = inject('neo4j');
  return {
    ...process.env,
    NEO4J_URI: connection.uri,
    NEO4J_USER: connection.user,
    NEO4J_PASSWORD: connection.password,
    NEO4J_DATABASE: connection.database,
    ...extra,
  };
}

export interface IngestRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runIngest(args: string[], env: Record<string, string> = {}): IngestRun {
  const result = spawnSync(process.execPath, [...INGEST_CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: ingestEnv(env),
    timeout: 240_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
