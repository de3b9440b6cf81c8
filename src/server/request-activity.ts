/**
 * The HTTP requests this server is answering now, so that background work started by the server
 * itself (the question warm-up after a start) can step aside: on two cores a warm-up query that
 * runs beside a user's first question makes that question seconds slower, which is the opposite
 * of what warming is for.
 */
import type { ServerResponse } from 'node:http';

export class RequestActivity {
  private inFlight = 0;
  private waiters: Array<() => void> = [];

  /** Counts `res`'s request until its response is finished or its connection closed. */
  track(res: ServerResponse): void {
    this.inFlight += 1;
    res.once('close', () => {
      this.inFlight -= 1;
      if (this.inFlight > 0) return;
      const waiters = this.waiters;
      this.waiters = [];
      for (const wake of waiters) wake();
    });
  }

  /** Requests being answered now. */
  get active(): number {
    return this.inFlight;
  }

  /** Resolves at once when no request is being answered, else when the last one ends. */
  whenIdle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
