import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../../src/model/document.ts';
import { parseCqcLocationSummary } from '../../../src/ingest/parsers/cqc-location-summary.ts';
import { buildContentLocationId } from '../../../src/ingest/text/hash.ts';
import { CQC_SEED, readSeed, sourceFor } from './seed-text.ts';

const text = readSeed(CQC_SEED);
const parse = (t: string): ReportDocument => parseCqcLocationSummary(t, sourceFor(CQC_SEED));
const doc = parse(text);

describe('CQC location summary seed 002', () => {
  it('reads the inspection: dates, kind, rating and direction', () => {
    expect(doc.family).toBe('cqc-location-summary');
    expect(doc.regulator).toBe('CQC');
    expect(doc.parser).toEqual({ name: 'cqc-location-summary', version: '1' });
    expect(doc.inspection).toMatchObject({
      type: 'routine',
      startDate: '2023-09-11',
      endDate: '2023-09-12',
      overallGrade: 'INADEQUATE',
      overallGradeText: 'inadequate',
      ratingDirection: 'DOWN',
      framework: null,
    });
  });

  it('keys the unnamed location by the text hash and says so', () => {
    expect(doc.location.id).toMatch(/^content:[0-9a-f]{16}$/);
    expect(doc.location.id).toBe(buildContentLocationId(text));
    expect(doc.inspection.id).toBe(`${doc.location.id}:2023-09-11:routine`);
    expect(doc.provider).toBeNull();
    expect(doc.warnings.map((w) => w.code)).toEqual(['missing-location-id', 'missing-provider']);
  });

  it('reads 10 concerns before "However:" and 4 strengths after it', () => {
    const concerns = doc.findings.filter((f) => f.polarity === 'concern');
    const strengths = doc.findings.filter((f) => f.polarity === 'strength');
    expect(concerns).toHaveLength(10);
    expect(strengths).toHaveLength(4);
    expect(doc.findings.slice(0, 10).every((f) => f.polarity === 'concern')).toBe(true);
    expect(concerns[0]!.text.startsWith('Five out of 14 parents and carers')).toBe(true);
    expect(concerns[9]!.text).toBe(
      'Most parents and carers we spoke with were not clear about how to complain and give feedback to the service.',
    );
    expect(strengths[3]!.text.startsWith('When staff did see families')).toBe(true);
    expect(
      doc.findings.every(
        (f) => f.section === 'Summary' && f.themes.length === 0 && f.repeat === null,
      ),
    ).toBe(true);
    expect(doc.findings.map((f) => f.id)).toEqual(
      doc.findings.map((_, i) => `${doc.inspection.id}/finding/${i + 1}`),
    );
  });

  it('keeps quoted figures and straightens the curly apostrophe', () => {
    const figures = doc.findings.find((f) => f.text.includes('21% of infants'));
    expect(figures?.text).toContain("families' needs would not be identified");
  });

  it('reads the warning notices of this inspection as one enforcement item', () => {
    expect(doc.enforcement).toEqual([
      {
        id: `${doc.inspection.id}/enforcement/1`,
        type: 'warning-notice',
        legalBasis: 'Section 29 of the Health and Social Care Act 2008',
        regulation: { legislation: 'HSCA2008', number: '29', title: null },
        count: 2,
        issuedOn: null,
        complyBy: '2023-11-24',
        text:
          'As a result of the concerns we identified we issued the provider with 2 Warning Notices under Section 29 of the Health and Social Care Act 2008. ' +
          'The provider had failed to comply with the relevant requirements of the Health and Social Care Act 2008 (Regulated Activities) Regulations 2014. ' +
          'We require the provider to make the necessary improvements and be compliant with the regulation by 24 November 2023.',
        position: { offset: text.indexOf('As a result of the concerns'), line: 19 },
        requirementIds: [],
      },
    ]);
  });

  it('positions point at the bullet lines', () => {
    const lines = text.split('\n');
    for (const f of doc.findings) {
      expect(lines[f.position.line - 1]!.startsWith('- ')).toBe(true);
      expect(text.slice(f.position.offset, f.position.offset + 2)).toBe('- ');
    }
  });
});

describe('CQC location summary: messier layouts', () => {
  it('reads private-use and round bullet glyphs, CRLF and curly quotes the same way', () => {
    const messy = text
      .replace(/^- /gm, '\uF0B7 ')
      .replace(/^(\uF0B7 Most)/m, '\u2022 Most')
      .replace(/\n/g, '\r\n');
    const other = parse(messy);
    expect(other.findings.map((f) => [f.polarity, f.text])).toEqual(
      doc.findings.map((f) => [f.polarity, f.text]),
    );
    expect(other.enforcement.map((e) => e.count)).toEqual([2]);
  });

  it('rejoins a bullet wrapped onto a second line', () => {
    const wrapped = text.replace(
      'difficulties getting in touch with staff, and long waits',
      'difficulties getting in touch with staff,\nand long waits',
    );
    const other = parse(wrapped);
    expect(other.findings).toHaveLength(14);
    expect(other.findings[0]!.text).toBe(doc.findings[0]!.text);
  });

  it('treats the list before "However:" as strengths when the rating is good', () => {
    const good = text.replace(
      'went down. We rated it as inadequate because:',
      'went up. We rated it as good because:',
    );
    const other = parse(good);
    expect(other.inspection).toMatchObject({ overallGrade: 'GOOD', ratingDirection: 'UP' });
    expect(other.findings.filter((f) => f.polarity === 'strength')).toHaveLength(10);
    expect(other.findings.filter((f) => f.polarity === 'concern')).toHaveLength(4);
  });

  it('leaves polarity neutral and warns when the rating cannot be read', () => {
    const unrated = text.replace(' We rated it as inadequate because:', '');
    const other = parse(unrated);
    expect(other.inspection.overallGrade).toBeNull();
    expect(other.findings.every((f) => f.polarity === 'neutral')).toBe(true);
    expect(other.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['missing-overall-grade', 'unknown-polarity']),
    );
  });

  it('reads "stayed the same"', () => {
    expect(parse(text.replace('went down', 'stayed the same')).inspection.ratingDirection).toBe(
      'SAME',
    );
  });
});

describe('CQC location summary: the kind lines of the CQC location pages', () => {
  // Header lines as the location pages print them (shared corpus reports/excerpts:
  // cqc_1-2235535718 and cqc_1-3640689852 for part of the service, cqc_1-5154676354 for the
  // assessment), put in place of the seed's own "During a routine inspection".
  const withKindLine = (line: string): ReportDocument =>
    parse(text.replace('During a routine inspection', line));

  it('reads "During an inspection looking at part of the service" as a focused inspection', () => {
    const focused = withKindLine('During an inspection looking at part of the service');
    expect(focused.inspection.type).toBe('focused');
    expect(focused.inspection.id).toMatch(/:2023-09-11:focused$/);
    expect(focused.warnings.map((w) => w.code)).not.toContain('missing-inspection-type');
  });

  it('reads "During an assessment under our new approach" as an assessment', () => {
    expect(withKindLine('During an assessment under our new approach').inspection.type).toBe(
      'assessment',
    );
  });
});
