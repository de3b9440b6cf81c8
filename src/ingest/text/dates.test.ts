import { describe, expect, it } from 'vitest';
import { parseDate, parseDateRange, parseMonthYear } from './dates.ts';

describe('parseDateRange', () => {
  it.each([
    ['23 to 24 July 2019', { start: '2019-07-23', end: '2019-07-24' }],
    ['11 & 12 September 2023', { start: '2023-09-11', end: '2023-09-12' }],
    ['11 and 12 September 2023', { start: '2023-09-11', end: '2023-09-12' }],
    ['30 September to 2 October 2019', { start: '2019-09-30', end: '2019-10-02' }],
    ['28 November 2018 to 3 December 2018', { start: '2018-11-28', end: '2018-12-03' }],
    ['28 December to 3 January 2020', { start: '2019-12-28', end: '2020-01-03' }],
    ['12 July 2017', { start: '2017-07-12', end: '2017-07-12' }],
    ['23–24 July 2019', { start: '2019-07-23', end: '2019-07-24' }],
  ])('reads %s', (text, expected) => {
    expect(parseDateRange(text)).toEqual(expected);
  });

  it.each(['', 'July 2019', '31 to 32 July 2019', '24 to 23 July 2019', 'soon'])(
    'refuses %s',
    (text) => {
      expect(parseDateRange(text)).toBeNull();
    },
  );
});

describe('parseDate', () => {
  it('reads UK slash dates and long dates', () => {
    expect(parseDate('20/02/2019')).toBe('2019-02-20');
    expect(parseDate('20 February 2019')).toBe('2019-02-20');
    expect(parseDate('31/02/2019')).toBeNull();
  });
});

describe('parseMonthYear', () => {
  it('reads a month and year', () => {
    expect(parseMonthYear('September 2018')).toEqual({ year: 2018, month: 9 });
    expect(parseMonthYear('Smarch 2018')).toBeNull();
  });
});
