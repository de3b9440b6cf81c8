/**
 * Groups a stream into arrays, pulling lazily. A batch closes when `size` of its items count
 * (`counts`: the documents to load, say) or, so that items that do not count (skips, failures)
 * are never held back for long, when it holds `maxItems` items in all; the last may be shorter.
 */
export interface BatchRule<T> {
  size: number;
  counts?: (item: T) => boolean;
  maxItems?: number;
}

export async function* batchItems<T>(
  source: AsyncIterable<T>,
  rule: BatchRule<T>,
): AsyncGenerator<T[]> {
  const { size, counts = () => true } = rule;
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`batch size must be a whole number ≥ 1, got ${size}`);
  const maxItems = Math.max(rule.maxItems ?? size, size);
  let batch: T[] = [];
  let counted = 0;
  for await (const item of source) {
    batch.push(item);
    if (counts(item)) counted += 1;
    if (counted >= size || batch.length >= maxItems) {
      yield batch;
      batch = [];
      counted = 0;
    }
  }
  if (batch.length > 0) yield batch;
}
