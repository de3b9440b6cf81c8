/**
 * `npm run sync -- --cqc`: keeps the graph current from the CQC Syndication API. From the
 * checkpoint in the graph (or `since`) to `until`, window by window: fetch the window's changed
 * locations, providers and their reports into the cache (fetch-window.ts), load those files
 * through the same bulk pipeline as `npm run ingest` (so provenance, idempotence and the summary
 * are the same, and a file already in the graph is `unchanged`), then move the checkpoint to the
 * window's end. A window whose fetch did not complete stops the run with the checkpoint where it
 * was; what it fetched stays in the cache, so the next run asks only for the rest.
 */
import type { Database } from '../../db/executor.ts';
import { readSyncCheckpoint, saveSyncCheckpoint } from '../../graph/sync-checkpoint.ts';
import type { ReportLimits } from '../report-limits.ts';
import { ingestInputs } from '../bulk/ingest-inputs.ts';
import type { ItemResult } from '../bulk/work-items.ts';
import type { CqcCache } from './cqc-cache.ts';
import type { CqcHttp } from './cqc-http.ts';
import { fetchWindow, type WindowCounts } from './fetch-window.ts';
import { planWindows, type SyncWindow } from './sync-windows.ts';

export const CQC_SYNC_SOURCE = 'cqc';

/** Without a checkpoint or `since`, a first run looks back this far. */
export const FIRST_RUN_LOOKBACK_DAYS = 7;

export interface CqcSyncOptions {
  db: Database;
  http: CqcHttp;
  cache: CqcCache;
  /** Start here instead of at the checkpoint. */
  since: Date | null;
  until: Date;
  windowHours: number;
  perPage: number;
  reports: boolean;
  workers: number;
  batchSize: number;
  limits: ReportLimits;
  log: (line: string) => void;
  onWindow: (window: SyncWindow, index: number, total: number) => void;
  onFetched: (counts: WindowCounts) => void;
  onResult: (result: ItemResult) => void;
}

export interface CqcSyncOutcome {
  /** Where the run started from, and why. */
  start: string;
  startedFrom: 'checkpoint' | 'since' | 'default';
  windows: number;
  windowsCompleted: number;
  /** The checkpoint after the run (null: none yet). */
  completedUntil: string | null;
  gone: number;
  /** Fetch failures of the window that stopped the run, one line each. */
  failures: string[];
}

export async function syncCqc(options: CqcSyncOptions): Promise<CqcSyncOutcome> {
  const [checkpoint] = await options.db.read(readSyncCheckpoint, { source: CQC_SYNC_SOURCE });
  const { start, startedFrom } = chooseStart(options, checkpoint?.completedUntil ?? null);
  const windows = planWindows(start, options.until, options.windowHours);
  const outcome: CqcSyncOutcome = {
    start: start.toISOString(),
    startedFrom,
    windows: windows.length,
    windowsCompleted: 0,
    completedUntil: checkpoint?.completedUntil ?? null,
    gone: 0,
    failures: [],
  };
  for (const [index, window] of windows.entries()) {
    options.onWindow(window, index, windows.length);
    const fetched = await fetchWindow(window, {
      http: options.http,
      cache: options.cache,
      perPage: options.perPage,
      reports: options.reports,
      log: options.log,
      onFetched: options.onFetched,
    });
    outcome.gone += fetched.gone;
    // What was fetched goes in even when the window is incomplete: nothing fetched is lost.
    for await (const result of ingestInputs(fetched.files, {
      db: options.db,
      force: false,
      meta: null,
      workers: options.workers,
      batchSize: options.batchSize,
      keepDocuments: false,
      limits: options.limits,
    }))
      options.onResult(result);
    if (fetched.failures.length > 0) {
      outcome.failures = fetched.failures;
      break;
    }
    await options.db.write(saveSyncCheckpoint, {
      source: CQC_SYNC_SOURCE,
      completedUntil: window.end,
    });
    outcome.windowsCompleted += 1;
    outcome.completedUntil = window.end;
  }
  return outcome;
}

function chooseStart(
  options: CqcSyncOptions,
  checkpoint: string | null,
): { start: Date; startedFrom: CqcSyncOutcome['startedFrom'] } {
  if (options.since) return { start: options.since, startedFrom: 'since' };
  if (checkpoint) return { start: new Date(checkpoint), startedFrom: 'checkpoint' };
  const lookback = FIRST_RUN_LOOKBACK_DAYS * 86_400_000;
  return { start: new Date(options.until.getTime() - lookback), startedFrom: 'default' };
}
