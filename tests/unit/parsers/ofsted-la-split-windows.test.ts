/**
 * LA inspections whose "Inspection dates:" line splits the inspection over two visits, from the
 * opening page of real reports (tests/unit/parsers/fixtures, first 3,000 bytes of the text our
 * PDF reader extracts). Each expectation was read off the fixture's dates line by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseOfstedLaChildrensServices } from '../../../src/ingest/parsers/ofsted-la-childrens-services.ts';
import { readParserFixture } from './fixture-text.ts';
import { sourceFor } from './seed-text.ts';

const parse = (name: string) =>
  parseOfstedLaChildrensServices(readParserFixture(name), sourceFor(name));

describe('an inspection split over two visits', () => {
  it.each([
    [
      // "Inspection dates: 8 July 2019 to 12 July 2019 and 7 August 2019 to 8 August 2019"
      'ofsted-ilacs_80460_derbyshire_2019-09-19_head.txt',
      'la:80460:2019-07-08:full',
      [
        { start: '2019-07-08', end: '2019-07-12' },
        { start: '2019-08-07', end: '2019-08-08' },
      ],
    ],
    [
      // "Inspection dates: 30 September to 11 October 2024 and 13 to 16 January 2025"
      'ofsted-ilacs_80461_devon_2025-05-13_head.txt',
      'la:80461:2024-09-30:full',
      [
        { start: '2024-09-30', end: '2024-10-11' },
        { start: '2025-01-13', end: '2025-01-16' },
      ],
    ],
    [
      // "Inspection dates: 19 November-11 December 2013 and 28 – 30 January 2014"
      'ofsted-la-childrens-services_80551_sheffield_2014-02-21_head.txt',
      'la:80551:2013-11-19:full',
      [
        { start: '2013-11-19', end: '2013-12-11' },
        { start: '2014-01-28', end: '2014-01-30' },
      ],
    ],
    [
      // "Inspection dates: 5 to 9 December 2022 and 14 to 15 February 2023"
      'ofsted-ilacs_80557_south-tyneside_2023-05-10_head.txt',
      'la:80557:2022-12-05:full',
      [
        { start: '2022-12-05', end: '2022-12-09' },
        { start: '2023-02-14', end: '2023-02-15' },
      ],
    ],
  ])(
    '%s runs from the first day of the first visit to the last of the last',
    (name, id, visits) => {
      const doc = parse(name);
      expect(doc.inspection).toMatchObject({
        id,
        startDate: visits[0]!.start,
        endDate: visits[visits.length - 1]!.end,
        visits,
      });
      expect(doc.warnings.filter((w) => /date/.test(w.code))).toEqual([]);
    },
  );

  it('keeps no visits for an inspection that ran as one', () => {
    const doc = parse('ofsted-ilacs_80525_newcastle-upon-tyne_2022-02-01_head.txt');
    expect(doc.inspection.startDate).toBe('2021-11-29');
    expect(doc.inspection.endDate).toBe('2021-12-10');
    expect(doc.inspection).not.toHaveProperty('visits');
  });
});
