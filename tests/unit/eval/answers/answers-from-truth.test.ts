/** Each question's answer computed from the hand-written ground truth, checked against hand-worked answers. */
import { describe, expect, it } from 'vitest';
import { computeBreachCounts } from '../../../../src/eval/answers/breach-counts.ts';
import { computeEnforcementActions } from '../../../../src/eval/answers/enforcement-actions.ts';
import { computeRatingChanges } from '../../../../src/eval/answers/rating-changes.ts';
import { computeRepeatedBreaches } from '../../../../src/eval/answers/repeated-breaches.ts';
import {
  computeThemeCooccurrence,
  keyThemePair,
} from '../../../../src/eval/answers/theme-cooccurrence.ts';
import {
  computeConcernInspections,
  computeInspectionsPerYear,
  computeThemeTrendsByYear,
} from '../../../../src/eval/answers/theme-trends.ts';
import { placeWindows } from '../../../../src/eval/answers/audit-plan.ts';
import { TINY_TRUTH } from './tiny-ground-truth.ts';

const toObject = (table: ReadonlyMap<string, unknown>) => Object.fromEntries(table);

describe('repeatedBreaches from the ground truth', () => {
  it('counts requirements and enforcement as documented, twice or more', () => {
    const table = computeRepeatedBreaches(TINY_TRUTH, {
      evidence: ['DOCUMENTED'],
      minInspections: 2,
      from: null,
      to: null,
    });
    expect(toObject(table)).toEqual({
      'SC1 CHR2015:12': {
        inspectionCount: '3',
        'inspection A1': 'DOCUMENTED',
        'inspection A2': 'DOCUMENTED',
        'inspection A3': 'DOCUMENTED',
      },
      // A2's requirement and A3's notice (the enforcement since the last inspection).
      'SC1 CHR2015:13': {
        inspectionCount: '2',
        'inspection A2': 'DOCUMENTED',
        'inspection A3': 'DOCUMENTED',
      },
    });
  });

  it('adds the inspections a repeat naming the regulation refers to, and never one naming none', () => {
    const table = computeRepeatedBreaches(TINY_TRUTH, {
      evidence: ['DOCUMENTED', 'STATED_REPEAT'],
      minInspections: 2,
      from: null,
      to: null,
    });
    expect(table.get('SC1 CHR2015:12')).toEqual({
      inspectionCount: '3',
      'inspection A1': 'DOCUMENTED',
      'inspection A2': 'DOCUMENTED+STATED_REPEAT',
      'inspection A3': 'DOCUMENTED',
    });
    // A1 made no requirement under 20: only A3's statement puts it there.
    expect(table.get('SC1 CHR2015:20')).toEqual({
      inspectionCount: '2',
      'inspection A1': 'STATED_REPEAT',
      'inspection A3': 'DOCUMENTED',
    });
    expect(table.size).toBe(3);
  });

  it('counts only inspections that start inside the window', () => {
    const table = computeRepeatedBreaches(TINY_TRUTH, {
      evidence: ['DOCUMENTED', 'STATED_REPEAT'],
      minInspections: 2,
      from: '2018-09-01',
      to: null,
    });
    expect([...table.keys()].sort()).toEqual(['SC1 CHR2015:12', 'SC1 CHR2015:13']);
    expect(table.get('SC1 CHR2015:12')?.inspectionCount).toBe('2');
  });

  it('with a minimum of one, lists every pair in a closed window', () => {
    const table = computeRepeatedBreaches(TINY_TRUTH, {
      evidence: ['DOCUMENTED'],
      minInspections: 1,
      from: '2019-01-01',
      to: '2019-12-31',
    });
    expect([...table.keys()].sort()).toEqual([
      '1-1 HSCA-RA-2014:12',
      'SC1 CHR2015:12',
      'SC1 CHR2015:13',
      'SC1 CHR2015:20',
    ]);
    // A requirement and a notice at one inspection are one inspection.
    expect(table.get('1-1 HSCA-RA-2014:12')?.inspectionCount).toBe('1');
  });

  it("never counts a warning notice's Act section (its legal power) as a regulation breached", () => {
    const table = computeRepeatedBreaches(TINY_TRUTH, {
      evidence: ['DOCUMENTED', 'STATED_REPEAT'],
      minInspections: 1,
      from: null,
      to: null,
    });
    expect([...table.keys()].filter((key) => key.includes('HSCA2008'))).toEqual([]);
  });
});

describe('breachCounts from the ground truth', () => {
  // Rates are over every inspection of the group, with or without requirements: A1 to A4 are
  // Ofsted's (A4 has none), B1 and B2 the CQC's (B1 has none); 2018 is A1, A2, B1; 2019 A3, B2.
  const counts = (
    requirements: number,
    locations: number,
    inspections: number,
    inGroup: number,
    per100: string,
  ) => ({
    requirementCount: String(requirements),
    locationCount: String(locations),
    inspectionCount: String(inspections),
    inspectionsInGroup: String(inGroup),
    requirementsPer100Inspections: per100,
  });

  it('by regulation, with the legislation of the report family, over all six inspections', () => {
    expect(toObject(computeBreachCounts(TINY_TRUTH, ['REGULATION']))).toEqual({
      'CHR2015:12': counts(3, 1, 3, 6, '50'),
      'CHR2015:13': counts(1, 1, 1, 6, '16.666666666666668'),
      'CHR2015:20': counts(1, 1, 1, 6, '16.666666666666668'),
      'HSCA-RA-2014:12': counts(1, 1, 1, 6, '16.666666666666668'),
    });
  });

  it('by regulator and by year (enforcement alone is no requirement)', () => {
    expect(toObject(computeBreachCounts(TINY_TRUTH, ['REGULATOR']))).toEqual({
      OFSTED: counts(5, 1, 3, 4, '125'),
      CQC: counts(1, 1, 1, 2, '50'),
    });
    expect(toObject(computeBreachCounts(TINY_TRUTH, ['YEAR']))).toEqual({
      '2018': counts(3, 1, 2, 3, '100'),
      '2019': counts(3, 2, 2, 2, '150'),
    });
  });

  it('by a pair of groups, keyed in the order asked, the regulation not narrowing the rate', () => {
    const table = computeBreachCounts(TINY_TRUTH, ['REGULATION', 'YEAR']);
    expect(table.get('CHR2015:12 | 2018')).toEqual(counts(2, 1, 2, 3, '66.66666666666667'));
    expect(table.get('CHR2015:12 | 2019')).toEqual(counts(1, 1, 1, 2, '50'));
    // And 13 in 2018, 20 in 2019, the CQC requirement in 2019.
    expect(table.size).toBe(5);
  });

  it('by place and provider', () => {
    expect(toObject(computeBreachCounts(TINY_TRUTH, ['LOCAL_AUTHORITY']))).toEqual({
      Bolton: counts(5, 1, 3, 4, '125'),
      Camden: counts(1, 1, 1, 2, '50'),
    });
    expect(computeBreachCounts(TINY_TRUTH, ['PROVIDER']).get('P-CQC')).toEqual(
      counts(1, 1, 1, 2, '50'),
    );
  });
});

describe('ratingChanges from the ground truth', () => {
  it('compares with the nearest earlier full-scale grade, past interims', () => {
    expect(toObject(computeRatingChanges(TINY_TRUTH, 'UP'))).toEqual({
      A4: { direction: 'UP', basis: 'grades compared', before: 'A3' },
      B2: { direction: 'UP', basis: 'grades compared', before: 'B1' },
    });
    expect(toObject(computeRatingChanges(TINY_TRUTH, 'DOWN'))).toEqual({
      A2: { direction: 'DOWN', basis: 'interim judgement', before: 'A1' },
      // A2's interim judgement is no grade to compare with: A1's is.
      A3: { direction: 'DOWN', basis: 'grades compared', before: 'A1' },
      B1: { direction: 'DOWN', basis: 'stated in report', before: 'none' },
    });
    expect(computeRatingChanges(TINY_TRUTH, 'SAME').size).toBe(0);
  });
});

describe('enforcementActions and themeTrends from the ground truth', () => {
  it('lists every action at its inspection', () => {
    expect(toObject(computeEnforcementActions(TINY_TRUTH))).toEqual({
      'A3 COMPLIANCE_NOTICE CHR2015:13': { count: '1', issuedOn: '2018-10-20', complyBy: 'none' },
      'B1 WARNING_NOTICE HSCA2008:29': { count: '2', issuedOn: 'none', complyBy: '2018-08-01' },
      'B2 REQUIREMENT_NOTICE HSCA-RA-2014:12': { count: '1', issuedOn: 'none', complyBy: 'none' },
    });
  });

  it('counts a finding once for each theme it is written about', () => {
    expect(Object.fromEntries(computeThemeTrendsByYear(TINY_TRUTH))).toEqual({
      'safeguarding 2018': 2,
      'staffing 2018': 1,
      'staffing 2020': 1,
    });
  });

  it('counts inspections with a concern per theme, and every inspection of a year with themes', () => {
    // Only A2 (2018) has a concern, about safeguarding and staffing; A1's and A4's headlines are open.
    expect(Object.fromEntries(computeConcernInspections(TINY_TRUTH))).toEqual({
      'safeguarding 2018': 1,
      'staffing 2018': 1,
    });
    // 2018: A1, A2 and B1 (no findings, still counted); 2019 has no themed finding, so no row.
    expect(toObject(computeInspectionsPerYear(TINY_TRUTH))).toEqual({
      '2018': { inspectionsInPeriod: '3' },
      '2020': { inspectionsInPeriod: '1' },
    });
  });

  it('counts a finding once for each pair of themes it is written about, in either order', () => {
    expect(Object.fromEntries(computeThemeCooccurrence(TINY_TRUTH))).toEqual({
      'safeguarding staffing': 1,
    });
    expect(keyThemePair('staffing', 'medication')).toBe('medication staffing');
  });

  it('places the windows from the corpus years: from the middle year, and across the middle', () => {
    expect(placeWindows(TINY_TRUTH)).toEqual([
      { from: '2019-01-01', to: null },
      { from: '2018-07-01', to: '2019-12-31' },
    ]);
  });
});
