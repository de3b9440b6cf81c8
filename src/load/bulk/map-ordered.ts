/**
 * Maps an async stream with up to `concurrency` calls of `fn` running at once, yielding the
 * results in the order of the input (so output lines and load order do not depend on which
 * worker finished first). It pulls the next input only when a slot is free: at most
 * `concurrency` items are in flight.
 */
export async function* mapOrdered<T, R>(
  source: AsyncIterable<T>,
  concurrency: number,
  fn: (item: T) => Promise<R>,
): AsyncGenerator<R> {
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new RangeError(`concurrency must be a whole number ≥ 1, got ${concurrency}`);
  const inFlight: Promise<R>[] = [];
  for await (const item of source) {
    const pending = fn(item);
    // A rejection is seen when its turn comes; until then it must not count as unhandled.
    pending.catch(() => {});
    inFlight.push(pending);
    if (inFlight.length >= concurrency) yield await (inFlight.shift() as Promise<R>);
  }
  while (inFlight.length > 0) yield await (inFlight.shift() as Promise<R>);
}
