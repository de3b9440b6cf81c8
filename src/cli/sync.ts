/**
 * `npm run sync -- --cqc`: the graph kept current from the CQC Syndication API (see
 * src/load/sync/sync-cqc.ts). Progress on stderr, a line per file loaded (or only failures with
 * --quiet), a line per record or report gone or failed, the ingest's summary table, then where
 * the checkpoint stands. Exit codes (SYNC_EXIT): 0 completed, nothing failed; 3 completed, but
 * some items could not be read or loaded (kept and retried next run); 1 stopped (a window could
 * not be fetched, or the graph could not be reached); 2 bad arguments.
 */
import { ConfigError, readConfig } from '../config.ts';
import { openGraph, type GraphConnection } from '../db/connect.ts';
import { DatabaseError } from '../db/errors.ts';
import { LocalNeo4jError } from '../db/local-neo4j-build.ts';
import { runMigrations } from '../app/prepare-graph.ts';
import { completePostLoadSteps } from '../graph/write/post-load-steps.ts';
import { addResult, emptyTotals } from '../load/bulk/run-totals.ts';
import { DEFAULT_REPORT_LIMITS } from '../load/report-limits.ts';
import { CqcCache } from '../load/sync/cqc-cache.ts';
import { CqcHttp } from '../load/sync/cqc-http.ts';
import { syncCqc, type CqcSyncOutcome } from '../load/sync/sync-cqc.ts';
import { SyncProgress } from '../load/sync/sync-progress.ts';
import { UsageError } from './ingest-args.ts';
import { formatResult } from './result-lines.ts';
import { formatSummaryTable } from './summary-table.ts';
import { parseSyncArgs, SYNC_USAGE } from './sync-args.ts';

/** What the exit code says, for a cron line or a script to switch on. */
const SYNC_EXIT = { completed: 0, stopped: 1, usage: 2, completedWithFailures: 3 } as const;

function describeOutcome(outcome: CqcSyncOutcome, requests: number): string[] {
  const from = {
    checkpoint: 'the checkpoint',
    since: '--since',
    default: 'no checkpoint yet: the default look-back',
  }[outcome.startedFrom];
  const lines = [
    `sync cqc: ${outcome.windowsCompleted} of ${outcome.windows} windows completed from ${outcome.start} (${from}); ${requests} requests; ${outcome.gone} records or reports gone (skipped)`,
    outcome.completedUntil
      ? `sync cqc: checkpoint: completed until ${outcome.completedUntil}`
      : 'sync cqc: no checkpoint yet',
  ];
  if (outcome.retried > 0)
    lines.push(`sync cqc: retried ${outcome.retried} item(s) that failed in earlier runs`);
  for (const failure of outcome.failedItems)
    lines.push(`sync cqc: failed, kept for retry: ${failure.item}: ${failure.message}`);
  if (outcome.failedItems.length > 0 && outcome.failures.length === 0)
    lines.push(
      `sync cqc: completed with ${outcome.failedItems.length} item(s) not read or loaded; the checkpoint moved past them and the next run retries them`,
    );
  if (outcome.failures.length > 0)
    lines.push(
      `sync cqc: stopped: a window could not be fetched (${outcome.failures.length} failed, first: ${outcome.failures[0]}); the checkpoint stays where it was and what was fetched is kept in the cache; run again to resume`,
    );
  return lines;
}

async function run(argv: readonly string[]): Promise<number> {
  const args = parseSyncArgs(argv);
  if (args.help) {
    console.log(SYNC_USAGE);
    return 0;
  }
  const say = (line: string) => console.log(line);
  let graph: GraphConnection | null = null;
  let progress: SyncProgress | null = null;
  const totals = emptyTotals();
  const started = Date.now();
  const http = new CqcHttp({
    baseUrl: args.baseUrl,
    subscriptionKey: args.subscriptionKey,
    requestsPerSecond: args.requestsPerSecond,
    maxAttempts: args.maxAttempts,
    timeoutMs: args.timeoutMs,
    log: (line) => (progress ? progress.log(line) : say(line)),
  });
  let outcome: CqcSyncOutcome;
  try {
    if (!args.subscriptionKey)
      say(
        'sync cqc: CQC_SUBSCRIPTION_KEY is not set: requests go without a subscription key, and the API may throttle or refuse them',
      );
    graph = await openGraph(readConfig(), (line) => console.error(line), {
      waitWhenUnavailable: {
        onGiveUp: (message) => {
          console.error(`sync: ${message}`);
          process.exit(SYNC_EXIT.stopped);
        },
      },
    });
    await runMigrations(graph.db, { seedDir: null, log: () => {} });
    const mode = !args.progress ? 'off' : process.stderr.isTTY === true ? 'bar' : 'lines';
    const shown = new SyncProgress({
      mode,
      intervalMs: args.progressIntervalMs,
      stream: process.stderr,
      say,
      requests: () => http.requests,
    });
    progress = shown;
    outcome = await syncCqc({
      db: graph.db,
      http,
      cache: new CqcCache(args.cacheDir),
      since: args.since,
      until: args.until,
      windowHours: args.windowHours,
      perPage: args.perPage,
      reports: args.reports,
      workers: args.workers,
      batchSize: args.batchSize,
      limits: DEFAULT_REPORT_LIMITS,
      log: (line) => shown.log(line),
      onWindow: (window, index, total) => shown.startWindow(window, index, total),
      onFetched: (counts) => shown.fetched(counts),
      onResult: (result) => {
        addResult(totals, result);
        for (const line of formatResult(result, args.quiet)) shown.log(line);
      },
    });
    // Whatever this run or an earlier one loaded and did not finish after.
    await completePostLoadSteps(graph.db, (line) => shown.log(line));
  } finally {
    progress?.stop();
    await graph?.close();
  }
  const elapsedSeconds = (Date.now() - started) / 1000;
  const { summary } = totals;
  const handled = summary.loaded + summary.unchanged + summary.parsed + summary.failed;
  say('');
  say(
    formatSummaryTable(summary, {
      dataFiles: totals.dataFiles,
      elapsedSeconds,
      perSecond: elapsedSeconds > 0 ? handled / elapsedSeconds : 0,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
    }),
  );
  for (const line of describeOutcome(outcome, http.requests)) say(line);
  if (outcome.failures.length > 0) return SYNC_EXIT.stopped;
  return outcome.failedItems.length > 0 ? SYNC_EXIT.completedWithFailures : SYNC_EXIT.completed;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`sync: ${error.message}\n\n${SYNC_USAGE}`);
      process.exit(SYNC_EXIT.usage);
    }
    const expected =
      error instanceof ConfigError ||
      error instanceof LocalNeo4jError ||
      error instanceof DatabaseError;
    console.error(expected ? `sync: ${(error as Error).message}` : error);
    process.exit(SYNC_EXIT.stopped);
  },
);
