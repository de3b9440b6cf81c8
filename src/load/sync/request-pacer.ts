/**
 * Spaces requests to at most `perSecond` a second, whoever asks: each caller waits for its
 * slot, so concurrent callers queue rather than burst. The CQC asks clients to keep well under
 * its throttle; a 429 is handled by the retry, not here.
 */
export class RequestPacer {
  readonly #intervalMs: number;
  #nextSlot = 0;

  constructor(perSecond: number) {
    this.#intervalMs = perSecond > 0 ? 1000 / perSecond : 0;
  }

  /** Resolves when the caller may send its request. */
  async waitTurn(): Promise<void> {
    const now = Date.now();
    const slot = Math.max(now, this.#nextSlot);
    this.#nextSlot = slot + this.#intervalMs;
    if (slot > now) await sleep(slot - now);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
