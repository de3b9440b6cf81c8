/**
 * How long to wait before retrying a request: exponential backoff with jitter, or what the
 * server asked for in `Retry-After` (seconds or an HTTP date) when it said, never less.
 */

export interface BackoffPolicy {
  /** Delay before the first retry, before jitter. */
  baseMs: number;
  /** Ceiling of the backoff (a Retry-After longer than this is still honoured). */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 30_000 };

/** Milliseconds a `Retry-After` value asks for, or null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null || value.trim() === '') return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * The wait before retry number `attempt` (1 = the first retry): between half and all of
 * base·2^(attempt−1), capped at maxMs, drawn at random so clients that failed together do not
 * retry together; and at least what Retry-After asked for.
 */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | null,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const backoff = Math.round(ceiling * (0.5 + random() / 2));
  return retryAfterMs === null ? backoff : Math.max(retryAfterMs, backoff);
}
