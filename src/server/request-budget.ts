/**
 * One GraphQL request's share of the database: at most `maxSessions` transactions at once (the
 * rest wait in order), none once its deadline has passed, and each with no more time than is
 * left. Without it three requests of 700 aliases held all 50 pooled connections, and another
 * client's one-location query failed waiting for one.
 */
import { GraphQLError } from 'graphql';
import { DatabaseError } from '../db/errors.ts';
import type { SessionGate } from '../db/executor.ts';
import { ErrorCode } from '../model/error-codes.ts';

export interface RequestBudgetOptions {
  /** Total time the request may take, from now. */
  timeoutMs: number;
  /** Transactions the request may have open at once. */
  maxSessions: number;
  /** Clock in ms (tests give their own). */
  now?: () => number;
}

interface Waiter {
  enter: () => void;
  timer: NodeJS.Timeout;
}

export function deadlineError(timeoutMs: number): GraphQLError {
  return new GraphQLError(
    `The request ran past its deadline of ${timeoutMs} ms and was stopped: ask for less (smaller pages, fewer fields) or split it.`,
    { extensions: { code: ErrorCode.RequestTimeout } },
  );
}

export class RequestBudget {
  readonly #timeoutMs: number;
  readonly #deadlineAt: number;
  readonly #maxSessions: number;
  readonly #now: () => number;
  readonly #waiting: Waiter[] = [];
  #open = 0;

  constructor(options: RequestBudgetOptions) {
    if (!Number.isInteger(options.maxSessions) || options.maxSessions < 1)
      throw new RangeError(`maxSessions must be a whole number ≥ 1, got ${options.maxSessions}`);
    this.#now = options.now ?? Date.now;
    this.#timeoutMs = options.timeoutMs;
    this.#deadlineAt = this.#now() + options.timeoutMs;
    this.#maxSessions = options.maxSessions;
  }

  /** Milliseconds left before the deadline (≤ 0 once it has passed). */
  get remainingMs(): number {
    return this.#deadlineAt - this.#now();
  }

  /** Transactions open now (tests look). */
  get openSessions(): number {
    return this.#open;
  }

  /** The Database gate (db/executor.ts) that enforces this budget. */
  readonly gate: SessionGate = async (timeoutMs, work) => {
    await this.#enter();
    try {
      const left = this.remainingMs;
      if (left <= 0) throw deadlineError(this.#timeoutMs);
      const timeout = Math.min(timeoutMs, Math.ceil(left));
      try {
        return await work(timeout);
      } catch (error) {
        // Neo4j stopped a transaction whose timeout was cut short to the deadline: the request's
        // deadline is what ran out, not the per-query timeout.
        if (timeout < timeoutMs && error instanceof DatabaseError && error.kind === 'TIMEOUT')
          throw deadlineError(this.#timeoutMs);
        throw error;
      }
    } finally {
      this.#leave();
    }
  };

  #enter(): Promise<void> {
    const left = this.remainingMs;
    if (left <= 0) return Promise.reject(deadlineError(this.#timeoutMs));
    if (this.#open < this.#maxSessions) {
      this.#open += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        enter: resolve,
        timer: setTimeout(() => {
          this.#waiting.splice(this.#waiting.indexOf(waiter), 1);
          reject(deadlineError(this.#timeoutMs));
        }, left),
      };
      waiter.timer.unref();
      this.#waiting.push(waiter);
    });
  }

  #leave(): void {
    const next = this.#waiting.shift();
    if (!next) {
      this.#open -= 1;
      return;
    }
    // The session passes straight to the next waiter: the count of open sessions stays.
    clearTimeout(next.timer);
    next.enter();
  }
}
