/**
 * The visit dates of focused-visit letters, in the wordings real letters use for them, from the
 * opening of each letter (tests/unit/parsers/fixtures, first 3,000 bytes of the text our PDF
 * reader extracts). Each expectation was read off the letter's first sentence by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseOfstedLaFocusedVisit } from '../../../src/ingest/parsers/ofsted-la-focused-visit.ts';
import { readParserFixture } from './fixture-text.ts';
import { sourceFor } from './seed-text.ts';

const parse = (name: string) => parseOfstedLaFocusedVisit(readParserFixture(name), sourceFor(name));

describe('focused-visit dates', () => {
  it.each([
    // "…on 29 and 30 September, and 1 October 2020.": consecutive days, one visit
    ['ofsted-focused-visit_80443_bury_2020-11-13_head.txt', '2020-09-29', '2020-10-01'],
    // "…between 3 and 5 November 2020.": a window, not two days
    ['ofsted-focused-visit_80451_wakefield_2020-12-18_head.txt', '2020-11-03', '2020-11-05'],
    // "…on the 15 and 16 of May 2018."
    ['ofsted-focused-visit_80491_camden_2018-06-08_head.txt', '2018-05-15', '2018-05-16'],
  ])('%s: %s to %s as one visit', (name, start, end) => {
    const doc = parse(name);
    expect(doc.inspection).toMatchObject({ startDate: start, endDate: end });
    expect(doc.inspection).not.toHaveProperty('visits');
    expect(doc.warnings.filter((w) => /date/.test(w.code))).toEqual([]);
  });

  it('keeps a day apart from the others as a visit of its own ("on 15, 16 and 21 July 2025")', () => {
    const doc = parse('ofsted-focused-visit_80477_kingston-upon-hull_2025-08-28_head.txt');
    expect(doc.inspection).toMatchObject({
      id: 'la:80477:2025-07-15:focused',
      startDate: '2025-07-15',
      endDate: '2025-07-21',
      visits: [
        { start: '2025-07-15', end: '2025-07-16' },
        { start: '2025-07-21', end: '2025-07-21' },
      ],
    });
  });

  it.each([
    // dated 22 February 2018: "…on 30 and 31 January."
    [
      'ofsted-focused-visit_80456_coventry_2018-02-22_head.txt',
      '2018-02-22',
      '2018-01-30',
      '2018-01-31',
    ],
    // dated 23 August 2021: "…on 13 and 14 July."
    [
      'ofsted-focused-visit_80465_durham_2021-08-23_head.txt',
      '2021-08-23',
      '2021-07-13',
      '2021-07-14',
    ],
  ])(
    '%s gives no year: the one of the letter, dated %s, and says so',
    (name, letter, start, end) => {
      const doc = parse(name);
      expect(doc.inspection).toMatchObject({ publishedOn: letter, startDate: start, endDate: end });
      expect(doc.warnings).toContainEqual(
        expect.objectContaining({ code: 'visit-year-from-letter', position: expect.anything() }),
      );
    },
  );
});

describe('the area of practice', () => {
  it('is read from "Inspectors considered …" (Newham, 2018)', () => {
    const doc = parse('ofsted-focused-visit_80511_newham_2018-03-01_head.txt');
    expect(doc.findings[0]).toMatchObject({
      section: 'Area of practice',
      text: "Inspectors considered the local authority's arrangements for child in need and child protection in accordance with the Inspection of Local Authority Children's Services framework (ILACS).",
    });
    expect(doc.warnings.map((w) => w.code)).not.toContain('missing-area-of-practice');
  });
});
