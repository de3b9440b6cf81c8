/**
 * Which report each synthetic inspection gets: Ofsted interim inspections only in the SCCIF
 * interim era and only after a full inspection; CQC full reports for every inspection rated below
 * good and a share of the others; enough findings a report for the benchmark tiers.
 */
import { describe, expect, it } from 'vitest';
import type { GroundTruthRecord } from '../../../src/generate/ground-truth.ts';
import { generateInMemory } from './corpus-support.ts';

const truths = generateInMemory({
  locations: 60,
  years: 10,
  seed: 'kinds',
  startYear: 2015,
}).truths();

function byLocation(records: readonly GroundTruthRecord[]): Map<string, GroundTruthRecord[]> {
  const out = new Map<string, GroundTruthRecord[]>();
  for (const t of records) out.set(t.locationId, [...(out.get(t.locationId) ?? []), t]);
  return out;
}

const INTERIM_GRADES = new Set([
  'IMPROVED_EFFECTIVENESS',
  'SUSTAINED_EFFECTIVENESS',
  'DECLINED_IN_EFFECTIVENESS',
]);

describe('Ofsted interim inspections', () => {
  const ofsted = truths.filter((t) => t.family === 'ofsted-childrens-home');
  const interims = ofsted.filter((t) => t.type === 'interim');

  it('happen between April 2017 and March 2022 only, graded by an interim judgement and no area', () => {
    expect(interims.length).toBeGreaterThan(20);
    for (const t of interims) {
      expect(t.startDate >= '2017-04-01' && t.startDate <= '2022-03-31', t.file).toBe(true);
      expect(t.startDate).toBe(t.endDate);
      expect(INTERIM_GRADES.has(t.overallGrade), t.file).toBe(true);
      expect(t.judgements).toEqual([]);
    }
    expect(new Set(interims.map((t) => t.overallGrade)).size).toBe(3);
    expect(
      ofsted.filter(
        (t) => t.type === 'full' && (t.startDate < '2017-01-01' || t.startDate > '2022-06-30'),
      ).length,
    ).toBeGreaterThan(20);
  });

  it('follow a full inspection, which the history table lists first', () => {
    for (const reports of byLocation(ofsted).values()) {
      reports.forEach((t, i) => {
        if (t.type !== 'interim') return;
        expect(reports[i - 1]?.type, t.file).toBe('full');
        expect(t.history[0]?.inspectionId, t.file).toBe(reports[i - 1]!.inspectionId);
      });
    }
  });

  it("appear in later reports' history with their interim judgement", () => {
    const interimIds = new Map(interims.map((t) => [t.inspectionId, t.overallGrade]));
    const rows = ofsted.flatMap((t) => t.history).filter((h) => interimIds.has(h.inspectionId));
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) expect(row.grade).toBe(interimIds.get(row.inspectionId));
  });
});

describe('CQC full reports', () => {
  const cqc = truths.filter((t) => t.family !== 'ofsted-childrens-home');

  it('are written for every inspection rated below good and for a share of the others', () => {
    for (const t of cqc) {
      if (t.overallGrade === 'REQUIRES_IMPROVEMENT' || t.overallGrade === 'INADEQUATE')
        expect(t.family, t.file).toBe('cqc-full-report');
    }
    const good = cqc.filter((t) => t.overallGrade === 'GOOD' || t.overallGrade === 'OUTSTANDING');
    const fullShare = good.filter((t) => t.family === 'cqc-full-report').length / good.length;
    expect(fullShare).toBeGreaterThan(0.1);
    expect(fullShare).toBeLessThan(0.6);
  });

  it('rate the five key questions, cite HSCA RA 2014 breaches below good, and link back to the last inspection', () => {
    const previousOf = new Map<string, GroundTruthRecord>();
    for (const reports of byLocation(cqc).values())
      reports.forEach((t, i) => {
        if (i > 0) previousOf.set(t.inspectionId, reports[i - 1]!);
      });
    for (const t of cqc.filter((r) => r.family === 'cqc-full-report')) {
      expect(t.judgements.map((j) => j.area)).toEqual([
        'Overall',
        'Safe',
        'Effective',
        'Caring',
        'Responsive',
        'Well-led',
      ]);
      if (t.overallGrade === 'REQUIRES_IMPROVEMENT' || t.overallGrade === 'INADEQUATE')
        expect(t.requirements.length, t.file).toBeGreaterThan(0);
      for (const e of t.enforcement) expect(e.regulation).toMatch(/^HSCA-RA-2014:\d+$/);
      const previous = previousOf.get(t.inspectionId);
      expect(t.history.map((h) => h.inspectionId)).toEqual(previous ? [previous.inspectionId] : []);
    }
    expect(cqc.some((t) => t.enforcement.some((e) => e.type === 'warning-notice'))).toBe(true);
    expect(cqc.some((t) => t.family === 'cqc-full-report' && t.repeats.length > 0)).toBe(true);
  });
});

describe('findings volume', () => {
  it('averages at least five findings a report in every family', () => {
    const kinds = new Map<string, { reports: number; findings: number }>();
    for (const t of truths) {
      const tally = kinds.get(t.family) ?? { reports: 0, findings: 0 };
      tally.reports += 1;
      tally.findings += t.findings.length;
      kinds.set(t.family, tally);
    }
    expect([...kinds.keys()].sort()).toEqual([
      'cqc-full-report',
      'cqc-location-summary',
      'ofsted-childrens-home',
    ]);
    const all = [...kinds.values()].reduce((a, b) => ({
      reports: a.reports + b.reports,
      findings: a.findings + b.findings,
    }));
    expect(all.findings / all.reports).toBeGreaterThanOrEqual(5);
    for (const [family, tally] of kinds) {
      if (family !== 'cqc-location-summary')
        expect(tally.findings / tally.reports, family).toBeGreaterThanOrEqual(5);
    }
  });
});
