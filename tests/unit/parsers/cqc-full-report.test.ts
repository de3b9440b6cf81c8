/**
 * The CQC full inspection report parser on real report text (tests/fixtures/corpus/cqc): the
 * Arreta Care report of 2023 (as pypdf extracted it, and as the project's own PDF reader reads
 * the PDF), and the first pages of two NHS trust reports of 2014 and 2018. Expected values were
 * read from the report text by hand.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding, ReportDocument, SourceInfo } from '../../../src/model/document.ts';
import { parseCqcFullReport } from '../../../src/ingest/parsers/cqc-full-report.ts';
import { readInspectionType } from '../../../src/ingest/parsers/cqc-full-report/inspection-type.ts';
import { readLastRating } from '../../../src/ingest/parsers/cqc-full-report/last-inspection.ts';
import { readStatedDirection } from '../../../src/ingest/parsers/cqc-full-report/stated-direction.ts';
import { readDateMentions } from '../../../src/ingest/parsers/cqc-full-report/date-mentions.ts';
import { detectReportFamily, parseReport } from '../../../src/ingest/parsers/index.ts';
import { readPdfText } from '../../../src/ingest/sources/pdf/pdf-to-text.ts';
import { arretaWithLastRating } from '../../support/arreta-report.ts';

function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/corpus/cqc/${name}`, import.meta.url));
}

function fixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

function source(fileName: string): SourceInfo {
  return { fileName, sha256: '0'.repeat(64), format: 'txt' };
}

function parse(text: string, name = 'report.txt'): ReportDocument {
  const result = parseReport({ text, source: source(name) });
  if (!result.ok) throw new Error(result.message);
  expect(result.document.family).toBe('cqc-full-report');
  return result.document;
}

function countBySection(findings: readonly Finding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.section] = (counts[f.section] ?? 0) + 1;
  return counts;
}

function codes(doc: ReportDocument): string[] {
  return doc.warnings.map((w) => w.code);
}

const ARRETA = 'cqc_arreta-care-limited_2023-11-14.txt';

/** What the Arreta report says, whichever extraction it is read from. */
function expectArretaFacts(doc: ReportDocument): void {
  expect(doc.provider).toEqual({
    id: 'cqc-provider:arreta-care-limited',
    name: 'Arreta Care Limited',
    address: null,
  });
  expect(doc.location).toMatchObject({
    name: 'Arreta Care Limited',
    address: '78A Bond Way, Hednesford, Cannock, WS12 4SN',
    type: 'domiciliary care agency',
    // "providing support to 23 people at the time of the inspection" is occupancy, not capacity.
    capacity: null,
    cqcId: null,
  });
  expect(doc.location.id).toMatch(/^content:[0-9a-f]{16}$/);
  expect(codes(doc)).toContain('missing-location-id');
  // "We looked at the overall quality of the service and provided a rating for the service";
  // "this is the first inspection", so no previous grade and no direction.
  expect(doc.inspection).toMatchObject({
    type: 'full',
    ratingDirection: null,
    previousGrade: null,
    startDate: '2023-10-19',
    endDate: '2023-10-20',
    publishedOn: '2023-11-14',
    overallGrade: 'GOOD',
    overallGradeText: 'Good',
  });
  expect(doc.judgements.map((j) => [j.area, j.grade])).toEqual([
    ['Overall', 'GOOD'],
    ['Safe', 'GOOD'],
    ['Effective', 'GOOD'],
    ['Caring', 'GOOD'],
    ['Responsive', 'GOOD'],
    ['Well-led', 'GOOD'],
  ]);
  // "This service was registered with us on 5 March 2020 and this is the first inspection."
  expect(doc.history).toEqual([]);
  expect(doc.requirements).toEqual([]);
  expect(doc.enforcement).toEqual([]);
  expect(doc.recommendations).toEqual([]);
  expect(countBySection(doc.findings)).toEqual({
    Summary: 9,
    'Why we inspected': 2,
    Safe: 19,
    Effective: 14,
    Caring: 10,
    Responsive: 10,
    'Well-led': 14,
  });
}

describe('CQC full report: Arreta Care Limited, 2023 (pypdf text)', () => {
  const text = fixture(ARRETA);
  const doc = parse(text, ARRETA);

  it('is recognised from its content', () => {
    expect(detectReportFamily(text)).toBe('cqc-full-report');
  });

  it('reads names, address, dates, ratings and findings', () => {
    expectArretaFacts(doc);
  });

  it("reads each key question's bullets and paragraphs, without headings or standard wording", () => {
    const safe = doc.findings.filter((f) => f.section === 'Safe').map((f) => f.text);
    expect(safe[0]).toBe(
      'This is the first inspection of this newly registered service. This key question has been rated good. This meant people were safe and protected from avoidable harm.',
    );
    expect(safe[1]).toBe(
      'People told us they felt safe with the support they received from Arreta Care. One person said, "It is so homely here in the [supported living] house. It\'s the staff, they make me feel safe."',
    );
    expect(safe).toContain('Medicines were administered in a safe way.');
    // A bullet cut by a page break, its margin grade and running header in between.
    expect(safe).toContain(
      'Staff received training to ensure they were competent to administers medicines. One staff member said, "My medication training was thorough, and it was enough, and we have competency checks that are watched as we administer medicines."',
    );
    const all = doc.findings.map((f) => f.text);
    for (const heading of [
      'Staffing and recruitment',
      'Using medicines safely',
      'End of life care and support',
      'Right Support:',
    ])
      expect(all).not.toContain(heading);
    expect(
      all.some((t) =>
        /this means we looked for evidence|Mental Capacity Act 2005 \(MCA\) provides/.test(t),
      ),
    ).toBe(false);
    expect(all.some((t) => t.startsWith('Well-led'))).toBe(false);
  });

  it('keeps the reason for the inspection', () => {
    const why = doc.findings.filter((f) => f.section === 'Why we inspected').map((f) => f.text);
    expect(why[0]).toMatch(
      /^This inspection was prompted by a review of the information we held about this service\./,
    );
    expect(why[1]).toBe(
      'We found no evidence during this inspection that people were at risk of harm from this concern.',
    );
  });

  it('positions every finding at the start of the line it begins on', () => {
    const lines = text.split('\n');
    for (const f of doc.findings) {
      const line = lines[f.position.line - 1]!;
      expect(text.slice(f.position.offset, f.position.offset + line.length)).toBe(line);
      expect(
        line
          .replace(/^\s*●\s*/, '')
          .trim()
          .slice(0, 12),
      ).toBe(f.text.slice(0, 12));
    }
  });
});

describe("CQC full report: Arreta Care Limited, read from the PDF by the project's reader", () => {
  it('gives the same document facts as the pypdf text', async () => {
    const read = await readPdfText(
      readFileSync(fixturePath('cqc_arreta-care-limited_2023-11-14.pdf')),
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expectArretaFacts(parse(read.text, 'cqc_arreta-care-limited_2023-11-14.pdf'));
  }, 30_000);
});

describe('CQC trust reports of the 2014-2018 framework (first 2,000 bytes)', () => {
  it('Lancashire Teaching Hospitals, 2014: breaches of the 2010 regulations named in the letter', () => {
    const doc = parse(fixture('cqc_trust-RXN_lancashire-teaching_2014-11-14_excerpt.txt'));
    expect(doc.location.name).toBe('Lancashire Teaching Hospitals NHS Foundation Trust');
    expect(doc.inspection).toMatchObject({
      type: 'full',
      startDate: '2014-07-09',
      endDate: '2014-07-11',
      publishedOn: '2014-11-14',
      overallGrade: 'REQUIRES_IMPROVEMENT',
    });
    expect(doc.judgements.map((j) => [j.area, j.gradeText])).toEqual([
      ['Overall', 'Requires improvement'],
      ['Safe', 'Requires improvement'],
    ]);
    expect(doc.requirements.map((r) => r.regulation)).toEqual([
      { legislation: 'HSCA-RA-2010', number: '22', title: 'Staffing' },
      { legislation: 'HSCA-RA-2010', number: '23', title: 'Supporting Workers' },
      { legislation: 'HSCA-RA-2010', number: '9', title: 'Care and welfare of service users' },
    ]);
    expect(doc.requirements[0]!.text).toBe(
      'We found the trust was not meeting three regulations Regulation 22 HSCA 2008 (Regulated Activities) Regulations 2010 Staffing.',
    );
    expect(doc.enforcement).toEqual([]);
  });

  it('Norfolk and Norwich, 2018: a visit range over months and a key question printed without its grade', () => {
    const doc = parse(fixture('cqc_trust-RM1_norfolk-norwich_2018-06-19_excerpt.txt'));
    expect(doc.inspection).toMatchObject({
      startDate: '2017-10-10',
      endDate: '2018-03-28',
      publishedOn: '2018-06-19',
      overallGrade: 'INADEQUATE',
    });
    expect(doc.judgements.map((j) => [j.area, j.gradeText])).toEqual([
      ['Overall', 'Inadequate'],
      ['Safe', 'Inadequate'],
      ['Effective', 'Requires improvement'],
      ['Caring', 'Good'],
      ['Well-led', 'Inadequate'],
    ]);
  });
});

describe('closing tables of breaches and enforcement', () => {
  // No report in the corpus has breaches (see corpus/MANIFEST.md, "Not found"), so this is the
  // table layout CQC reports print, with the citation wording quoted in DOMAIN.md; the sentences
  // under each citation are illustrative, not from a report.
  const table = [
    'Action we have told the provider to take',
    'The table below shows where regulations were not being met and we have asked the provider to send us a report that says what action they are going to take.',
    'Regulated activity',
    'Accommodation for persons who require nursing or ',
    'personal care',
    'Regulation',
    'Regulation 12 HSCA RA Regulations 2014 Safe care and ',
    'treatment',
    'Medicines were not managed safely. Regulation 12 (1)(2)(g)',
    'Enforcement actions',
    'The table below shows why we have decided to take enforcement action.',
    'Regulated activity',
    'Personal care',
    'Regulation',
    'Regulation 17 HSCA RA Regulations 2014 Good governance',
    'Systems were not effective.',
    'The enforcement action we took:',
    'We issued a warning notice.',
  ].join('\n');
  const doc = parseCqcFullReport(table, source('table.txt'));

  it('reads each breach as a requirement under its regulation, with paragraph references', () => {
    expect(doc.requirements.map((r) => [r.regulation, r.paragraphs, r.position.line])).toEqual([
      [
        { legislation: 'HSCA-RA-2014', number: '12', title: 'Safe care and treatment' },
        'Regulation 12 (1)(2)(g)',
        7,
      ],
      [{ legislation: 'HSCA-RA-2014', number: '17', title: 'Good governance' }, null, 15],
    ]);
    expect(doc.requirements[0]!.text).toBe(
      'Regulation 12 HSCA RA Regulations 2014 Safe care and treatment Medicines were not managed safely. Regulation 12 (1)(2)(g)',
    );
    // CQC reports never give one: a null due date is the format, not a gap, so no warning.
    expect(doc.requirements.map((r) => r.dueDate)).toEqual([null, null]);
    expect(codes(doc)).not.toContain('missing-due-date');
  });

  it('makes requirement notices and warning notices enforcement items', () => {
    expect(doc.enforcement.map((e) => [e.type, e.regulation?.number, e.count])).toEqual([
      ['requirement-notice', '12', 1],
      ['warning-notice', '17', 1],
    ]);
  });
});

describe('wording helpers', () => {
  it('reads visit dates in the forms reports print', () => {
    expect(readDateMentions('19 October 2023\n20 October 2023')).toEqual([
      '2023-10-19',
      '2023-10-20',
    ]);
    expect(readDateMentions('9, 10, 11 July 2014')).toEqual([
      '2014-07-09',
      '2014-07-10',
      '2014-07-11',
    ]);
    expect(readDateMentions('Sept, Unannounced visits on 21 and 28 Sept 2014')).toEqual([
      '2014-09-21',
      '2014-09-28',
    ]);
    expect(readDateMentions('18 June to 8 July 2025')).toEqual(['2025-06-18', '2025-07-08']);
    expect(readDateMentions('09/01/2015')).toEqual(['2015-01-09']);
    expect(readDateMentions('WS12 4SN')).toEqual([]);
  });

  it('reads the rating at the last inspection', () => {
    const at = { offset: 0, line: 1 };
    expect(
      readLastRating(
        'This service was registered with us on 5 March 2020 and this is the first inspection.',
        at,
      ),
    ).toMatchObject({ firstInspection: true, date: null });
    expect(
      readLastRating(
        'The last rating for this service was requires improvement (published 12 March 2019).',
        at,
      ),
    ).toMatchObject({
      grade: 'REQUIRES_IMPROVEMENT',
      gradeText: 'requires improvement',
      date: '2019-03-12',
      datedByPublication: true,
    });
    expect(
      readLastRating('At the last inspection on 12 May 2016 the service was rated Good.', at),
    ).toMatchObject({ grade: 'GOOD', date: '2016-05-12', datedByPublication: false });
    expect(
      readLastRating('At the last inspection on 12 May 2016 the service was rated Good.', at),
    ).toMatchObject({ type: 'unknown' });
    expect(
      readLastRating(
        'At our last comprehensive inspection on 12 May 2016 we rated this service requires improvement.',
        at,
      ),
    ).toMatchObject({
      grade: 'REQUIRES_IMPROVEMENT',
      date: '2016-05-12',
      type: 'full',
      typeText: 'comprehensive',
    });
    expect(
      readLastRating(
        'At our last routine inspection on 3 June 2019 we rated this service good.',
        at,
      ),
    ).toMatchObject({ grade: 'GOOD', date: '2019-06-03', type: 'routine' });
    expect(readLastRating('Improvements had been made since the last inspection.', at)).toBeNull();
  });
});

describe('the kind of inspection a CQC report names', () => {
  it('reads full, focused and assessment from the wording real reports use', () => {
    const cases: [string, string][] = [
      // Arreta Care 2023 (tests/fixtures/corpus/cqc), "The inspection", over two lines as pypdf wrote it.
      [
        'We looked at the overall quality of the service and provided a rating for \nthe service under the Health and Social Care Act 2008.',
        'full',
      ],
      // Lancashire Teaching Hospitals 2014 (same folder).
      [
        'We inspected Lancashire Teaching Hospitals NHS Foundation Trust as part of the new comprehensive inspection programme.',
        'full',
      ],
      // Hinchingbrooke Hospital 2015 (shared corpus reports/excerpts).
      [
        'The Care Quality Commission (CQC) carried out a comprehensive inspection which included an announced inspection visit',
        'full',
      ],
      // 1-5154676354, 2025 (shared corpus reports/excerpts).
      ['During an assessment under our new approach', 'assessment'],
    ];
    for (const [text, type] of cases) expect(readInspectionType(text, false).type).toBe(type);
    expect(readInspectionType('We carried out an unannounced focused inspection', false)).toEqual({
      type: 'focused',
      typeText: 'focused inspection',
    });
  });

  it('skips a kind named for another inspection, and a whole-service rating when part was not inspected', () => {
    expect(
      readInspectionType(
        'At our last comprehensive inspection on 12 May 2016 we rated this service good. We undertook a focused inspection to review the key questions of safe and well-led only.',
        false,
      ).type,
    ).toBe('focused');
    expect(
      readInspectionType(
        'We will assess all of the key questions at the next comprehensive inspection of the service.',
        false,
      ).type,
    ).toBe('unknown');
    expect(
      readInspectionType(
        'No areas of concern were identified in the other key questions. We therefore did not inspect them. We looked at the overall quality of the service and provided a rating for the service.',
        false,
      ).type,
    ).toBe('unknown');
  });

  it('types the Arreta report full, and a report that names none unknown with a warning', () => {
    expect(parse(fixture(ARRETA), ARRETA).inspection.type).toBe('full');
    const norwich = parse(fixture('cqc_trust-RM1_norfolk-norwich_2018-06-19_excerpt.txt'));
    expect(norwich.inspection.type).toBe('unknown');
    expect(codes(norwich)).toContain('missing-inspection-type');
  });
});

describe('the rating direction a CQC report states', () => {
  it('reads "Our rating of this service went down" (the wording of the CQC seed summary)', () => {
    expect(
      readStatedDirection('Our rating of this location went down.', null, 'INADEQUATE'),
    ).toEqual({
      direction: 'DOWN',
      previousGrade: null,
    });
  });

  it('reads the previous grade and the change from the adult social care wording', () => {
    expect(
      readStatedDirection(
        'The overall rating for the service has changed from good to requires improvement. This is based on the findings at this inspection.',
        null,
        'REQUIRES_IMPROVEMENT',
      ),
    ).toEqual({ direction: 'DOWN', previousGrade: 'GOOD' });
    expect(
      readStatedDirection('At this inspection we found the service remained Good.', null, 'GOOD'),
    ).toEqual({ direction: 'SAME', previousGrade: 'GOOD' });
  });

  it('works it out from "The last rating for this service was …" and the report\'s own grade', () => {
    const undated = parse(
      arretaWithLastRating('The last rating for this service was requires improvement.'),
    );
    // Good now, requires improvement before: up; undated, so no history row to compare with.
    expect(undated.inspection).toMatchObject({
      overallGrade: 'GOOD',
      ratingDirection: 'UP',
      previousGrade: 'REQUIRES_IMPROVEMENT',
    });
    expect(undated.history).toEqual([]);
    expect(codes(undated)).toContain('undated-last-inspection');

    const dated = parse(
      arretaWithLastRating(
        'The last rating for this service was outstanding (published 12 March 2019).',
      ),
    );
    expect(dated.inspection).toMatchObject({
      ratingDirection: 'DOWN',
      previousGrade: 'OUTSTANDING',
    });
    expect(dated.history.map((h) => [h.date, h.grade])).toEqual([['2019-03-12', 'OUTSTANDING']]);
  });

  it('gives no direction when the report states none', () => {
    expect(readStatedDirection('People told us they felt safe.', null, 'GOOD')).toEqual({
      direction: null,
      previousGrade: null,
    });
    // "Inspected but not rated" is off the scale: a previous grade, but no direction.
    expect(readStatedDirection('', 'GOOD', 'NOT_RATED')).toEqual({
      direction: null,
      previousGrade: 'GOOD',
    });
  });
});
