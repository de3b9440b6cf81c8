import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatabaseError } from '../db/errors.ts';
import { RequestBudget } from './request-budget.ts';

/** A piece of work the test finishes by hand, recording the timeout it was given. */
function heldWork() {
  const given: number[] = [];
  const releases: (() => void)[] = [];
  const work = (timeoutMs: number) =>
    new Promise<string>((resolve) => {
      given.push(timeoutMs);
      releases.push(() => resolve('done'));
    });
  return { work, given, releases };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('RequestBudget', () => {
  afterEach(() => vi.useRealTimers());

  it('holds at most maxSessions transactions open, the rest waiting in order', async () => {
    const budget = new RequestBudget({ timeoutMs: 60_000, maxSessions: 2 });
    const { work, given, releases } = heldWork();
    const runs = [1, 2, 3, 4].map(() => budget.gate(1000, work));
    await flush();
    expect(given).toHaveLength(2);
    expect(budget.openSessions).toBe(2);
    releases[0]!();
    await flush();
    expect(given).toHaveLength(3);
    expect(budget.openSessions).toBe(2);
    releases[1]!();
    releases[2]!();
    await flush();
    releases[3]!();
    expect(await Promise.all(runs)).toEqual(['done', 'done', 'done', 'done']);
    expect(budget.openSessions).toBe(0);
  });

  it('frees the session of a transaction that failed', async () => {
    const budget = new RequestBudget({ timeoutMs: 60_000, maxSessions: 1 });
    await expect(budget.gate(1000, () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(await budget.gate(1000, async () => 'next')).toBe('next');
  });

  it('gives a transaction no more time than is left, and refuses one after the deadline', async () => {
    let now = 1_000;
    const budget = new RequestBudget({ timeoutMs: 5_000, maxSessions: 4, now: () => now });
    const timeouts: number[] = [];
    await budget.gate(15_000, async (t) => timeouts.push(t));
    now += 4_000;
    await budget.gate(15_000, async (t) => timeouts.push(t));
    await budget.gate(500, async (t) => timeouts.push(t));
    expect(timeouts).toEqual([5_000, 1_000, 500]);
    now += 1_000;
    const late = budget.gate(15_000, async () => 'ran');
    await expect(late).rejects.toMatchObject({ extensions: { code: 'REQUEST_TIMEOUT' } });
  });

  it('reports a Neo4j timeout as the deadline only when the deadline cut the timeout short', async () => {
    let now = 0;
    const budget = new RequestBudget({ timeoutMs: 2_000, maxSessions: 4, now: () => now });
    const timedOut = () =>
      Promise.reject(
        new DatabaseError(
          'TIMEOUT',
          'TIMEOUT in query x',
          'x',
          'Neo.ClientError.Transaction.TransactionTimedOut',
        ),
      );
    await expect(budget.gate(1_000, timedOut)).rejects.toBeInstanceOf(DatabaseError);
    now = 1_500;
    await expect(budget.gate(1_000, timedOut)).rejects.toMatchObject({
      extensions: { code: 'REQUEST_TIMEOUT' },
    });
  });

  it('fails a transaction still waiting for a session when the deadline passes', async () => {
    vi.useFakeTimers();
    const budget = new RequestBudget({ timeoutMs: 1_000, maxSessions: 1 });
    const { work, releases } = heldWork();
    const first = budget.gate(5_000, work);
    const waiting = budget.gate(5_000, work);
    const outcome = waiting.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(1_001);
    expect(await outcome).toMatchObject({ extensions: { code: 'REQUEST_TIMEOUT' } });
    releases[0]!();
    expect(await first).toBe('done');
    expect(budget.openSessions).toBe(0);
  });
});
