/**
 * Answers to GraphQL queries kept in memory, keyed by operation, variables, identity and the
 * graph's answer version (see cache-key.ts). Nothing here expires by time: a write moves the
 * version, so its old answers are never asked for again and age out of the LRU.
 */
import { createHash } from 'node:crypto';
import { ByteBoundedLru } from './byte-bounded-lru.ts';

export interface CachedAnswer {
  /** The answer's `data`, as JSON text: its size is what the bound counts. */
  json: string;
  etag: string;
}

/** Map and bookkeeping around each entry, besides its text, its key and its ETag. */
const ENTRY_OVERHEAD_BYTES = 128;

export interface ResponseCacheStats {
  entries: number;
  bytes: number;
  maxBytes: number;
  hits: number;
  misses: number;
  evictions: number;
}

/** A strong entity tag from the answer's text: a write that leaves this answer alone keeps it. */
export function computeEtag(json: string): string {
  return `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
}

/** What an entry counts against the bound: its text, key and ETag, and a fixed overhead. */
export function measureEntryBytes(key: string, answer: CachedAnswer): number {
  return Buffer.byteLength(answer.json) + key.length + answer.etag.length + ENTRY_OVERHEAD_BYTES;
}

export class ResponseCache {
  private readonly lru: ByteBoundedLru<CachedAnswer>;
  private hitCount = 0;
  private missCount = 0;

  constructor(maxBytes: number) {
    this.lru = new ByteBoundedLru(maxBytes);
  }

  get(key: string): CachedAnswer | undefined {
    const answer = this.lru.get(key);
    if (answer) this.hitCount += 1;
    else this.missCount += 1;
    return answer;
  }

  /** Keeps the answer's data; returns what was kept (the ETag is made either way). */
  store(key: string, data: unknown): CachedAnswer {
    const json = JSON.stringify(data);
    const answer = { json, etag: computeEtag(json) };
    this.lru.set(key, answer, measureEntryBytes(key, answer));
    return answer;
  }

  stats(): ResponseCacheStats {
    return {
      entries: this.lru.size,
      bytes: this.lru.bytes,
      maxBytes: this.lru.maxBytes,
      hits: this.hitCount,
      misses: this.missCount,
      evictions: this.lru.evictions,
    };
  }
}
