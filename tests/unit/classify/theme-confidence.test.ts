/**
 * A tag's confidence grows with the evidence behind it and shrinks when that evidence covers
 * little of a long text; it stays within (0, 1].
 */
import { describe, expect, it } from 'vitest';
import { confidenceOf } from '../../../src/ingest/classify/theme-confidence.ts';

describe('confidenceOf', () => {
  it('gives one cue in a short finding 0.5 and each further point half the remaining doubt', () => {
    expect(confidenceOf({ score: 2, weight: 1 }, 1)).toBe(0.5);
    expect(confidenceOf({ score: 3, weight: 1 }, 1)).toBe(0.65);
    expect(confidenceOf({ score: 4, weight: 1 }, 1)).toBe(0.75);
    expect(confidenceOf({ score: 6, weight: 2 }, 3)).toBe(0.88);
  });

  it('discounts evidence that covers little of a long text', () => {
    const short = confidenceOf({ score: 4, weight: 1 }, 4);
    const long = confidenceOf({ score: 4, weight: 1 }, 18);
    expect(long).toBeLessThan(short);
    expect(long).toBeCloseTo(0.75 * (0.5 + 0.5 / 3), 2);
  });

  it('stays within (0, 1] however much evidence there is', () => {
    for (const score of [2, 3, 5, 8, 20, 60])
      for (const sentences of [1, 7, 30]) {
        const c = confidenceOf({ score, weight: 1 }, sentences);
        expect(c).toBeGreaterThan(0);
        expect(c).toBeLessThanOrEqual(1);
      }
  });
});
