/**
 * Requests per minute per client address, as a token bucket: a client may send `perMinute`
 * requests at once, then one each 60/perMinute seconds as its bucket refills. Clients on this
 * machine (127.0.0.0/8, ::1) are not limited unless `limitLoopback` says so: the server listens
 * on 127.0.0.1 by default, where every client is one address and a limit would throttle them all
 * together. The address is the socket's: behind a proxy every client is the proxy.
 */

export interface RateLimitOptions {
  /** Requests per minute per client; 0 turns the limit off. */
  perMinute: number;
  limitLoopback: boolean;
  /** Clock in ms (tests give their own). */
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets kept before idle (full) ones are swept out. */
const SWEEP_AT = 10_000;

export function isLoopback(address: string): boolean {
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

export class ClientRateLimiter {
  readonly #perMinute: number;
  readonly #limitLoopback: boolean;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(options: RateLimitOptions) {
    this.#perMinute = options.perMinute;
    this.#limitLoopback = options.limitLoopback;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Takes one request from the client's allowance: null when it may go on, else the whole
   * seconds to wait before its next request is accepted.
   */
  take(address: string | undefined): number | null {
    if (this.#perMinute === 0 || address === undefined) return null;
    if (!this.#limitLoopback && isLoopback(address)) return null;
    const now = this.#now();
    const bucket = this.#buckets.get(address) ?? { tokens: this.#perMinute, at: now };
    bucket.tokens = Math.min(this.#perMinute, bucket.tokens + this.#refill(now - bucket.at));
    bucket.at = now;
    if (!this.#buckets.has(address)) {
      if (this.#buckets.size >= SWEEP_AT) this.#sweep(now);
      this.#buckets.set(address, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return null;
    }
    const waitMs = Math.round(((1 - bucket.tokens) * 60_000) / this.#perMinute);
    return Math.max(1, Math.ceil(waitMs / 1000));
  }

  #refill(elapsedMs: number): number {
    return (elapsedMs * this.#perMinute) / 60_000;
  }

  /** Forgets clients whose bucket has refilled: they are as if never seen. */
  #sweep(now: number): void {
    for (const [address, bucket] of this.#buckets) {
      if (bucket.tokens + this.#refill(now - bucket.at) >= this.#perMinute)
        this.#buckets.delete(address);
    }
  }
}
