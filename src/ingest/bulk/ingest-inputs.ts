/**
 * The bulk ingest pipeline behind `npm run ingest`: lazy walk → read and hash (main thread) →
 * skip reports already in the graph → parse and classify (worker threads) → load in batches →
 * one result per file or record, streamed in input order. Every stage pulls from the one before
 * through a bounded buffer, so memory holds a few batches, not the corpus.
 */
import { availableParallelism } from 'node:os';
import type { Database } from '../../db/executor.ts';
import type { DataFileProgress } from '../datasets/index.ts';
import type { ReportMeta } from '../meta.ts';
import { walkInputFiles } from '../sources/read-source.ts';
import { runAhead } from './bounded-queue.ts';
import { loadItems } from './load-items.ts';
import { parseItems } from './parse-items.ts';
import type { ParseOutcome, ParseTask } from './parse-task.ts';
import { readWorkItems } from './read-items.ts';
import { skipLoadedReports } from './skip-loaded.ts';
import type { ItemResult } from './work-items.ts';
import { WorkerPool } from './worker-pool.ts';

export interface BulkIngestOptions {
  /** null = dry run. */
  db: Database | null;
  force: boolean;
  meta: ReportMeta | null;
  /** Parse worker threads; 0 parses on the main thread. */
  workers: number;
  batchSize: number;
  keepDocuments: boolean;
  /** A multi-record file held this many more reports than the one file the walk counted. */
  onExtraItems?: (count: number) => void;
  /** How far a data file's load has got, after each batch of its rows. */
  onDataProgress?: (file: string, progress: DataFileProgress) => void;
}

/** One worker per core, leaving one for the main thread (reading, loading) and Neo4j. */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism() - 1);
}

const PARSE_WORKER = new URL('./parse-worker.ts', import.meta.url);
const WORKER_HEAP_MB = 1536;

export async function* ingestInputs(inputs: readonly string[], options: BulkIngestOptions): AsyncGenerator<ItemResult> {
  const pool =
    options.workers > 0
      ? new WorkerPool<ParseTask, ParseOutcome>({
          size: options.workers,
          entry: PARSE_WORKER,
          onCrash: (reason) => ({ ok: false, message: reason }),
          maxHeapMb: WORKER_HEAP_MB,
        })
      : null;
  try {
    const read = readWorkItems(walkInputFiles(inputs), { meta: options.meta, onExtraItems: options.onExtraItems });
    const fresh = skipLoadedReports(read, { db: options.db, force: options.force, groupSize: options.batchSize });
    // Two tasks per worker keep every worker busy while the main thread hands out the next.
    const parsed = parseItems(fresh, pool, Math.max(2, options.workers * 2));
    // Parsing runs up to a batch ahead while the previous batch is being written.
    yield* loadItems(runAhead(parsed, options.batchSize), options);
  } finally {
    await pool?.close();
  }
}
