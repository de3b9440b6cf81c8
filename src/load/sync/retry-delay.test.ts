import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryDelayMs } from './retry-delay.ts';

const POLICY = { baseMs: 500, maxMs: 30_000 };

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-06-01T12:00:00Z');

  it('reads seconds and HTTP dates, and nothing else', () => {
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter(' 2.5 ', now)).toBe(2500);
    expect(parseRetryAfter('Sun, 01 Jun 2025 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 01 Jun 2025 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

describe('retryDelayMs', () => {
  it('doubles the ceiling per attempt up to the maximum, jittered within its upper half', () => {
    // random() = 0 gives half the ceiling, random() → 1 the whole of it.
    expect(retryDelayMs(1, null, POLICY, () => 0)).toBe(250);
    expect(retryDelayMs(1, null, POLICY, () => 1)).toBe(500);
    expect(retryDelayMs(3, null, POLICY, () => 1)).toBe(2000);
    expect(retryDelayMs(20, null, POLICY, () => 1)).toBe(30_000);
    expect(retryDelayMs(20, null, POLICY, () => 0)).toBe(15_000);
  });

  it('never waits less than Retry-After asked, even above the maximum', () => {
    expect(retryDelayMs(1, 1000, POLICY, () => 0)).toBe(1000);
    expect(retryDelayMs(1, 120_000, POLICY, () => 1)).toBe(120_000);
    expect(retryDelayMs(4, 100, POLICY, () => 1)).toBe(4000);
  });
});
