/** Batches and ordered concurrency of the bulk ingest stages. */
import { describe, expect, it } from 'vitest';
import { batchItems } from '../../../src/load/bulk/batch-items.ts';
import { mapOrdered } from '../../../src/load/bulk/map-ordered.ts';

async function* from<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

describe('batchItems', () => {
  it('cuts batches of the given size and a shorter last one', async () => {
    expect(await collect(batchItems(from([1, 2, 3, 4, 5, 6, 7]), { size: 3 }))).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [7],
    ]);
  });

  it('counts only the items that count, but never holds more than maxItems', async () => {
    const items = ['doc', 'skip', 'doc', 'skip', 'skip', 'skip', 'skip', 'doc'];
    const batches = await collect(
      batchItems(from(items), { size: 2, counts: (item) => item === 'doc', maxItems: 4 }),
    );
    expect(batches).toEqual([['doc', 'skip', 'doc'], ['skip', 'skip', 'skip', 'skip'], ['doc']]);
  });

  it('yields nothing for an empty stream', async () => {
    expect(await collect(batchItems(from([]), { size: 5 }))).toEqual([]);
  });
});

describe('mapOrdered', () => {
  it('keeps input order when later items finish first, with at most `concurrency` running', async () => {
    let running = 0;
    let most = 0;
    const delays = [30, 1, 20, 1, 10, 1];
    const results = await collect(
      mapOrdered(
        from(delays.map((delay, index) => ({ delay, index }))),
        3,
        async ({ delay, index }) => {
          running += 1;
          most = Math.max(most, running);
          await new Promise((resolve) => setTimeout(resolve, delay));
          running -= 1;
          return index;
        },
      ),
    );
    expect(results).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(3);
  });

  it('passes a rejection on at its place in the order', async () => {
    const mapped = mapOrdered(from([1, 2, 3]), 2, async (n) => {
      if (n === 2) throw new Error('two');
      return n;
    });
    expect((await mapped.next()).value).toBe(1);
    await expect(mapped.next()).rejects.toThrow('two');
  });
});
