/**
 * Stage 3: parse and classify reports on the worker pool (or on the main thread with
 * `--workers 0`), a bounded number at a time, results in input order.
 */
import { mapOrdered } from './map-ordered.ts';
import { runParseTask, type ParseOutcome, type ParseTask } from './parse-task.ts';
import type { WorkerPool } from './worker-pool.ts';
import { failedReport, type ParseStageItem, type ReadItem, type ReportItem } from './work-items.ts';

/** Moves a PDF's bytes to the worker instead of copying them. */
function transferList(task: ParseTask): ArrayBuffer[] {
  if (task.kind !== 'bytes') return [];
  const { buffer, byteOffset, byteLength } = task.bytes;
  // Node's small-file reads can share a pooled buffer: only a buffer the task owns may move.
  return buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength ? [buffer] : [];
}

/**
 * On the main thread a parse runs to its end without giving way, and parses chained by promises
 * never let the event loop turn: a batch sent to Neo4j meanwhile stayed in its corked socket (see
 * db/tcp-no-delay.ts), and its answer unread, until the parser ran out of documents. Giving way
 * before each parse lets the write go out and overlap the parsing.
 */
function giveWay(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function parseItem(item: ReportItem, pool: WorkerPool<ParseTask, ParseOutcome> | null): Promise<ParseStageItem> {
  if (!pool) await giveWay();
  const outcome = pool ? await pool.run(item.task, transferList(item.task)) : await runParseTask(item.task);
  if (!outcome.ok) return failedReport(item.file, outcome.message);
  return { kind: 'parsed', file: item.file, document: outcome.document, resumeChecked: item.sha256 !== null };
}

export function parseItems(items: AsyncIterable<ReadItem>, pool: WorkerPool<ParseTask, ParseOutcome> | null, concurrency: number): AsyncGenerator<ParseStageItem> {
  return mapOrdered(items, concurrency, async (item): Promise<ParseStageItem> => (item.kind === 'report' ? parseItem(item, pool) : item));
}
