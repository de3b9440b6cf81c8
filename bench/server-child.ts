/**
 * A server the bench measures, in a process of its own (`node --import tsx <script>`, the
 * bench's environment plus the connection's NEO4J_*): each server then competes for the cores
 * as the other does, and the bench process only sends requests.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.ts';
import type { Connection } from '../src/db/driver.ts';

export interface ServerChild {
  /** The first capture group of `ready` in the child's output. */
  ready: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * `connection` null: the child reads its Neo4j settings from `env` alone (the chaos run's server
 * uses the local Neo4j of a data folder, and supervises it). `onOutput` sees everything the child
 * prints, before and after it is ready.
 */
export async function startServerChild(
  script: string,
  connection: Connection | null,
  env: Record<string, string>,
  ready: RegExp,
  onOutput: (chunk: string) => void = () => {},
  /** Options for node itself, before the script (`--inspect=127.0.0.1:0` for a profiler). */
  nodeArgs: readonly string[] = [],
): Promise<ServerChild> {
  const args = [...nodeArgs, '--import', 'tsx', path.resolve(PROJECT_ROOT, script)];
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      ...env,
      ...(connection && {
        NEO4J_URI: connection.uri,
        NEO4J_USER: connection.user,
        NEO4J_PASSWORD: connection.password,
      }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const captured = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      onOutput(chunk.toString());
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) resolve(match[1] ?? match[0]);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}): ${output}`)));
  });
  return {
    ready: captured,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * The same Cypher as the bench's questions served over HTTP by a bare node:http server in a
 * process of its own (bench/bare-http-child.ts): the floor an API process pays (HTTP hop, second
 * process, JSON) without GraphQL, for npm run bench and bench/graphql-overhead.ts.
 */
export function startBareHttpChild(connection: Connection | null): Promise<ServerChild> {
  return startServerChild('bench/bare-http-child.ts', connection, {}, /bare ready at (\S+)/);
}
