/**
 * What the `npm run sync -- --cqc` tests share: the stand-in CQC API's changes and reports, the
 * arguments of a run over both windows, the sync run as a user runs it (a child process against
 * the test database), and one suite's setup (a reset graph, a fresh cache, a started stand-in)
 * with its teardown.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startCqcApiServer, type Change, type CqcApiServer } from './cqc-api-server.ts';
import { ingestEnv, ROOT } from './ingest-cli.ts';
import { connectTestGraph, resetTestGraph, type TestGraph } from './test-graph.ts';

export const ROSE = '1-12598470778'; // location, one report (served: the stand-in PDF)
export const ORDINARY = '1-2172846173'; // location, two reports (both answer 404 unless served)
export const GONE = '1-120641405'; // a real id of the same listing; the stand-in API answers 404
export const ROSE_PROVIDER = '1-10154647570';
export const ORDINARY_PROVIDER = '1-101644866';
export const ROSE_REPORT = 'ce9368ff-3ac3-49b9-97e0-58b0658f2926';
/** Ordinary Lifestyles' two reports, as its record lists them. */
export const ORDINARY_REPORTS = [
  '5ead0b43-da82-4a65-b79c-2a5cc4c517e5',
  'e865d96c-749b-438d-a16f-2c94a6cb1850',
] as const;

export const W1 = { start: '2025-06-01T00:00:00Z', end: '2025-06-02T00:00:00Z' };
export const W2 = { start: '2025-06-02T00:00:00Z', end: '2025-06-03T00:00:00Z' };

export const CHANGES: Change[] = [
  { type: 'location', id: ROSE, at: '2025-06-01T09:00:00Z' },
  { type: 'location', id: GONE, at: '2025-06-01T11:30:00Z' },
  { type: 'provider', id: ROSE_PROVIDER, at: '2025-06-01T09:00:00Z' },
  { type: 'location', id: ORDINARY, at: '2025-06-02T14:00:00Z' },
  { type: 'provider', id: ORDINARY_PROVIDER, at: '2025-06-02T14:00:00Z' },
];

export const ARRETA_PDF_FILE = path.join(
  ROOT,
  'tests/fixtures/corpus/cqc/cqc_arreta-care-limited_2023-11-14.pdf',
);
export const ARRETA_PDF = readFileSync(ARRETA_PDF_FILE);

/** Every window, one id per changes page so the first window's locations take two pages. */
export const SYNC_ARGS = [
  '--cqc',
  '--since',
  W1.start,
  '--until',
  W2.end,
  '--window-hours',
  '24',
  '--per-page',
  '1',
  '--rate',
  '50',
  '--no-progress',
  '--workers',
  '0',
];

/** Each run starts tsx, migrates, loads and refreshes the summaries: slow on a loaded machine. */
export const RUN_TIMEOUT_MS = 300_000;

export interface SyncRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function startSync(
  args: string[],
  env: Record<string, string>,
): { done: Promise<SyncRun>; kill: () => void } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'src/cli/sync.ts'), ...args],
    { cwd: ROOT, env: ingestEnv(env) },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<SyncRun>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { done, kill: () => child.kill('SIGKILL') };
}

export const isPath = (pathname: string) => (url: URL) => url.pathname.endsWith(pathname);
export const isChangesPage =
  (type: string, window: { start: string }, page: number) => (url: URL) =>
    url.pathname.endsWith(`/changes/${type}`) &&
    url.searchParams.get('startTimestamp') === window.start &&
    url.searchParams.get('page') === String(page);

export interface SyncSuite {
  graph: TestGraph;
  server: CqcApiServer;
  cacheDir: string;
  /** The environment of a run against this suite's stand-in and cache (no subscription key). */
  env(extra?: Record<string, string>): Record<string, string>;
}

/**
 * Registers the suite's beforeAll/afterAll: a reset graph, a fresh cache folder and a stand-in
 * serving CHANGES and `reports`. The returned object is filled in by beforeAll.
 */
export function useSyncSuite(reports: ReadonlyMap<string, Buffer>): SyncSuite {
  const suite = {
    env(extra: Record<string, string> = {}): Record<string, string> {
      return {
        CQC_API_BASE_URL: suite.server.baseUrl,
        CQC_CACHE_DIR: suite.cacheDir,
        // Several suites share 2 cores: a write must not time out just because the machine is slow.
        QUERY_TIMEOUT_MS: '600000',
        ...extra,
      };
    },
  } as Partial<SyncSuite> as SyncSuite;
  beforeAll(async () => {
    suite.graph = connectTestGraph();
    await resetTestGraph(suite.graph);
    suite.cacheDir = mkdtempSync(path.join(os.tmpdir(), 'sync-cqc-cache-'));
    suite.server = await startCqcApiServer(CHANGES, reports);
  });
  afterAll(async () => {
    await suite.server?.close();
    await suite.graph?.close();
    if (suite.cacheDir) rmSync(suite.cacheDir, { recursive: true, force: true });
  });
  return suite;
}
