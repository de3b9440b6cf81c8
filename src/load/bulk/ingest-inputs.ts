/**
 * The bulk ingest pipeline behind `npm run ingest`: lazy walk → read and hash (main thread) →
 * skip reports already in the graph → parse and classify (worker threads; text on the main
 * thread on two cores or fewer, see defaultWorkerCount) → load in batches →
 * one result per file or record, streamed in input order. Every stage pulls from the one before
 * through a bounded buffer, so memory holds a few batches, not the corpus.
 */
import { availableParallelism } from 'node:os';
import type { Database } from '../../db/executor.ts';
import type { DataFileProgress } from '../../ingest/datasets/read-progress.ts';
import type { ReportMeta } from '../../ingest/meta.ts';
import { walkInputFiles } from '../../ingest/sources/read-source.ts';
import { DEFAULT_REPORT_LIMITS, type ReportLimits } from '../report-limits.ts';
import { runAhead } from './bounded-queue.ts';
import { loadItems } from './load-items.ts';
import { parseItems } from './parse-items.ts';
import { ParseRunner } from './parse-runner.ts';
import { readWorkItems } from './read-items.ts';
import { skipLoadedReports } from './skip-loaded.ts';
import type { ItemResult } from './work-items.ts';

export interface BulkIngestOptions {
  /** null = dry run. */
  db: Database | null;
  force: boolean;
  meta: ReportMeta | null;
  /** Parse worker threads; 0 parses text on the main thread (PDF and HTML still in a worker). */
  workers: number;
  batchSize: number;
  keepDocuments: boolean;
  /** Largest report file and most findings per report (DEFAULT_REPORT_LIMITS unless set). */
  limits?: ReportLimits;
  /** How far a data file's load has got, after each batch of its rows. */
  onDataProgress?: (file: string, progress: DataFileProgress) => void;
}

/**
 * One parse worker per core, leaving one for the main thread (reading, loading) and Neo4j; none
 * on two cores or fewer. There a worker adds no parallelism the main thread lacks (it overlaps
 * parsing with Neo4j's writes by itself) and copying each text to the worker and each document
 * back costs CPU the machine does not have: on two cores one worker was slower than none.
 */
export function defaultWorkerCount(): number {
  const cores = availableParallelism();
  return cores <= 2 ? 0 : cores - 1;
}

export async function* ingestInputs(
  inputs: readonly string[],
  options: BulkIngestOptions,
): AsyncGenerator<ItemResult> {
  const runner = new ParseRunner(options.workers);
  try {
    const limits = options.limits ?? DEFAULT_REPORT_LIMITS;
    const read = readWorkItems(walkInputFiles(inputs), { meta: options.meta, limits });
    const fresh = skipLoadedReports(read, {
      db: options.db,
      force: options.force,
      groupSize: options.batchSize,
    });
    // Two tasks per worker keep every worker busy while the main thread hands out the next.
    const parsed = parseItems(fresh, runner, Math.max(2, options.workers * 2), limits);
    // Parsing runs up to a batch ahead while the previous batch is being written.
    yield* loadItems(runAhead(parsed, options.batchSize), options);
  } finally {
    await runner.close();
  }
}
