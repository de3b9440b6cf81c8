/**
 * Ofsted focused-visit letters (fixtures in tests/fixtures/corpus/text). Expected values were
 * read off the fixture text by hand.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../../src/model/document.ts';
import { parseOfstedLaFocusedVisit } from '../../../src/ingest/parsers/ofsted-la-focused-visit.ts';
import { sourceFor } from './seed-text.ts';

function readFixture(name: string): string {
  return readFileSync(
    fileURLToPath(new URL(`../../fixtures/corpus/text/${name}`, import.meta.url)),
    'utf8',
  );
}

const parseFixture = (name: string): ReportDocument =>
  parseOfstedLaFocusedVisit(readFixture(name), sourceFor(name));
const IMPROVE = 'What needs to improve in this area of social work practice';
const inSection = (doc: ReportDocument, section: string) =>
  doc.findings.filter((f) => f.section === section);

describe('focused visit 2018: Cambridgeshire', () => {
  const doc = parseFixture('ofsted-focused-visit_80445_cambridgeshire_2018-04-09.txt');

  it('reads the LA, the visit dates and the letter date, with no grades', () => {
    expect(doc.family).toBe('ofsted-la-focused-visit');
    expect(doc.location).toMatchObject({
      id: 'la:80445',
      name: 'Cambridgeshire',
      region: 'East of England',
    });
    expect(doc.provider).toEqual({
      id: 'local-authority:80445',
      name: 'Cambridgeshire County Council',
      address: null,
    });
    expect(doc.inspection).toEqual({
      id: 'la:80445:2018-03-13:focused',
      type: 'focused',
      startDate: '2018-03-13',
      endDate: '2018-03-14',
      framework: 'ILACS',
      overallGrade: null,
      overallGradeText: null,
      ratingDirection: null,
      publishedOn: '2018-04-09',
    });
    expect(doc.judgements).toEqual([]);
    expect(doc.warnings).toEqual([]);
  });

  it('records the area of practice looked at as a finding', () => {
    expect(inSection(doc, 'Area of practice')).toEqual([
      expect.objectContaining({
        text: "Inspectors looked at the local authority's arrangements for children in need and those subject to a child protection plan.",
        polarity: 'neutral',
        position: expect.objectContaining({ line: 18 }),
      }),
    ]);
  });

  it('reads the three improvement items, then the findings', () => {
    const items = inSection(doc, IMPROVE);
    expect(items).toHaveLength(3);
    expect(items.every((f) => f.polarity === 'concern')).toBe(true);
    expect(items[0]!.text).toMatch(/^Children's records need to be up to date/);
    expect(inSection(doc, 'Overview')).toHaveLength(4);
    expect(inSection(doc, 'Findings')[0]!.text).toMatch(
      /^Leaders and managers know their services well/,
    );
    expect(doc.findings.some((f) => /Piccadilly Gate|Yours sincerely/.test(f.text))).toBe(false);
  });

  it('names the signing lead inspector and the team', () => {
    expect(doc.people).toEqual([
      { role: 'lead inspector', name: 'Mandy Nightingale' },
      { role: 'inspector', name: 'Margaret Burke' },
    ]);
  });
});

describe('focused visit 2025: Bristol', () => {
  const doc = parseFixture('ofsted-focused-visit_80441_bristol_2025-03-20.txt');

  it('reads dates, area, items and inspectors', () => {
    expect(doc.location.id).toBe('la:80441');
    expect(doc.location.name).toBe('Bristol');
    expect(doc.inspection).toMatchObject({
      startDate: '2025-02-18',
      endDate: '2025-02-19',
      type: 'focused',
      overallGrade: null,
    });
    expect(inSection(doc, 'Area of practice')[0]!.text).toMatch(
      /^Inspectors looked at the local authority's arrangements for the 'front door' services .* who present as homeless\.$/,
    );
    const items = inSection(doc, IMPROVE);
    expect(items).toHaveLength(2);
    expect(items[0]!.text).toBe(
      'The timeliness and consistency with which initial decisions are made at the front door to ensure all children receive timely and proportionate support.',
    );
    expect(doc.people).toEqual([
      { role: 'lead inspector', name: 'Sophie Wales' },
      { role: 'inspector', name: 'Margaret Burke' },
    ]);
  });
});

describe('damaged letters', () => {
  it('warns when the visit dates and the area of practice are missing', () => {
    const text = readFixture('ofsted-focused-visit_80445_cambridgeshire_2018-04-09.txt')
      .replace('on 13 and 14 March 2018', 'recently')
      .replace('Inspectors looked at', 'Inspectors saw');
    const doc = parseOfstedLaFocusedVisit(text, sourceFor('damaged.txt'));
    expect(doc.inspection.startDate).toBeNull();
    expect(doc.inspection.id).toBe('la:80445:undated:focused');
    expect(doc.warnings.map((w) => w.code)).toEqual([
      'missing-inspection-date',
      'missing-area-of-practice',
    ]);
  });

  it('ends the area of practice at a bullet line when the extract lost the lines between (found by the deleted-lines fuzz test)', () => {
    const lines = readFixture('ofsted-focused-visit_80445_cambridgeshire_2018-04-09.txt').split(
      '\n',
    );
    const keep = [
      'Inspectors looked at the local authority’s arrangements for children in need and',
      'Children’s records need to be up to date',
      'individual needs for support and protection.',
    ];
    const text = keep.map((start) => lines.find((line) => line.includes(start))!).join('\n');
    expect(text).toContain('\uF06E Children’s records');
    const doc = parseOfstedLaFocusedVisit(text, sourceFor('damaged.txt'));
    expect(doc.findings[0]!.text).toBe(
      "Inspectors looked at the local authority's arrangements for children in need and",
    );
  });
});
