/** Runs bench/ingest-child.ts (our ingest in a process of its own) and reads back its timing. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../src/config.ts';
import type { Connection } from '../src/db/driver.ts';

export interface IngestChildResult {
  /** From the first file to the last result. */
  seconds: number;
  results: number;
  failed: number;
  /** The child's peak RSS, whole run. */
  peakRssMiB: number;
}

const RESULT_LINE = /^ingest-child: (.*)$/m;

export async function runIngestChild(
  connection: Connection,
  workers: number,
  batchSize: number,
  inputs: readonly string[],
): Promise<IngestChildResult> {
  const script = path.join(PROJECT_ROOT, 'bench/ingest-child.ts');
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', script, String(workers), String(batchSize), ...inputs],
    {
      env: {
        ...process.env,
        NEO4J_URI: connection.uri,
        NEO4J_USER: connection.user,
        NEO4J_PASSWORD: connection.password,
        NEO4J_DATABASE: connection.database,
      },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const line = RESULT_LINE.exec(stdout);
  if (!line) throw new Error(`bench/ingest-child.ts printed no result line: ${stdout.slice(-300)}`);
  return JSON.parse(line[1]!) as IngestChildResult;
}
