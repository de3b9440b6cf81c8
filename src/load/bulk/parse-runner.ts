/**
 * Where each parse task runs. With workers (`--workers N`, N ≥ 1) every task goes to the pool.
 * With none (`--workers 0`, the default on two cores or fewer), text reports parse on the main
 * thread and PDF and HTML pages still convert in one worker thread, started when the first one
 * arrives: pdf.js on a hostile file is the likeliest thing to exhaust memory, and in a worker
 * only that file fails.
 */
import { runParseTask, type ParseOutcome, type ParseTask } from './parse-task.ts';
import { WorkerPool } from './worker-pool.ts';

const PARSE_WORKER = new URL('./parse-worker.ts', import.meta.url);
const WORKER_HEAP_MB = 1536;

/** Moves a PDF's bytes to the worker instead of copying them. */
function transferList(task: ParseTask): ArrayBuffer[] {
  if (task.kind !== 'bytes') return [];
  const { buffer, byteOffset, byteLength } = task.bytes;
  // Node's small-file reads can share a pooled buffer: only a buffer the task owns may move.
  return buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength
    ? [buffer]
    : [];
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

export class ParseRunner {
  readonly #workers: number;
  #pool: WorkerPool<ParseTask, ParseOutcome> | null = null;

  /** `workers` parse threads; 0 parses text on the main thread. */
  constructor(workers: number) {
    if (!Number.isInteger(workers) || workers < 0)
      throw new RangeError(`parse workers must be a whole number ≥ 0, got ${workers}`);
    this.#workers = workers;
    // Started now when every task goes there, so the first batch does not wait for it.
    if (workers > 0) this.#startPool();
  }

  /** Whether a worker thread has been started (none is, with 0 workers, until a PDF or HTML page comes). */
  get hasWorkers(): boolean {
    return this.#pool !== null;
  }

  async run(task: ParseTask): Promise<ParseOutcome> {
    if (this.#workers === 0 && task.kind === 'text') {
      await giveWay();
      return runParseTask(task);
    }
    return (this.#pool ?? this.#startPool()).run(task, transferList(task));
  }

  async close(): Promise<void> {
    await this.#pool?.close();
  }

  #startPool(): WorkerPool<ParseTask, ParseOutcome> {
    this.#pool = new WorkerPool<ParseTask, ParseOutcome>({
      size: Math.max(1, this.#workers),
      entry: PARSE_WORKER,
      onCrash: (reason) => ({ ok: false, message: reason }),
      maxHeapMb: WORKER_HEAP_MB,
    });
    return this.#pool;
  }
}
