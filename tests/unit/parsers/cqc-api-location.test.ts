/**
 * The CQC API location parser on real records (tests/fixtures/corpus/cqc): four with a
 * single-framework assessment, three without. Every expected value was read from the JSON by hand.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding, ReportDocument, SourceInfo } from '../../../src/model/document.ts';
import { detectReportFamily, parseReport } from '../../../src/ingest/parsers/index.ts';
import { buildReportDocument } from '../../../src/ingest/pipeline.ts';

function fixture(name: string): string {
  return readFileSync(
    fileURLToPath(new URL(`../../fixtures/corpus/cqc/${name}`, import.meta.url)),
    'utf8',
  );
}

function jsonSource(fileName: string): SourceInfo {
  return { fileName, sha256: '0'.repeat(64), format: 'json' };
}

function parse(name: string): ReportDocument {
  const result = parseReport({ text: fixture(name), source: jsonSource(name) });
  if (!result.ok) throw new Error(result.message);
  return result.document;
}

function labelled(doc: ReportDocument): Finding[] {
  return doc.findings.filter((f) => f.label);
}

function codes(doc: ReportDocument): string[] {
  return doc.warnings.map((w) => w.code);
}

const TREETOPS = 'cqc_1-5203053560_api-location-with-assessment.json';
const FRANKLIN = 'cqc_1-5312102242_api-location-with-assessment.json';
const DENTIST = 'cqc_1-16561595022_api-location-with-assessment.json';
const GP = 'cqc_1-569934227_api-location-with-assessment.json';
const PARKSIDE = 'cqc_1-119142905_api-location.json';
const CHADDERTON = 'cqc_1-16964879095_api-location.json';
const FILBERT = 'cqc_1-10415126755_api-location.json';
const GOOD_STANDARD = '3 - Evidence shows a good standard of care';

describe('recognising a CQC API record', () => {
  it('detects the family from the JSON content, whatever the file is called', () => {
    expect(detectReportFamily(fixture(TREETOPS))).toBe('cqc-api-location');
    expect(detectReportFamily(fixture(PARKSIDE))).toBe('cqc-api-location');
    const asText = parseReport({
      text: fixture(PARKSIDE),
      source: { ...jsonSource('record.txt'), format: 'txt' },
    });
    expect(asText.ok && asText.document.family).toBe('cqc-api-location');
  });

  it('refuses invalid JSON with a one-line reason', () => {
    const result = parseReport({
      text: fixture(TREETOPS).slice(0, 5000),
      source: jsonSource('cut.json'),
    });
    expect(result).toMatchObject({ ok: false, code: 'invalid-json' });
    expect(!result.ok && result.message).toMatch(/^cut\.json: not valid JSON \(/);
    expect(!result.ok && /[\r\n]/.test(result.message)).toBe(false);
  });

  it('refuses JSON that is not one location record', () => {
    expect(
      parseReport({ text: '[{"locationId": "1-1"}]', source: jsonSource('list.json') }),
    ).toMatchObject({ ok: false, code: 'unrecognised-format' });
    expect(
      parseReport({
        text: '{"providerId": "1-101", "organisationType": "Provider"}',
        source: jsonSource('provider.json'),
      }),
    ).toMatchObject({ ok: false, code: 'unrecognised-format' });
  });
});

describe('Treetops Nursing Home (1-5203053560): care home with an assessment', () => {
  const doc = parse(TREETOPS);

  it('reads the location, provider and registered manager', () => {
    expect(doc.family).toBe('cqc-api-location');
    expect(doc.regulator).toBe('CQC');
    expect(doc.location).toMatchObject({
      id: 'cqc:1-5203053560',
      cqcId: '1-5203053560',
      name: 'Treetops Nursing Home',
      type: 'Social Care Org',
      capacity: 34,
      region: 'North West',
      localAuthority: 'Oldham',
      address: 'Carthage Street, Oldham, Greater Manchester, OL8 1LL',
    });
    expect(doc.location.description).toContain(
      'Services: Care home service with nursing (Nursing homes).',
    );
    expect(doc.location.description).toContain(
      'Specialisms: Caring for adults over 65 yrs; Caring for adults under 65 yrs; Eating disorders;',
    );
    expect(doc.provider).toEqual({ id: 'cqc-provider:1-4324789558', name: null, address: null });
    expect(doc.people).toEqual([{ role: 'Registered Manager', name: 'Mr Mathew Biju Thoppil' }]);
  });

  it('takes the assessment as the inspection, with its ratings as judgements', () => {
    expect(doc.inspection).toMatchObject({
      id: 'cqc:1-5203053560:2024-07-15:assessment',
      type: 'assessment',
      startDate: '2024-07-15',
      overallGrade: 'GOOD',
      overallGradeText: 'Good',
      framework: 'CQC single assessment framework',
      publishedOn: '2024-09-17',
    });
    expect(doc.judgements.map((j) => [j.area, j.gradeText])).toEqual([
      ['Overall', 'Good'],
      ['Caring', 'Good'],
      ['Effective', 'Good'],
      ['Responsive', 'Good'],
      ['Safe', 'Good'],
      ['Well-led', 'Good'],
    ]);
  });

  it('dates the historic ratings by their first visit', () => {
    expect(doc.history.map((h) => [h.date, h.gradeText, h.inspectionId])).toEqual([
      ['2020-11-26', 'Good', 'cqc:1-5203053560:2020-11-26:full'],
      ['2019-06-04', 'Requires improvement', 'cqc:1-5203053560:2019-06-04:focused'],
    ]);
  });

  it('types each historic rating by the key questions its report rated', () => {
    // The 2020 report lists all five key questions; the 2019 one only Safe and Well-led.
    expect(doc.history.map((h) => [h.date, h.type, h.typeText])).toEqual([
      ['2020-11-26', 'full', 'all key questions rated'],
      ['2019-06-04', 'focused', '2 of 5 key questions rated'],
    ]);
  });

  it('makes each quality statement commentary a labelled finding with its score', () => {
    const findings = labelled(doc);
    expect(findings.map((f) => [f.section, f.label?.id])).toEqual([
      ['Caring: Independence, choice and control', '17'],
      ['Responsive: Equity in experiences and outcomes', '25'],
      ['Responsive: Person-centred Care', '20'],
      ['Safe: Involving people to manage risks', '4'],
      ['Safe: Safe and effective staffing', '6'],
      ['Safe: Safeguarding', '3'],
      ['Well-led: Capable, compassionate and inclusive leaders', '28'],
      ['Well-led: Freedom to speak up', '29'],
      ['Well-led: Governance, management and sustainability', '31'],
      ['Well-led: Workforce equality, diversity and inclusion', '30'],
    ]);
    for (const f of findings) {
      expect(f.label).toMatchObject({ source: 'cqc-quality-statement', score: GOOD_STANDARD });
      expect(f.polarity).toBe('strength');
    }
    expect(
      findings[0]!.text.startsWith('People told us they were supported to make choices.'),
    ).toBe(true);
  });

  it('keeps the overall and key question commentary as unlabelled findings', () => {
    const unlabelled = doc.findings.filter((f) => !f.label).map((f) => f.section);
    expect(unlabelled).toEqual([
      'Overall',
      "Overall: People's experience",
      'Caring',
      'Responsive',
      'Safe',
      'Well-led',
    ]);
    expect(doc.findings).toHaveLength(16);
  });

  it('points each finding at the line its commentary starts on', () => {
    const text = fixture(TREETOPS).split('\n');
    for (const f of doc.findings) {
      const line = text[f.position.line - 1]!;
      expect(line).toMatch(/"(?:commentary|overallPeopleExperience)": "/);
      expect(line).toContain(f.text.slice(0, 24));
    }
  });
});

describe('Franklin House (1-5312102242): a shortfall score', () => {
  const doc = parse(FRANKLIN);

  it('reads nine scored quality statements, one with shortfalls', () => {
    const findings = labelled(doc);
    expect(findings.map((f) => [f.label?.id, f.label?.score])).toEqual([
      ['17', '2 - Evidence shows some shortfalls in the standard of care'],
      ['25', GOOD_STANDARD],
      ['7', GOOD_STANDARD],
      ['4', GOOD_STANDARD],
      ['8', GOOD_STANDARD],
      ['6', GOOD_STANDARD],
      ['3', GOOD_STANDARD],
      ['28', GOOD_STANDARD],
      ['31', GOOD_STANDARD],
    ]);
    expect(findings[0]!.polarity).toBe('concern');
  });

  it('reads the inspection and history', () => {
    expect(doc.inspection).toMatchObject({
      startDate: '2024-04-17',
      publishedOn: '2024-08-08',
      overallGrade: 'GOOD',
    });
    expect(doc.location.capacity).toBe(40);
    expect(doc.history.map((h) => [h.date, h.grade, h.gradeText])).toEqual([
      ['2021-02-19', 'NOT_RATED', 'Inspected but not rated'],
      ['2018-12-19', 'GOOD', 'Good'],
    ]);
  });
});

describe('The Composite Bonding Company (1-16561595022): a dentist', () => {
  const doc = parse(DENTIST);

  it('keeps "Regulations met" as the wording of ungraded judgements', () => {
    expect(doc.inspection).toMatchObject({
      startDate: '2024-08-30',
      overallGrade: null,
      publishedOn: '2024-11-18',
    });
    expect(codes(doc)).toContain('missing-overall-grade');
    expect(doc.judgements).toHaveLength(5);
    for (const j of doc.judgements)
      expect(j).toMatchObject({ grade: null, gradeText: 'Regulations met' });
  });

  it('labels seven statements, polarity left to the classifier', () => {
    const findings = labelled(doc);
    expect(findings.map((f) => f.label?.id)).toEqual(['15', '10', '24', '7', '6', '5', '31']);
    for (const f of findings) {
      expect(f.label?.score).toBe('Regulations met');
      expect(f.polarity).toBe('neutral');
    }
  });

  it('has no bed capacity and dates history by publication when no visit date is listed', () => {
    expect(doc.location.capacity).toBeNull();
    expect(doc.location.address).toBe('94 Broadway, Chadderton, Oldham, OL9 0AA');
    expect(doc.history.map((h) => [h.date, h.gradeText])).toEqual([
      ['2022-03-07', 'Inspected but not rated'],
      ['2021-12-06', 'Inspected but not rated'],
    ]);
    expect(codes(doc).filter((c) => c === 'visit-date-unknown')).toHaveLength(2);
  });
});

describe('Oldham Family Practice (1-569934227): a GP practice', () => {
  const doc = parse(GP);

  it('has one labelled statement and six earlier reports', () => {
    expect(labelled(doc).map((f) => [f.section, f.label?.score])).toEqual([
      ['Responsive: Equity in access', GOOD_STANDARD],
    ]);
    expect(doc.inspection).toMatchObject({
      id: 'cqc:1-569934227:2024-02-26:assessment',
      publishedOn: '2024-05-10',
    });
    expect(doc.history.map((h) => [h.date, h.gradeText])).toEqual([
      ['2019-04-09', 'Good'],
      ['2019-01-24', 'Inspected but not rated'],
      ['2018-08-10', 'Requires improvement'],
      ['2018-04-06', 'Inspected but not rated'],
      ['2017-12-06', 'Inadequate'],
      ['2015-03-02', 'Good'],
    ]);
  });
});

describe('records without an assessment', () => {
  it('Care at Parkside: the current rating, without the key questions carried over from 2019', () => {
    const doc = parse(PARKSIDE);
    expect(doc.location).toMatchObject({
      id: 'cqc:1-119142905',
      name: 'Care at Parkside',
      capacity: 24,
    });
    // Safe, Well-led and Responsive name the current report; Caring and Effective the 2019 one.
    expect(doc.inspection).toMatchObject({
      id: 'cqc:1-119142905:2021-08-03:focused',
      type: 'focused',
      startDate: '2021-08-03',
      publishedOn: '2024-02-22',
      overallGrade: 'REQUIRES_IMPROVEMENT',
      framework: null,
    });
    expect(doc.judgements.map((j) => [j.area, j.gradeText])).toEqual([
      ['Overall', 'Requires improvement'],
      ['Safe', 'Requires improvement'],
      ['Well-led', 'Requires improvement'],
      ['Responsive', 'Good'],
    ]);
    expect(
      doc.warnings.filter((w) => w.code === 'rating-from-earlier-report').map((w) => w.message),
    ).toEqual([
      'Caring rating "Good" is from the report of 2019-07-20, not this inspection; left out',
      'Effective rating "Good" is from the report of 2019-07-20, not this inspection; left out',
    ]);
    // Historic ratings list only the key questions their report rated: three, or all five.
    expect(doc.history.map((h) => [h.date, h.gradeText, h.type])).toEqual([
      ['2022-08-17', 'Requires improvement', 'focused'],
      ['2020-09-24', 'Inspected but not rated', 'focused'],
      ['2019-06-19', 'Requires improvement', 'focused'],
      ['2018-11-07', 'Inadequate', 'full'],
      ['2018-02-06', 'Requires improvement', 'full'],
      ['2016-08-16', 'Requires improvement', 'full'],
    ]);
    expect(doc.findings).toEqual([]);
    expect(doc.people).toEqual([{ role: 'Registered Manager', name: 'Ms Meena Bimala Kataria' }]);
  });

  it('Chadderton Total Care: no report list, so dates are publication dates', () => {
    const doc = parse(CHADDERTON);
    expect(doc.location.capacity).toBe(146);
    expect(doc.inspection).toMatchObject({
      startDate: '2023-04-13',
      overallGrade: 'REQUIRES_IMPROVEMENT',
    });
    expect(doc.history.map((h) => h.date)).toEqual([
      '2020-11-28',
      '2019-04-17',
      '2018-02-24',
      '2016-03-12',
    ]);
    expect(codes(doc)).toContain('visit-date-unknown');
  });

  it('26 Filbert Street: never rated, described but undated', () => {
    const doc = parse(FILBERT);
    expect(doc.location).toMatchObject({
      id: 'cqc:1-10415126755',
      name: '26 Filbert Street',
      capacity: null,
      address: '26 Filbert Street, Oldham, OL1 4HQ',
    });
    expect(doc.location.description).toContain(
      'Registration: Deregistered, registered 2021-03-03, deregistered 2024-07-17.',
    );
    expect(doc.inspection).toMatchObject({
      id: 'cqc:1-10415126755:undated:unknown',
      startDate: null,
      overallGrade: null,
    });
    expect(codes(doc)).toEqual(
      expect.arrayContaining([
        'missing-inspection',
        'missing-inspection-date',
        'missing-overall-grade',
      ]),
    );
  });
});

describe('through the pipeline', () => {
  it('classifies the labelled findings like any other, keeping the label', () => {
    const result = buildReportDocument({
      text: fixture(FRANKLIN),
      fileName: FRANKLIN,
      format: 'json',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const medicines = result.document.findings.find((f) => f.label?.id === '8')!;
    expect(medicines.themes.map((t) => t.id)).toContain('medication');
    expect(medicines.label).toEqual({
      source: 'cqc-quality-statement',
      id: '8',
      name: 'Medicines optimisation',
      score: GOOD_STANDARD,
    });
    expect(JSON.parse(JSON.stringify(result.document))).toEqual(result.document);
  });
});
