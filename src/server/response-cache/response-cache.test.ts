import { describe, expect, it } from 'vitest';
import { ByteBoundedLru } from './byte-bounded-lru.ts';
import { buildCacheKey, stringifySorted } from './cache-key.ts';
import { isNotModified } from './not-modified.ts';

describe('ByteBoundedLru', () => {
  it('evicts the least recently used entries once the bytes pass the bound', () => {
    const lru = new ByteBoundedLru<string>(10);
    lru.set('a', 'A', 4);
    lru.set('b', 'B', 4);
    expect(lru.get('a')).toBe('A'); // a is now the most recent
    lru.set('c', 'C', 4); // 12 > 10: b goes
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe('A');
    expect(lru.get('c')).toBe('C');
    expect(lru.bytes).toBe(8);
    expect(lru.evictions).toBe(1);
  });

  it('refuses an entry larger than the bound and counts a replaced entry once', () => {
    const lru = new ByteBoundedLru<string>(10);
    expect(lru.set('big', 'X', 11)).toBe(false);
    expect(lru.size).toBe(0);
    lru.set('a', 'A', 6);
    lru.set('a', 'A2', 7);
    expect(lru.bytes).toBe(7);
    expect(lru.size).toBe(1);
    expect(lru.evictions).toBe(0);
  });
});

describe('cache key', () => {
  const parts = {
    queryHash: 'h',
    operationName: null,
    variables: { a: 1, b: { c: [1, 2], d: 'x' } },
    identity: 'anonymous',
    version: '3.1',
  };

  it('ignores the order of variable keys, not their values', () => {
    const reordered = { ...parts, variables: { b: { d: 'x', c: [1, 2] }, a: 1 } };
    expect(buildCacheKey(reordered)).toBe(buildCacheKey(parts));
    expect(buildCacheKey({ ...parts, variables: { a: 2, b: parts.variables.b } })).not.toBe(
      buildCacheKey(parts),
    );
    expect(stringifySorted({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}');
  });

  it('differs by identity and by version', () => {
    expect(buildCacheKey({ ...parts, identity: 'ingest-token' })).not.toBe(buildCacheKey(parts));
    expect(buildCacheKey({ ...parts, version: '4.1' })).not.toBe(buildCacheKey(parts));
  });
});

describe('isNotModified', () => {
  it('matches a held tag, weak or strong, in a list or as *', () => {
    expect(isNotModified('"x"', 200, '"x"')).toBe(true);
    expect(isNotModified('"y", W/"x"', 200, '"x"')).toBe(true);
    expect(isNotModified('*', 200, '"x"')).toBe(true);
    expect(isNotModified('"y"', 200, '"x"')).toBe(false);
    expect(isNotModified('"x"', 500, '"x"')).toBe(false);
    expect(isNotModified(undefined, 200, '"x"')).toBe(false);
    expect(isNotModified('"x"', 200, undefined)).toBe(false);
  });
});
