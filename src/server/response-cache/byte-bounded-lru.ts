/**
 * A least-recently-used map bounded by bytes, not entries: answers range from a few bytes to
 * megabytes, so a count bound would bound nothing. A Map keeps insertion order, and a read moves
 * its entry to the end, so the first key is always the least recently used.
 */
export class ByteBoundedLru<Value> {
  private readonly entries = new Map<string, { value: Value; bytes: number }>();
  private usedBytes = 0;
  private evictedCount = 0;

  constructor(readonly maxBytes: number) {}

  get(key: string): Value | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Stores `value` as `bytes`, evicting the least recently used; false when it alone exceeds the bound. */
  set(key: string, value: Value, bytes: number): boolean {
    this.delete(key);
    if (bytes > this.maxBytes) return false;
    this.entries.set(key, { value, bytes });
    this.usedBytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.usedBytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.usedBytes -= entry.bytes;
      this.evictedCount += 1;
    }
    return true;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.usedBytes -= entry.bytes;
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.usedBytes;
  }

  /** Entries pushed out by the bound since the start (not those replaced or deleted). */
  get evictions(): number {
    return this.evictedCount;
  }
}
