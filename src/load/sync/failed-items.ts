/**
 * The items a sync could not read or load (a report PDF in a format the parsers cannot read, a
 * record the loader refused): kept by item, so a later success of the same item (a retry, or the
 * file listed again by a later window) takes it off the list, and a new failure replaces its reason.
 */
import type { SyncFailure } from '../../graph/sync-checkpoint.ts';
import type { ItemResult } from '../bulk/work-items.ts';

export class FailedItems {
  readonly #items = new Map<string, SyncFailure>();

  constructor(earlier: readonly SyncFailure[] = []) {
    for (const failure of earlier) this.#items.set(failure.item, failure);
  }

  /** Notes what one ingest result says of its item. */
  record(result: ItemResult): void {
    if (result.status === 'failed') {
      const file = result.kind === 'report' ? (result.recordOf ?? result.file) : result.file;
      this.#items.set(result.file, { item: result.file, file, message: result.message });
    } else this.#items.delete(result.file);
  }

  /** Drops an item whose file is no longer there to retry. */
  drop(item: string): void {
    this.#items.delete(item);
  }

  /** The distinct files to ingest again to retry every item, in the order they failed. */
  files(): string[] {
    return [...new Set([...this.#items.values()].map((failure) => failure.file))];
  }

  list(): SyncFailure[] {
    return [...this.#items.values()];
  }

  get size(): number {
    return this.#items.size;
  }
}
