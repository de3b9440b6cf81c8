/**
 * Ofsted inspections of LA children's services, one real report per era and layout (fixtures in
 * tests/fixtures/corpus/text, pypdf text of the published PDFs). Every expected value below was
 * read off the fixture text by hand.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Judgement, ReportDocument } from '../../../src/model/document.ts';
import { parseOfstedLaChildrensServices } from '../../../src/ingest/parsers/ofsted-la-childrens-services.ts';
import { sourceFor } from './seed-text.ts';

function readFixture(name: string): string {
  return readFileSync(
    fileURLToPath(new URL(`../../fixtures/corpus/text/${name}`, import.meta.url)),
    'utf8',
  );
}

function parseFixture(name: string): ReportDocument {
  return parseOfstedLaChildrensServices(readFixture(name), sourceFor(name));
}

const grades = (doc: ReportDocument): Array<Pick<Judgement, 'area' | 'grade' | 'gradeText'>> =>
  doc.judgements;
const improvements = (doc: ReportDocument, section: string) =>
  doc.findings.filter((f) => f.section === section);
const lead = (doc: ReportDocument) => doc.people.find((p) => p.role === 'lead inspector')?.name;

describe('ILACS 2018: Barnsley (children in care and care leavers judged together)', () => {
  const doc = parseFixture('ofsted-ilacs_80426_barnsley_2018-11-19.txt');

  it('reads the LA as location and provider, and the inspection', () => {
    expect(doc.family).toBe('ofsted-la-childrens-services');
    expect(doc.regulator).toBe('OFSTED');
    expect(doc.location).toMatchObject({
      id: 'la:80426',
      urn: '80426',
      name: 'Barnsley',
      region: 'Yorkshire and the Humber',
      localAuthority: 'Barnsley',
    });
    expect(doc.provider).toMatchObject({ id: 'local-authority:80426' });
    expect(doc.inspection).toMatchObject({
      id: 'la:80426:2018-10-08:full',
      type: 'full',
      startDate: '2018-10-08',
      endDate: '2018-10-19',
      framework: 'ILACS',
      overallGrade: 'GOOD',
      overallGradeText: 'Good',
    });
    expect(lead(doc)).toBe('Jan Edwards');
    expect(doc.warnings).toEqual([]);
  });

  it('reads the four judgements of the grade table, wrapped labels and all', () => {
    expect(grades(doc)).toEqual([
      {
        area: 'The impact of leaders on social work practice with children and families',
        grade: 'GOOD',
        gradeText: 'Good',
      },
      {
        area: 'The experiences and progress of children who need help and protection',
        grade: 'GOOD',
        gradeText: 'Good',
      },
      {
        area: 'The experiences and progress of children in care and care leavers',
        grade: 'GOOD',
        gradeText: 'Good',
      },
      { area: 'Overall effectiveness', grade: 'GOOD', gradeText: 'Good' },
    ]);
  });

  it('makes each "What needs to improve" bullet a concern and the narrative paragraphs findings under their headings', () => {
    const items = improvements(doc, 'What needs to improve');
    expect(items).toHaveLength(4);
    expect(items.every((f) => f.polarity === 'concern')).toBe(true);
    expect(items[0]!.text).toMatch(
      /^Risk assessment and the understanding of the wider risks to which young people are exposed/,
    );
    expect(items[3]!.text).toMatch(/^The rigour of audit and dip sampling activity/);
    expect(improvements(doc, 'Summary')[0]!.text).toMatch(
      /^Services for children in Barnsley are good/,
    );
    const help = improvements(
      doc,
      'The experiences and progress of children who need help and protection',
    );
    expect(help[0]!.text).toMatch(/^Children and families benefit from a good early help offer/);
    expect(help.every((f) => f.polarity === 'neutral')).toBe(true);
    expect(doc.findings[0]!.id).toBe('la:80426:2018-10-08:full/finding/1');
  });
});

describe('ILACS 2023 on: Lewisham (care leavers judged on their own)', () => {
  const doc = parseFixture('ofsted-ilacs_80508_lewisham_2024-01-31.txt');

  it('reads dates, lead inspector and all five judgements', () => {
    expect(doc.inspection).toMatchObject({
      startDate: '2023-12-04',
      endDate: '2023-12-15',
      framework: 'ILACS',
      overallGrade: 'GOOD',
    });
    expect(lead(doc)).toBe('Nicki Shaw');
    expect(grades(doc).map((j) => [j.area, j.grade])).toEqual([
      ['The impact of leaders on social work practice with children and families', 'GOOD'],
      ['The experiences and progress of children who need help and protection', 'GOOD'],
      ['The experiences and progress of children in care', 'GOOD'],
      ['The experiences and progress of care leavers', 'GOOD'],
      ['Overall effectiveness', 'GOOD'],
    ]);
  });

  it('reads the four ◼ items of "What needs to improve?"', () => {
    const items = improvements(doc, 'What needs to improve');
    expect(items.map((f) => f.text.slice(0, 40))).toEqual([
      'Tracking arrangements for children who a',
      'Oversight arrangements to progress perma',
      'Assessments to support decisions when ch',
      "Personal advisers' (PAs) understanding o",
    ]);
    expect(improvements(doc, 'Experiences and progress of care leavers').length).toBeGreaterThan(0);
  });
});

describe('ILACS 2022: Sutton (grades on lines of their own)', () => {
  const doc = parseFixture('ofsted-ilacs_80515_sutton_2022-02-01.txt');

  it('reads each grade with its label, the running header kept out of the text', () => {
    expect(doc.inspection).toMatchObject({
      startDate: '2021-12-06',
      endDate: '2021-12-10',
      overallGrade: 'GOOD',
    });
    expect(lead(doc)).toBe('Brenda McLaughlin');
    expect(grades(doc).map((j) => j.grade)).toEqual(['OUTSTANDING', 'GOOD', 'GOOD', 'GOOD']);
    const items = improvements(doc, 'What needs to improve');
    expect(items).toHaveLength(2);
    expect(items[0]!.text).toBe(
      'The quality of practice and earlier planning to meet the needs of care leavers.',
    );
    expect(doc.findings.some((f) => /Inspection of Sutton local authority/.test(f.text))).toBe(
      false,
    );
    expect(doc.provider?.name).toBe('London Borough of Sutton');
  });
});

describe('SIF 2016 with LSCB review: Hammersmith and Fulham', () => {
  const doc = parseFixture('ofsted-la-childrens-services_80497_hammersmith-fulham_2016-03-29.txt');

  it('reads the overall sentence, the numbered judgements and the LSCB judgement', () => {
    expect(doc.inspection).toMatchObject({
      startDate: '2016-01-11',
      endDate: '2016-02-04',
      publishedOn: '2016-03-29',
      framework: 'SIF',
      overallGrade: 'GOOD',
      overallGradeText: 'good',
    });
    expect(grades(doc).map((j) => [j.area, j.grade])).toEqual([
      ['Overall effectiveness', 'GOOD'],
      ['Children who need help and protection', 'GOOD'],
      ['Children looked after and achieving permanence', 'GOOD'],
      ['Adoption performance', 'OUTSTANDING'],
      ['Experiences and progress of care leavers', 'GOOD'],
      ['Leadership, management and governance', 'OUTSTANDING'],
      ['Local Safeguarding Children Board', 'GOOD'],
    ]);
    expect(doc.provider?.name).toBe('London Borough of Hammersmith and Fulham');
  });

  it('keeps the local authority recommendations apart from the LSCB ones', () => {
    const la = improvements(doc, 'Recommendations');
    expect(la).toHaveLength(6);
    expect(la[0]!.text).toMatch(/^Collate information drawn from return home interviews/);
    const lscb = improvements(doc, 'Local Safeguarding Children Board: Recommendations');
    expect(lscb).toHaveLength(5);
    expect(lscb[0]!.text).toMatch(/^Review the extensive dataset/);
  });

  it('names the inspection team', () => {
    expect(doc.people.slice(0, 3)).toEqual([
      { role: 'lead inspector', name: 'Pietro Battista' },
      { role: 'deputy lead inspector', name: 'Paula Thomson-Jones' },
      { role: 'inspector', name: 'Sean Tarpey' },
    ]);
    expect(doc.people.map((p) => p.name)).toContain('Brendan Parkinson');
  });
});

describe('SIF 2014: East Sussex (the first SIF layout)', () => {
  const doc = parseFixture('ofsted-la-childrens-services_80467_east-sussex_2014-03-21.txt');

  it('reads "The overall judgement is good" and a grade split over two lines', () => {
    expect(doc.inspection).toMatchObject({
      startDate: '2014-01-14',
      endDate: '2014-02-05',
      framework: 'SIF',
      overallGrade: 'GOOD',
    });
    expect(grades(doc).find((j) => j.area === 'Experiences and progress of care leavers')).toEqual({
      area: 'Experiences and progress of care leavers',
      grade: 'REQUIRES_IMPROVEMENT',
      gradeText: 'Requires Improvement',
    });
    expect(grades(doc).map((j) => j.grade)).toEqual([
      'GOOD',
      'GOOD',
      'GOOD',
      'OUTSTANDING',
      'REQUIRES_IMPROVEMENT',
      'GOOD',
      'GOOD',
    ]);
    expect(lead(doc)).toBe('Helen Cawston');
  });

  it('reads the nine areas for improvement (paragraphs 19 to 27, across a page break)', () => {
    const items = improvements(doc, 'Areas for improvement');
    expect(items).toHaveLength(9);
    expect(items[0]!.text).toMatch(
      /^Ensure that all children in need cases are allocated promptly/,
    );
    expect(items[8]!.text).toMatch(/^Ensure that in the planning and the development of services/);
    expect(
      improvements(doc, 'Local Safeguarding Children Board: Areas for improvement'),
    ).toHaveLength(2);
  });
});

describe('2013 inspection of looked after children services: Norfolk', () => {
  const doc = parseFixture('ofsted-la-childrens-services_80418_norfolk_2013-08-16.txt');

  it('reads the numbered grades of that era with their wording', () => {
    expect(doc.inspection).toMatchObject({
      startDate: '2013-07-08',
      endDate: '2013-07-12',
      publishedOn: '2013-08-16',
      framework: 'LAC',
      overallGrade: 'INADEQUATE',
      overallGradeText: 'Grade 4 (inadequate)',
    });
    expect(grades(doc).map((j) => j.area)).toEqual([
      'Overall effectiveness',
      'Capacity to improve',
      'Outcomes for looked after children and young people',
      'Quality of provision',
      'Leadership and management',
    ]);
    expect(
      grades(doc).every((j) => j.grade === 'INADEQUATE' && j.gradeText === 'Grade 4 (inadequate)'),
    ).toBe(true);
    expect(lead(doc)).toBe('Gary Lamb');
    expect(doc.provider?.name).toBe('Norfolk County Council');
  });

  it('reads the 17 areas for improvement under "Immediately", "Within three months" and "Within six months"', () => {
    const items = improvements(doc, 'Areas for improvement');
    expect(items).toHaveLength(17);
    expect(items[0]!.text).toMatch(
      /^ensure all elected members understand their corporate parenting duties/,
    );
    expect(items.some((f) => /^Within/.test(f.text))).toBe(false);
  });
});

describe('damaged and partial reports', () => {
  it('reads the first 3,000 bytes of the Barnsley report: judgements and dates, no invented findings', () => {
    const text = readFileSync(
      fileURLToPath(
        new URL('fixtures/ofsted_ilacs_80426_barnsley_2018-11-19_head.txt', import.meta.url),
      ),
      'utf8',
    );
    const doc = parseOfstedLaChildrensServices(text, sourceFor('head.txt'));
    expect(doc.location.id).toBe('la:80426');
    expect(doc.judgements.map((j) => j.grade)).toEqual(['GOOD', 'GOOD', 'GOOD', 'GOOD']);
    expect(doc.inspection.startDate).toBe('2018-10-08');
    expect(improvements(doc, 'What needs to improve')).toHaveLength(4);
  });

  it('keeps an unknown LA as a warning and a content-keyed location', () => {
    const text = readFixture('ofsted-ilacs_80426_barnsley_2018-11-19.txt').replace(
      /Barnsley/g,
      'Atlantis',
    );
    const doc = parseOfstedLaChildrensServices(text, sourceFor('atlantis.txt'));
    expect(doc.location.id).toMatch(/^content:[0-9a-f]{16}$/);
    expect(doc.provider).toBeNull();
    expect(doc.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining([
        'unknown-local-authority',
        'missing-location-id',
        'missing-provider',
      ]),
    );
    expect(doc.judgements).toHaveLength(4);
  });

  it('takes a judgement the table lost from its narrative heading, and says so', () => {
    const text = readFixture('ofsted-ilacs_80426_barnsley_2018-11-19.txt').replace(
      'and families Good',
      'and families Splendid',
    );
    const doc = parseOfstedLaChildrensServices(text, sourceFor('damaged.txt'));
    expect(doc.warnings.map((w) => w.code)).toEqual([
      'unreadable-judgement-row',
      'judgement-from-narrative',
    ]);
    expect(doc.judgements.map((j) => [j.area, j.grade])).toEqual([
      ['The impact of leaders on social work practice with children and families', 'GOOD'],
      ['The experiences and progress of children who need help and protection', 'GOOD'],
      ['The experiences and progress of children in care and care leavers', 'GOOD'],
      ['Overall effectiveness', 'GOOD'],
    ]);
  });

  it('falls back on the narrative headings when there is no grade table at all', () => {
    const text = readFixture('ofsted-ilacs_80426_barnsley_2018-11-19.txt').replace(
      /Judgement Grade[\s\S]*?Overall effectiveness Good/,
      'Judgement Grade',
    );
    const doc = parseOfstedLaChildrensServices(text, sourceFor('no-table.txt'));
    const codes = doc.warnings.map((w) => w.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'unreadable-judgement-table',
        'judgements-from-narrative',
        'missing-overall-grade',
      ]),
    );
    expect(doc.judgements.map((j) => j.grade)).toEqual(['GOOD', 'GOOD', 'GOOD']);
    expect(doc.inspection.overallGrade).toBeNull();
  });
});
