/**
 * First pages worded in a less common way (the framework in the title, the overall judgement),
 * from real reports (tests/unit/parsers/fixtures, first 3,000 bytes of the text our PDF reader
 * extracts).
 */
import { describe, expect, it } from 'vitest';
import { parseOfstedLaChildrensServices } from '../../../src/ingest/parsers/ofsted-la-childrens-services.ts';
import { readParserFixture } from './fixture-text.ts';
import { sourceFor } from './seed-text.ts';

const parse = (name: string) =>
  parseOfstedLaChildrensServices(readParserFixture(name), sourceFor(name));

describe('framework from the title', () => {
  it.each([
    // "Inspection of Bradford Children and Families Trust", 12 to 23 January 2026
    ['ofsted-ilacs_80449_bradford_2026-05-21_head.txt', 'ILACS', 'la:80449:2026-01-12:full'],
    // "Somerset County Council / Reinspection of services for children in need of help and
    // protection, children looked after and care leavers", 7 to 30 November 2017
    [
      'ofsted-la-childrens-services_80555_somerset_2018-01-29_head.txt',
      'SIF',
      'la:80555:2017-11-07:full',
    ],
  ])('%s is %s', (name, framework, id) => {
    const doc = parse(name);
    expect(doc.inspection).toMatchObject({ framework, id });
    expect(doc.warnings.map((w) => w.code)).not.toContain('unknown-framework');
  });
});

describe('the SIF overall judgement', () => {
  it('reads "Children\'s services require improvement to be good" without "in <LA>"', () => {
    // Luton Borough Council, "Inspection date: 11 January 2016–4 February 2016"
    const doc = parse('ofsted-la-childrens-services_80520_luton_2016-03-29_head.txt');
    expect(doc.inspection).toMatchObject({
      id: 'la:80520:2016-01-11:full',
      framework: 'SIF',
      overallGrade: 'REQUIRES_IMPROVEMENT',
      overallGradeText: 'require improvement to be good',
    });
    expect(doc.warnings.map((w) => w.code)).not.toContain('missing-overall-grade');
  });
});
