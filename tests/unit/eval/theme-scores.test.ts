/**
 * Theme scores on a small set worked by hand:
 *   1. gold safeguarding, staffing   tagged safeguarding            → safeguarding tp, staffing fn
 *   2. gold governance               tagged governance, records     → governance tp, records fp
 *   3. gold staffing                 tagged staffing                → staffing tp
 *   4. gold (none)                   tagged records                 → records fp
 * safeguarding: tp 1 fp 0 fn 0, support 1, P 1, R 1, F1 1
 * staffing:     tp 1 fp 0 fn 1, support 2, P 1, R 1/2, F1 2/3
 * governance:   tp 1 fp 0 fn 0, support 1, F1 1
 * records:      tp 0 fp 2 fn 0, support 0, P 0, R 0, F1 0 (not in the macro mean)
 * micro: tp 3 fp 2 fn 1, P 3/5, R 3/4, F1 2·(3/5)(3/4)/(3/5+3/4) = 2/3
 * macro-F1: (1 + 2/3 + 1) / 3 = 8/9
 * exact: only example 3 is tagged exactly as labelled → 1/4
 */
import { describe, expect, it } from 'vitest';
import { scoreThemePairs } from '../../../src/eval/theme-scores.ts';

const EXAMPLES = [
  { gold: ['safeguarding', 'staffing'], predicted: ['safeguarding'] },
  { gold: ['governance'], predicted: ['governance', 'records'] },
  { gold: ['staffing'], predicted: ['staffing'] },
  { gold: [], predicted: ['records'] },
];

describe('scoreThemePairs', () => {
  const table = scoreThemePairs(EXAMPLES);

  it('counts (example, theme) pairs per theme, with support', () => {
    expect(table.examples).toBe(4);
    expect(table.perTheme['staffing']).toMatchObject({ tp: 1, fp: 0, fn: 1, support: 2 });
    expect(table.perTheme['staffing']!.recall).toBe(0.5);
    expect(table.perTheme['staffing']!.f1).toBeCloseTo(2 / 3, 12);
    expect(table.perTheme['records']).toMatchObject({ tp: 0, fp: 2, fn: 0, support: 0, f1: 0 });
    expect(Object.keys(table.perTheme)).toEqual([
      'governance',
      'records',
      'safeguarding',
      'staffing',
    ]);
  });

  it('pools the pairs for micro figures', () => {
    expect(table.micro).toMatchObject({ tp: 3, fp: 2, fn: 1, support: 4 });
    expect(table.micro.precision).toBeCloseTo(3 / 5, 12);
    expect(table.micro.recall).toBeCloseTo(3 / 4, 12);
    expect(table.micro.f1).toBeCloseTo(2 / 3, 12);
  });

  it('averages F1 over the themes the labels use for macro-F1', () => {
    expect(table.macroF1).toBeCloseTo(8 / 9, 12);
  });

  it('counts the share of examples tagged exactly as labelled', () => {
    expect(table.exactShare).toBe(0.25);
    expect(scoreThemePairs([{ gold: [], predicted: [] }]).exactShare).toBe(1);
  });

  it('counts a theme once per example however often it is listed', () => {
    expect(
      scoreThemePairs([{ gold: ['records', 'records'], predicted: ['records', 'records'] }]).micro,
    ).toMatchObject({ tp: 1, fp: 0, fn: 0 });
  });

  it('is zero, not NaN, without examples', () => {
    const empty = scoreThemePairs([]);
    expect(empty.micro).toEqual({
      tp: 0,
      fp: 0,
      fn: 0,
      support: 0,
      precision: 0,
      recall: 0,
      f1: 0,
    });
    expect(empty.macroF1).toBe(0);
    expect(empty.exactShare).toBe(0);
  });
});
