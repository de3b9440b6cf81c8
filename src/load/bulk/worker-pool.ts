/**
 * A fixed pool of worker threads running one TypeScript entry, one task per worker at a time,
 * tasks beyond the pool's size waiting in order. A worker that crashes (uncaught exception, out
 * of memory, exit) fails only the task it was running, as an outcome from `onCrash`, and is
 * replaced; the pool goes on.
 */
import { Worker } from 'node:worker_threads';

const BOOTSTRAP = new URL('./tsx-worker-bootstrap.mjs', import.meta.url);

export interface WorkerPoolOptions<Outcome> {
  size: number;
  /** The worker's TypeScript module: it answers `{ id, task }` messages with `{ id, outcome }`. */
  entry: URL;
  /** The outcome of a task whose worker died, from a one-line reason. */
  onCrash: (reason: string) => Outcome;
  /** Heap limit per worker, so one pathological file cannot take the whole machine's memory. */
  maxHeapMb?: number;
}

interface Job<Task, Outcome> {
  id: number;
  task: Task;
  transfer: ArrayBuffer[];
  resolve: (outcome: Outcome) => void;
}

interface Slot<Task, Outcome> {
  worker: Worker;
  job: Job<Task, Outcome> | null;
}

function describeCrash(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error))
    .split('\n')[0]!
    .slice(0, 200);
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
}

export class WorkerPool<Task, Outcome> {
  readonly #options: WorkerPoolOptions<Outcome>;
  readonly #slots: Slot<Task, Outcome>[] = [];
  readonly #waiting: Job<Task, Outcome>[] = [];
  #nextId = 1;
  #closed = false;
  /** Crashes since a worker last answered: a worker that cannot even start must not respawn forever. */
  #crashesInARow = 0;

  constructor(options: WorkerPoolOptions<Outcome>) {
    if (!Number.isInteger(options.size) || options.size < 1)
      throw new RangeError(`worker pool size must be a whole number ≥ 1, got ${options.size}`);
    this.#options = options;
    for (let i = 0; i < options.size; i += 1) this.#slots.push(this.#startSlot());
  }

  /** Runs a task on the next free worker; `transfer` buffers move to the worker rather than being copied. */
  run(task: Task, transfer: ArrayBuffer[] = []): Promise<Outcome> {
    if (this.#closed) return Promise.resolve(this.#options.onCrash('worker pool is closed'));
    return new Promise<Outcome>((resolve) => {
      this.#waiting.push({ id: this.#nextId++, task, transfer, resolve });
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#waiting.splice(0))
      job.resolve(this.#options.onCrash('worker pool closed before the task ran'));
    await Promise.all(this.#slots.map((slot) => slot.worker.terminate()));
  }

  #startSlot(): Slot<Task, Outcome> {
    const { maxHeapMb } = this.#options;
    const worker = new Worker(BOOTSTRAP, {
      workerData: { entry: this.#options.entry.href },
      ...(maxHeapMb ? { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } } : {}),
    });
    const slot: Slot<Task, Outcome> = { worker, job: null };
    worker.on('message', (message: { id: number; outcome: Outcome }) => {
      const job = slot.job;
      if (!job || job.id !== message.id) return;
      slot.job = null;
      this.#crashesInARow = 0;
      job.resolve(message.outcome);
      this.#dispatch();
    });
    worker.on('error', (error) =>
      this.#replace(slot, `parse worker crashed: ${describeCrash(error)}`),
    );
    worker.on('exit', (code) => this.#replace(slot, `parse worker exited with code ${code}`));
    return slot;
  }

  /** Fails the slot's task (if any) and starts a new worker in its place. */
  #replace(slot: Slot<Task, Outcome>, reason: string): void {
    const index = this.#slots.indexOf(slot);
    if (index < 0) return; // already replaced ('error' is followed by 'exit')
    const job = slot.job;
    slot.job = null;
    job?.resolve(this.#options.onCrash(reason));
    if (this.#closed) return;
    this.#crashesInARow += 1;
    if (this.#crashesInARow > 3 * this.#slots.length) {
      for (const waiting of this.#waiting.splice(0))
        waiting.resolve(this.#options.onCrash(`${reason} (workers keep crashing; pool stopped)`));
      void this.close();
      return;
    }
    this.#slots[index] = this.#startSlot();
    void slot.worker.terminate();
    this.#dispatch();
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      if (slot.job || this.#waiting.length === 0) continue;
      const job = this.#waiting.shift()!;
      slot.job = job;
      slot.worker.postMessage({ id: job.id, task: job.task }, job.transfer);
    }
  }
}
