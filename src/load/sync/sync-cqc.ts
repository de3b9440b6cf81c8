/**
 * `npm run sync -- --cqc`: keeps the graph current from the CQC Syndication API. From the
 * checkpoint in the graph (or `since`) to `until`, window by window: fetch the window's changed
 * locations, providers and their reports into the cache (fetch-window.ts), load those files
 * through the same bulk pipeline as `npm run ingest` (so provenance, idempotence and the summary
 * are the same, and a file already in the graph is `unchanged`), then move the checkpoint to the
 * window's end. A window whose fetch did not complete stops the run with the checkpoint where it
 * was; what it fetched stays in the cache, so the next run asks only for the rest.
 *
 * A file fetched whole that the ingest cannot read or load (a report PDF in a format the parsers
 * do not know, a corrupt download) does not hold the window: it is one failed line, counted, kept
 * on the checkpoint node (failed-items.ts) and ingested again from the cache at the start of the
 * next run, so a later fix reaches it and an unattended daily run is not stuck on it.
 */
import type { Database } from '../../db/executor.ts';
import { existsSync } from 'node:fs';
import {
  readSyncCheckpoint,
  readSyncFailures,
  saveSyncCheckpoint,
  saveSyncFailures,
  type SyncFailure,
} from '../../graph/sync-checkpoint.ts';
import type { ReportLimits } from '../report-limits.ts';
import { ingestInputs } from '../bulk/ingest-inputs.ts';
import type { ItemResult } from '../bulk/work-items.ts';
import type { CqcCache } from './cqc-cache.ts';
import { FailedItems } from './failed-items.ts';
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
  /** Items earlier runs could not read or load, ingested again at the start of this one. */
  retried: number;
  /** Items not read or loaded after this run (new ones and retried ones still failing), kept for the next. */
  failedItems: SyncFailure[];
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
    retried: 0,
    failedItems: [],
  };
  const failed = new FailedItems(
    await options.db.read(readSyncFailures, { source: CQC_SYNC_SOURCE }),
  );
  outcome.retried = await retryFailedItems(failed, options);
  const saveFailures = () =>
    options.db.write(saveSyncFailures, { source: CQC_SYNC_SOURCE, failures: failed.list() });
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
    await ingestFiles(fetched.files, failed, options);
    if (fetched.failures.length > 0) {
      outcome.failures = fetched.failures;
      break;
    }
    // Failures first: a run stopped between the two statements retries them all the same.
    await saveFailures();
    await options.db.write(saveSyncCheckpoint, {
      source: CQC_SYNC_SOURCE,
      completedUntil: window.end,
    });
    outcome.windowsCompleted += 1;
    outcome.completedUntil = window.end;
  }
  await saveFailures();
  outcome.failedItems = failed.list();
  return outcome;
}

async function ingestFiles(
  files: readonly string[],
  failed: FailedItems,
  options: CqcSyncOptions,
): Promise<void> {
  for await (const result of ingestInputs([...files], {
    db: options.db,
    force: false,
    meta: null,
    workers: options.workers,
    batchSize: options.batchSize,
    keepDocuments: false,
    limits: options.limits,
  })) {
    failed.record(result);
    options.onResult(result);
  }
}

/** Ingests again, from the cache, what earlier runs could not; returns how many items that was. */
async function retryFailedItems(failed: FailedItems, options: CqcSyncOptions): Promise<number> {
  const items = failed.list();
  for (const failure of items)
    if (!existsSync(failure.file)) {
      options.log(
        `sync: ${failure.item} failed earlier (${failure.message}) and is no longer in the cache; dropped from the retry list`,
      );
      failed.drop(failure.item);
    }
  const files = failed.files();
  if (files.length === 0) return 0;
  options.log(`sync: retrying ${failed.size} item(s) that failed in earlier runs`);
  const retried = failed.size;
  await ingestFiles(files, failed, options);
  return retried;
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
