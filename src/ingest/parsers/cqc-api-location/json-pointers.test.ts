import { describe, expect, it } from 'vitest';
import { JsonPointers } from './json-pointers.ts';
import type { JsonObject } from './json-values.ts';

describe('JsonPointers', () => {
  it('gives RFC 6901 pointers, escaping ~ and / in keys', () => {
    const inner: JsonObject = { commentary: 'text' };
    const odd: JsonObject = { x: 1 };
    const record: JsonObject = { assessment: [{ ratings: { asgRatings: [inner] } }], 'a/b~c': odd };
    const pointers = new JsonPointers(record);
    expect(pointers.member(inner, 'commentary')).toBe(
      '/assessment/0/ratings/asgRatings/0/commentary',
    );
    expect(pointers.member(odd, 'x')).toBe('/a~1b~0c/x');
    expect(pointers.member(record, 'assessment')).toBe('/assessment');
    expect(pointers.member({ other: 'object' }, 'other')).toBeNull();
  });
});
