/** Command-line options of `npm run sync`, with their environment variables, checked into one value. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../config.ts';
import { DEFAULT_BATCH_SIZE } from '../graph/write/load-reports.ts';
import { defaultWorkerCount } from '../load/bulk/ingest-inputs.ts';
import { DEFAULT_CQC_BASE_URL } from '../load/sync/cqc-http.ts';
import { FIRST_RUN_LOOKBACK_DAYS } from '../load/sync/sync-cqc.ts';
import { readPositiveNumber, readWholeNumber, UsageError } from './ingest-args.ts';

export const DEFAULT_REQUESTS_PER_SECOND = 2;
export const DEFAULT_WINDOW_HOURS = 24;
export const DEFAULT_PER_PAGE = 500;
export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_TIMEOUT_SECONDS = 60;
const DEFAULT_CACHE_DIR = '.cache/cqc';
const PROGRESS_INTERVAL_MS = 10_000;

export const SYNC_USAGE = `Usage: npm run sync -- --cqc [options]

Brings the graph up to date with the CQC Syndication API: asks the changes endpoint which
locations and providers changed since the last run (the checkpoint kept in the graph), window by
window, fetches each changed record and its locations' report PDFs into a local cache, and loads
them as npm run ingest would. Run it again (from cron, say) to stay current; a run that stopped
resumes from the last window it completed, reading what it already fetched from the cache.

Options:
  --cqc                  sync from the CQC Syndication API (the one source so far)
  --since TIME           start here instead of at the checkpoint (ISO 8601, e.g. 2025-01-01 or
                         2025-01-01T06:00:00Z); with no checkpoint and no --since, ${FIRST_RUN_LOOKBACK_DAYS} days back
  --until TIME           end of the last window (default: now)
  --window-hours N       longest window asked of the changes endpoint (default ${DEFAULT_WINDOW_HOURS})
  --per-page N           ids per changes page (default ${DEFAULT_PER_PAGE})
  --rate N               requests per second at most (default ${DEFAULT_REQUESTS_PER_SECOND}; fractions allowed)
  --max-attempts N       tries per request before it counts as failed (default ${DEFAULT_MAX_ATTEMPTS})
  --timeout-seconds N    how long one request may take (default ${DEFAULT_TIMEOUT_SECONDS})
  --no-reports           fetch the records only, not the report PDFs
  --cache DIR            where fetched files are kept (default ${DEFAULT_CACHE_DIR}; CQC_CACHE_DIR)
  --base-url URL         the API's base URL (default ${DEFAULT_CQC_BASE_URL};
                         CQC_API_BASE_URL)
  --workers N            parse worker threads, as for npm run ingest
  --batch-size N         reports per load transaction (default ${DEFAULT_BATCH_SIZE})
  --quiet                print only failures, skips and the summary, not a line per file
  --no-progress          no progress bar on a terminal, no progress lines elsewhere
  -h, --help             show this help

Environment: CQC_SUBSCRIPTION_KEY (the key from the CQC API portal, sent as
Ocp-Apim-Subscription-Key; without it the sync runs and says so), CQC_API_BASE_URL,
CQC_CACHE_DIR, and the NEO4J_* variables as for every command.

Exit code 0 when every window completed and every file went in; 1 when a window could not be
fetched (the checkpoint stays before it) or a file failed; 2 for bad usage.`;

export interface SyncArgs {
  cqc: boolean;
  since: Date | null;
  until: Date;
  windowHours: number;
  perPage: number;
  requestsPerSecond: number;
  maxAttempts: number;
  timeoutMs: number;
  reports: boolean;
  cacheDir: string;
  baseUrl: string;
  subscriptionKey: string | null;
  workers: number;
  batchSize: number;
  quiet: boolean;
  progress: boolean;
  progressIntervalMs: number;
  help: boolean;
}

/** A date or date-time; a date alone is midnight UTC. Whole seconds, as the API takes them. */
function readTime(raw: string | undefined, what: string): Date | null {
  if (raw === undefined) return null;
  const text = /^\d{4}-\d{2}-\d{2}$/.test(raw.trim()) ? `${raw.trim()}T00:00:00Z` : raw.trim();
  const time = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(time))
    throw new UsageError(
      `${what} must be an ISO 8601 date or time (2025-01-01T06:00:00Z), got "${raw}"`,
    );
  return new Date(Math.floor(time / 1000) * 1000);
}

function readBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--base-url must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new UsageError(`--base-url must be an http(s) URL, got "${raw}"`);
  return raw.replace(/\/+$/, '');
}

export function parseSyncArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
  now: Date = new Date(),
): SyncArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: false,
      options: {
        cqc: { type: 'boolean', default: false },
        since: { type: 'string' },
        until: { type: 'string' },
        'window-hours': { type: 'string' },
        'per-page': { type: 'string' },
        rate: { type: 'string' },
        'max-attempts': { type: 'string' },
        'timeout-seconds': { type: 'string' },
        'no-reports': { type: 'boolean', default: false },
        cache: { type: 'string' },
        'base-url': { type: 'string' },
        workers: { type: 'string' },
        'batch-size': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        'no-progress': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  const help = v.help;
  if (!help && !v.cqc) throw new UsageError('say which source to sync: --cqc');
  const since = readTime(v.since, '--since');
  const until = readTime(v.until, '--until') ?? new Date(Math.floor(now.getTime() / 1000) * 1000);
  if (since && since >= until)
    throw new UsageError(`--since (${v.since}) must be before --until (${until.toISOString()})`);
  const cache = v.cache ?? env.CQC_CACHE_DIR?.trim() ?? '';
  const key = env.CQC_SUBSCRIPTION_KEY?.trim() ?? '';
  return {
    cqc: v.cqc,
    since,
    until,
    windowHours: readPositiveNumber(v['window-hours'], DEFAULT_WINDOW_HOURS, '--window-hours'),
    perPage: readWholeNumber(v['per-page'], DEFAULT_PER_PAGE, 1, '--per-page'),
    requestsPerSecond: readPositiveNumber(v.rate, DEFAULT_REQUESTS_PER_SECOND, '--rate'),
    maxAttempts: readWholeNumber(v['max-attempts'], DEFAULT_MAX_ATTEMPTS, 1, '--max-attempts'),
    timeoutMs:
      readPositiveNumber(v['timeout-seconds'], DEFAULT_TIMEOUT_SECONDS, '--timeout-seconds') * 1000,
    reports: !v['no-reports'],
    cacheDir: cache ? path.resolve(cache) : path.join(PROJECT_ROOT, DEFAULT_CACHE_DIR),
    baseUrl: readBaseUrl(v['base-url'] ?? (env.CQC_API_BASE_URL?.trim() || DEFAULT_CQC_BASE_URL)),
    subscriptionKey: key === '' ? null : key,
    workers: readWholeNumber(v.workers, defaultWorkerCount(), 0, '--workers'),
    batchSize: readWholeNumber(v['batch-size'], DEFAULT_BATCH_SIZE, 1, '--batch-size'),
    quiet: v.quiet,
    progress: !v['no-progress'],
    progressIntervalMs: PROGRESS_INTERVAL_MS,
    help,
  };
}
