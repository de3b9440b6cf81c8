/**
 * A first-in first-out queue with a capacity: `push` waits while the queue is full, so a fast
 * producer is held back by a slow consumer (backpressure) and memory stays bounded however
 * large the corpus. One producer and one consumer; iterate it with `for await`.
 */
export class BoundedQueue<T> implements AsyncIterable<T> {
  readonly #capacity: number;
  readonly #items: T[] = [];
  #closed = false;
  #failure: { error: unknown } | null = null;
  /** Resolved when the queue gains room (a producer waits on it). */
  #roomWaiters: (() => void)[] = [];
  /** Resolved when the queue gains an item or closes (the consumer waits on it). */
  #itemWaiters: (() => void)[] = [];

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`queue capacity must be a whole number ≥ 1, got ${capacity}`);
    this.#capacity = capacity;
  }

  get size(): number {
    return this.#items.length;
  }

  async push(item: T): Promise<void> {
    while (this.#items.length >= this.#capacity && !this.#closed) {
      await new Promise<void>((resolve) => this.#roomWaiters.push(resolve));
    }
    if (this.#closed) throw new Error('push to a closed queue');
    this.#items.push(item);
    this.#wake(this.#itemWaiters);
  }

  /** No more items: the consumer drains what is queued, then its loop ends. */
  close(): void {
    this.#closed = true;
    this.#wake(this.#itemWaiters);
    this.#wake(this.#roomWaiters);
  }

  /** The producer failed: the consumer gets the error once it has drained what is queued. */
  fail(error: unknown): void {
    this.#failure = { error };
    this.close();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      if (this.#items.length > 0) {
        const item = this.#items.shift() as T;
        this.#wake(this.#roomWaiters);
        yield item;
        continue;
      }
      if (this.#closed) {
        if (this.#failure) throw this.#failure.error;
        return;
      }
      await new Promise<void>((resolve) => this.#itemWaiters.push(resolve));
    }
  }

  #wake(waiters: (() => void)[]): void {
    for (const wake of waiters.splice(0)) wake();
  }
}

/**
 * Runs `source` ahead of its consumer into a queue of `capacity` items, so the stage before
 * keeps working while the stage after waits (on the database, say), but never more than
 * `capacity` items ahead.
 */
export function runAhead<T>(source: AsyncIterable<T>, capacity: number): AsyncIterable<T> {
  const queue = new BoundedQueue<T>(capacity);
  void (async () => {
    try {
      for await (const item of source) await queue.push(item);
      queue.close();
    } catch (error) {
      queue.fail(error);
    }
  })();
  return queue;
}
