/**
 * `npx tsx bench/ingest-memory.ts [--sizes 100,400] [--years 5] [--workers N]`: does ingest
 * memory stay flat as the corpus grows? For each size it generates a corpus (src/generate/),
 * ingests it with the real CLI as a child process into a fresh local Neo4j, and prints files,
 * reports/s and the ingest process's peak RSS (from the CLI's own summary: maxRSS, which
 * covers its worker threads). Prints, never asserts.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT, readConfig } from '../src/config.ts';
import type { Connection } from '../src/db/driver.ts';
import { startLocalNeo4j } from '../src/db/local-neo4j.ts';

export interface MemoryCase {
  locations: number;
  years: number;
}

export interface MemoryFigures extends MemoryCase {
  files: number;
  failed: number;
  seconds: number;
  reportsPerSecond: number;
  peakRssMiB: number;
}

function runChild(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

function readSummary(stdout: string): {
  files: number;
  failed: number;
  perSecond: number;
  peakRssMiB: number;
} {
  // A dry run's "N parsed (dry run)" appears only in a dry run.
  const files =
    /files: (\d+) loaded, (\d+) unchanged, (?:(\d+) parsed \(dry run\), )?(\d+) failed/.exec(
      stdout,
    );
  const time = /time: .*?, ([\d.]+) reports\/s, peak RSS (\d+) MiB/.exec(stdout);
  if (!files || !time) throw new Error(`no summary in the ingest output:\n${stdout.slice(-2000)}`);
  const [loaded, unchanged, parsed, failed] = files.slice(1).map((n) => Number(n ?? 0)) as [
    number,
    number,
    number,
    number,
  ];
  return {
    files: loaded + unchanged + parsed + failed,
    failed,
    perSecond: Number(time[1]),
    peakRssMiB: Number(time[2]),
  };
}

/** Where each case's ingest writes: a Neo4j the caller already runs, emptied before each case. */
export interface SharedNeo4j {
  connection: Connection;
  emptyGraph(): Promise<void>;
}

/** A graph for one case: the caller's, emptied, or a fresh local Neo4j in the case's scratch folder. */
async function openCaseGraph(
  scratch: string,
  shared: SharedNeo4j | undefined,
): Promise<{ connection: Connection; close(): Promise<void> }> {
  if (shared) {
    await shared.emptyGraph();
    return { connection: shared.connection, close: async () => {} };
  }
  const config = readConfig({ ...process.env, NEO4J_URI: '' });
  if (config.neo4j.kind !== 'local') throw new Error('unreachable: NEO4J_URI was cleared');
  const local = await startLocalNeo4j({
    ...config.neo4j,
    dataDir: path.join(scratch, 'neo4j'),
    port: 0,
  });
  return {
    connection: { uri: local.uri, user: 'neo4j', password: local.password, database: 'neo4j' },
    close: () => local.stop(),
  };
}

/**
 * Generates, ingests and measures one corpus per case, each into an empty graph: `shared`'s
 * (the bench's own Neo4j, which saves starting and stopping one per case) or a fresh local one.
 * Only the ingest process's RSS is measured, so whose Neo4j it writes to does not change it.
 */
export async function measureIngestMemory(
  cases: readonly MemoryCase[],
  options: {
    workers?: number;
    seed?: string;
    log?: (line: string) => void;
    shared?: SharedNeo4j;
  } = {},
): Promise<MemoryFigures[]> {
  const log = options.log ?? (() => {});
  const figures: MemoryFigures[] = [];
  for (const size of cases) {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'ingest-memory-'));
    const graph = await openCaseGraph(scratch, options.shared);
    try {
      const corpus = path.join(scratch, 'corpus');
      const generated = await runChild([
        'src/cli/generate.ts',
        '--locations',
        String(size.locations),
        '--years',
        String(size.years),
        '--seed',
        options.seed ?? 'memory',
        '--out',
        corpus,
        '--no-progress',
      ]);
      if (generated.code !== 0)
        throw new Error(`generate failed: ${generated.stderr.slice(-1000)}`);
      const workers = options.workers === undefined ? [] : ['--workers', String(options.workers)];
      const { uri, user, password, database } = graph.connection;
      const env = {
        ...process.env,
        NEO4J_URI: uri,
        NEO4J_USER: user,
        NEO4J_PASSWORD: password,
        NEO4J_DATABASE: database,
      };
      const started = Date.now();
      const ingest = await runChild(
        ['src/cli/ingest.ts', '--quiet', '--no-progress', ...workers, path.join(corpus, 'reports')],
        env,
      );
      const seconds = (Date.now() - started) / 1000;
      const summary = readSummary(ingest.stdout);
      const row: MemoryFigures = {
        ...size,
        files: summary.files,
        failed: summary.failed,
        seconds,
        reportsPerSecond: summary.perSecond,
        peakRssMiB: summary.peakRssMiB,
      };
      log(
        `ingest.memory: ${size.locations} locations × ${size.years} years: ${row.files} files (${row.failed} failed), ${row.reportsPerSecond.toFixed(1)} reports/s, peak RSS ${row.peakRssMiB} MiB, ${seconds.toFixed(0)} s wall`,
      );
      figures.push(row);
    } finally {
      await graph.close();
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  return figures;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100,400' },
      years: { type: 'string', default: '5' },
      workers: { type: 'string' },
    },
  });
  const years = Number(values.years);
  const cases = values.sizes.split(',').map((n) => ({ locations: Number(n), years }));
  const figures = await measureIngestMemory(cases, {
    workers: values.workers === undefined ? undefined : Number(values.workers),
    log: console.log,
  });
  const [small, large] = [figures[0], figures.at(-1)];
  if (small && large && small !== large) {
    console.log(
      `ingest.memory_ratio: ${(large.peakRssMiB / small.peakRssMiB).toFixed(2)} (peak RSS, ${large.files} vs ${small.files} files: ${(large.files / small.files).toFixed(1)}× the corpus)`,
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
