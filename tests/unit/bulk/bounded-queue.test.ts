/** The queue between bulk ingest stages: order, backpressure, close and failure. */
import { describe, expect, it } from 'vitest';
import { BoundedQueue, runAhead } from '../../../src/load/bulk/bounded-queue.ts';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('BoundedQueue', () => {
  it('holds a producer back while full and lets it go as the consumer takes items', async () => {
    const queue = new BoundedQueue<number>(2);
    const pushed: number[] = [];
    const producer = (async () => {
      for (const n of [1, 2, 3, 4]) {
        await queue.push(n);
        pushed.push(n);
      }
      queue.close();
    })();
    await tick();
    expect(pushed).toEqual([1, 2]);
    expect(queue.size).toBe(2);
    const consumer = queue[Symbol.asyncIterator]();
    expect((await consumer.next()).value).toBe(1);
    await tick();
    expect(pushed).toEqual([1, 2, 3]);
    const rest: number[] = [];
    for (let next = await consumer.next(); !next.done; next = await consumer.next())
      rest.push(next.value);
    await producer;
    expect(rest).toEqual([2, 3, 4]);
  });

  it('gives the consumer the producer’s error after the items queued before it', async () => {
    const queue = new BoundedQueue<string>(4);
    await queue.push('a');
    queue.fail(new Error('disk gone'));
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const item of queue) seen.push(item);
      })(),
    ).rejects.toThrow('disk gone');
    expect(seen).toEqual(['a']);
  });

  it('refuses a capacity below one', () => {
    expect(() => new BoundedQueue(0)).toThrow(RangeError);
  });
});

describe('runAhead', () => {
  it('pulls at most its capacity ahead of a consumer that is not reading', async () => {
    let produced = 0;
    async function* source() {
      for (let i = 0; i < 100; i += 1) {
        produced += 1;
        yield i;
      }
    }
    const ahead = runAhead(source(), 3);
    for (let i = 0; i < 20; i += 1) await tick();
    // 3 queued plus the one waiting for room.
    expect(produced).toBeLessThanOrEqual(4);
    const all: number[] = [];
    for await (const n of ahead) all.push(n);
    expect(all).toEqual([...Array(100).keys()]);
  });
});
