/**
 * Joint Ofsted/CQC area SEND inspection (fixture in tests/fixtures/corpus/text). Expected values
 * were read off the fixture text by hand.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseOfstedLaAreaSend } from '../../../src/ingest/parsers/ofsted-la-area-send.ts';
import { sourceFor } from './seed-text.ts';

const NAME = 'ofsted-cqc_area-send_80438_brighton-hove_2023-05-31.txt';
const text = readFileSync(
  fileURLToPath(new URL(`../../fixtures/corpus/text/${NAME}`, import.meta.url)),
  'utf8',
);
const doc = parseOfstedLaAreaSend(text, sourceFor(NAME));
const inSection = (section: string) => doc.findings.filter((f) => f.section === section);

describe('area SEND 2023: Brighton and Hove', () => {
  it('reads the partnership LA, dates and framework; the outcome is wording, not a grade', () => {
    expect(doc.family).toBe('ofsted-la-area-send');
    expect(doc.regulator).toBe('OFSTED');
    expect(doc.location).toMatchObject({
      id: 'la:80438',
      name: 'Brighton and Hove',
      region: 'South East',
    });
    expect(doc.provider).toMatchObject({
      id: 'local-authority:80438',
      name: 'Brighton and Hove City Council',
    });
    expect(doc.inspection).toMatchObject({
      id: 'la:80438:2023-03-27:full',
      type: 'full',
      startDate: '2023-03-27',
      endDate: '2023-03-31',
      framework: 'Area SEND (Ofsted/CQC)',
      overallGrade: null,
      overallGradeText:
        "The local area partnership's arrangements typically lead to positive experiences and outcomes for children and young people with special educational needs and/or disabilities (SEND). The local area partnership is taking action where improvements are needed.",
    });
    expect(doc.judgements).toEqual([]);
    expect(doc.warnings).toEqual([]);
  });

  it('reads the three areas for improvement, each a paragraph without a bullet', () => {
    const items = inSection('Areas for improvement');
    expect(items.map((f) => f.text.slice(0, 45))).toEqual([
      'Leaders should improve their strategic approa',
      'Leaders must continue to develop their oversi',
      'Leaders across the partnership should identif',
    ]);
    expect(items.every((f) => f.polarity === 'concern')).toBe(true);
  });

  it('reads what works as strengths and what must get better as concerns', () => {
    expect(inSection('What is the area partnership doing that is effective')).toHaveLength(7);
    expect(
      inSection('What is the area partnership doing that is effective').every(
        (f) => f.polarity === 'strength',
      ),
    ).toBe(true);
    expect(inSection('What does the area partnership need to do better')).toHaveLength(6);
    expect(
      inSection('What is it like to be a child or young person with SEND in this area')[0]!.text,
    ).toMatch(/^Children and young people are at the heart/);
  });

  it('names the Ofsted and CQC inspectors from the two-column team table', () => {
    expect(doc.people.slice(0, 4)).toEqual([
      { role: 'lead inspector', name: 'Catherine Old' },
      { role: 'CQC lead inspector', name: 'Lucy Harte' },
      { role: 'inspector', name: 'Margaret Burke' },
      { role: 'CQC inspector', name: 'Lea Pickerill' },
    ]);
    expect(doc.people).toHaveLength(7);
  });
});
