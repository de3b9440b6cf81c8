/**
 * The percentile bootstrap: nearest-rank quantiles worked by hand, and the same interval for the
 * same seed on every run.
 */
import { describe, expect, it } from 'vitest';
import {
  bootstrapIntervals,
  createSeededRandom,
  percentileInterval,
} from '../../../src/eval/bootstrap.ts';
import { evaluateThemes } from '../../../src/eval/theme-evaluation.ts';

describe('percentileInterval', () => {
  it('takes the nearest ranks: of 1..1000 at 95%, the 26th and 975th values', () => {
    const values = Array.from({ length: 1000 }, (_, i) => 1000 - i);
    expect(percentileInterval(values, 0.95)).toEqual({ low: 26, high: 975 });
  });

  it('of 1..10 at 80%, the 2nd and 9th values', () => {
    expect(percentileInterval([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.8)).toEqual({ low: 2, high: 9 });
  });

  it('is null without values', () => {
    expect(percentileInterval([], 0.95)).toBeNull();
  });
});

describe('createSeededRandom', () => {
  it('gives the same sequence for a seed, in [0, 1)', () => {
    const a = createSeededRandom(7);
    const b = createSeededRandom(7);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(createSeededRandom(8)()).not.toBe(first[0]);
  });
});

describe('bootstrapIntervals', () => {
  const options = { resamples: 200, seed: 3, level: 0.95 };

  it('gives a point interval when every example is the same', () => {
    const intervals = bootstrapIntervals([2, 2, 2, 2], (s) => ({ mean: s[0]! }), options);
    expect(intervals['mean']).toEqual({ low: 2, high: 2 });
  });

  it('stays inside the range of the data and contains the sample mean of a spread set', () => {
    const items = [0, 0, 0, 1, 1, 1, 1, 1, 1, 1];
    const mean = (s: readonly number[]) => s.reduce((a, b) => a + b, 0) / s.length;
    const { mean: i } = bootstrapIntervals(items, (s) => ({ mean: mean(s) }), options);
    expect(i!.low).toBeGreaterThanOrEqual(0);
    expect(i!.high).toBeLessThanOrEqual(1);
    expect(i!.low).toBeLessThan(0.7);
    expect(i!.high).toBeGreaterThan(0.7);
  });

  it('leaves out resamples where a statistic is undefined', () => {
    const intervals = bootstrapIntervals([1], () => ({ never: null }), options);
    expect(intervals['never']).toBeNull();
  });

  it('gives the same theme intervals for the same seed, run after run', () => {
    const examples = [
      { gold: ['safeguarding'], predicted: ['safeguarding'] },
      { gold: ['staffing'], predicted: ['governance'] },
      { gold: ['governance', 'staffing'], predicted: ['governance'] },
      { gold: ['records'], predicted: ['records', 'staffing'] },
      { gold: ['safeguarding'], predicted: [] },
    ];
    const first = evaluateThemes('all', examples, options);
    const again = evaluateThemes('all', examples, options);
    expect(again).toEqual(first);
    for (const [interval, value] of [
      [first.micro.f1, first.scores.micro.f1],
      [first.micro.precision, first.scores.micro.precision],
      [first.micro.recall, first.scores.micro.recall],
      [first.exactShare, first.scores.exactShare],
      [first.perTheme['governance']!.f1, first.scores.perTheme['governance']!.f1],
    ] as const) {
      expect(interval!.low).toBeLessThanOrEqual(value);
      expect(interval!.high).toBeGreaterThanOrEqual(value);
    }
    const other = evaluateThemes('all', examples, { ...options, seed: 4 });
    expect(other.scores).toEqual(first.scores);
  });
});
