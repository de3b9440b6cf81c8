import { describe, expect, it } from 'vitest';
import { findDefaultLegislation } from '../../../src/ingest/classify/default-legislation.ts';
import type { ReportFamily } from '../../../src/model/document.ts';
import { SEED_000_INSPECTION } from './seed-000-history.ts';

function on(family: ReportFamily, startDate: string | null) {
  return findDefaultLegislation({ family, inspection: { ...SEED_000_INSPECTION, startDate } });
}

describe('findDefaultLegislation', () => {
  it.each([
    ['ofsted-childrens-home', '2019-07-23', 'CHR2015'],
    ['ofsted-childrens-home', '2014-06-01', null],
    ['ofsted-childrens-home', null, null],
    ['cqc-location-summary', '2023-09-11', 'HSCA-RA-2014'],
    ['cqc-location-summary', '2014-07-09', 'HSCA-RA-2010'],
    ['cqc-location-summary', '2015-01-15', null],
  ] as const)('%s on %s → %s', (family, date, expected) => {
    expect(on(family, date)).toBe(expected);
  });
});
