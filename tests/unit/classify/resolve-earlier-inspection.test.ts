import { describe, expect, it } from 'vitest';
import { resolveEarlierInspection } from '../../../src/ingest/classify/resolve-earlier-inspection.ts';
import { SEED_000_HISTORY, SEED_000_INSPECTION } from './seed-000-history.ts';

const context = { history: SEED_000_HISTORY, inspection: SEED_000_INSPECTION };

describe('resolveEarlierInspection against the history of seed 000', () => {
  it.each([
    [
      'This is a repeated shortfall from the full inspection in September 2018.',
      'ofsted:1247390:2018-09-26:full',
    ],
    ['as found at the inspection on 12 July 2017', 'ofsted:1247390:2017-07-12:full'],
    ['as found at the inspection of 05/01/2018', 'ofsted:1247390:2018-01-05:interim'],
    [
      'This was a breach in regulation at the previous inspection.',
      'ofsted:1247390:2019-02-20:interim',
    ],
    ['as reported at the previous full inspection', 'ofsted:1247390:2018-09-26:full'],
    ['which was present at the two previous inspections', 'ofsted:1247390:2019-02-20:interim'],
    ['repeated from previous inspections', null],
    ['a requirement made at the interim inspection in September 2018', null],
    ['at the inspection in November 2022', null],
    ['at the inspection in July 2019', null],
  ])('%s → %s', (sentence, expected) => {
    expect(resolveEarlierInspection(sentence, context)).toBe(expected);
  });

  it('resolves nothing without a history', () => {
    expect(
      resolveEarlierInspection('at the previous inspection', {
        history: [],
        inspection: SEED_000_INSPECTION,
      }),
    ).toBeNull();
  });
});
