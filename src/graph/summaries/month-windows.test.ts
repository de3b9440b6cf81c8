import { describe, expect, it } from 'vitest';
import { splitAtWholeMonths } from './month-windows.ts';

describe('splitAtWholeMonths', () => {
  it('keeps a window on month boundaries whole', () => {
    expect(splitAtWholeMonths('2018-01-01', '2019-06-30')).toEqual({
      months: { from: '2018-01-01', to: '2019-06-30' },
      edges: [],
    });
    expect(splitAtWholeMonths(null, null)).toEqual({ months: { from: null, to: null }, edges: [] });
  });

  it('cuts partial months off both ends', () => {
    expect(splitAtWholeMonths('2018-01-15', '2019-06-10')).toEqual({
      months: { from: '2018-02-01', to: '2019-05-31' },
      edges: [
        { from: '2018-01-15', to: '2018-01-31' },
        { from: '2019-06-01', to: '2019-06-10' },
      ],
    });
    expect(splitAtWholeMonths('2020-02-02', null)).toEqual({
      months: { from: '2020-03-01', to: null },
      edges: [{ from: '2020-02-02', to: '2020-02-29' }],
    });
    expect(splitAtWholeMonths(null, '2021-03-30')).toEqual({
      months: { from: null, to: '2021-02-28' },
      edges: [{ from: '2021-03-01', to: '2021-03-30' }],
    });
  });

  it('answers a window inside one month, or across two partial ones, from edges alone', () => {
    expect(splitAtWholeMonths('2018-01-15', '2018-01-20')).toEqual({
      months: null,
      edges: [{ from: '2018-01-15', to: '2018-01-20' }],
    });
    expect(splitAtWholeMonths('2018-01-15', '2018-02-10')).toEqual({
      months: null,
      edges: [
        { from: '2018-01-15', to: '2018-01-31' },
        { from: '2018-02-01', to: '2018-02-10' },
      ],
    });
    expect(splitAtWholeMonths('2018-01-01', '2018-01-20')).toEqual({
      months: null,
      edges: [{ from: '2018-01-01', to: '2018-01-20' }],
    });
  });

  it('refuses windows the exact query should answer', () => {
    expect(splitAtWholeMonths('2019-01-01', '2018-01-01')).toBeNull();
    expect(splitAtWholeMonths('2019-02-30', null)).toBeNull();
    expect(splitAtWholeMonths('not a date', null)).toBeNull();
  });
});
