import { describe, expect, it } from 'vitest';
import { toDatedSummaryParams, toDayNumber } from './dated-summary.ts';
import type { BreachCountArgs } from './types.ts';

const args = (f: Partial<BreachCountArgs['f']>, groupBy: BreachCountArgs['groupBy'] = []) => ({
  groupBy,
  f: {
    regulator: null,
    legislation: null,
    regulation: null,
    from: null,
    to: null,
    region: null,
    localAuthority: null,
    providerId: null,
    ...f,
  },
  skip: 0,
  first: 10,
  withTotal: false,
});

describe('toDayNumber', () => {
  it('orders days as the calendar does', () => {
    expect(toDayNumber('2019-12-31')).toBe(20191231);
    expect(toDayNumber('2020-01-01')).toBeGreaterThan(toDayNumber('2019-12-31')!);
    expect(toDayNumber('2020-02-29')).toBe(20200229);
  });

  it('refuses what is not a calendar day', () => {
    for (const bad of ['2021-02-29', '2020-13-01', '2020-1-01', '20200101', ''])
      expect(toDayNumber(bad), bad).toBeNull();
  });
});

describe('toDatedSummaryParams', () => {
  it('reads the totals only without a window, a flag or the year split', () => {
    expect(toDatedSummaryParams(args({}, ['PROVIDER', 'REGION']))?.scan).toBe(false);
    expect(toDatedSummaryParams(args({ synthetic: true }))?.scan).toBe(true);
    expect(toDatedSummaryParams(args({}, ['YEAR']))?.scan).toBe(true);
    expect(toDatedSummaryParams(args({ to: '2020-05-20' }))).toMatchObject({
      scan: true,
      windowed: true,
      fromDay: 0,
      toDay: 20200520,
    });
  });

  it('keeps the regulation key the request needs', () => {
    expect(toDatedSummaryParams(args({}, ['REGULATION']))?.scope).toBe('regulation');
    expect(toDatedSummaryParams(args({ legislation: 'CHR2015' }))?.scope).toBe('legislation');
    expect(toDatedSummaryParams(args({}, ['REGION']))?.scope).toBe('all');
  });

  it('leaves a bound that is not a date to the exact query', () => {
    expect(toDatedSummaryParams(args({ from: '2021-02-29' }))).toBeNull();
  });
});
