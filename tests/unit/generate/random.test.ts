import { describe, expect, it } from 'vitest';
import { hashSeed, Random } from '../../../src/generate/random.ts';

describe('the seeded random stream', () => {
  it('repeats exactly for a seed and differs between seeds', () => {
    const draw = (seed: string): number[] => {
      const r = Random.fromKey(seed);
      return Array.from({ length: 20 }, () => r.next());
    };
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
    expect(hashSeed('a')).not.toBe(hashSeed('b'));
  });

  it('stays in range', () => {
    const r = new Random(7);
    for (let i = 0; i < 2000; i += 1) {
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = r.int(3, 5);
      expect(n >= 3 && n <= 5 && Number.isInteger(n)).toBe(true);
    }
  });

  it('samples without replacement and by weight', () => {
    const r = new Random(11);
    const sample = r.sample([1, 2, 3, 4, 5], 3);
    expect(new Set(sample).size).toBe(3);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 4000; i += 1)
      counts[
        r.pickWeighted([
          { value: 'a' as const, weight: 3 },
          { value: 'b' as const, weight: 1 },
        ])
      ] += 1;
    expect(counts.a / counts.b).toBeGreaterThan(2.4);
    expect(counts.a / counts.b).toBeLessThan(3.7);
  });
});
