import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../../src/model/document.ts';
import { applyReportMeta } from '../../../src/ingest/meta.ts';
import { parseOfstedChildrensHome } from '../../../src/ingest/parsers/ofsted-childrens-home.ts';
import { OFSTED_SEED, readSeed, sourceFor } from './seed-text.ts';

function readFixture(name: string): string {
  return readFileSync(
    fileURLToPath(new URL(`../../fixtures/reports/${name}`, import.meta.url)),
    'utf8',
  );
}

const parse = (text: string, name: string): ReportDocument =>
  parseOfstedChildrensHome(text, sourceFor(name));

/** 1-based line and offset of the line that starts with `start`, read from the text itself. */
function lineStarting(text: string, start: string): { line: number; offset: number } {
  const lines = text.split('\n');
  const index = lines.findIndex((l) => l.startsWith(start));
  return { line: index + 1, offset: text.indexOf(`\n${start}`) + 1 };
}

describe("Ofsted children's home seed 000: the compliance notice of its requirements table", () => {
  const text = readSeed(OFSTED_SEED);
  const doc = parse(text, OFSTED_SEED);
  const inspection = 'ofsted:1247390:2019-07-23:full';

  // "6: The quality and purpose of care standard *", due 12/09/2019, the second row of the table;
  // "Enforcement action since last inspection: none", so it is the report's only action.
  it('becomes one compliance notice under regulation 6, to comply with by the due date, linked to its row', () => {
    expect(doc.enforcement).toEqual([
      {
        id: `${inspection}/enforcement/1`,
        type: 'compliance-notice',
        legalBasis: null,
        regulation: {
          legislation: 'CHR2015',
          number: '6',
          title: 'The quality and purpose of care standard',
        },
        count: 1,
        issuedOn: null,
        complyBy: '2019-09-12',
        text: expect.stringMatching(
          /^The quality and purpose of care standard is that children receive care from staff who—\n[\s\S]*\(Regulation 6 \(1\)\(a\)\(b\) \(2\)\(a\)\(b\)\(i\)\(ii\)\(iii\)\(iv\)\(vii\)\(ix\) and \(c\)\(i\)\(ii\)\)$/,
        ),
        position: lineStarting(text, '<p>6: The quality and purpose of care standard *</p>'),
        requirementIds: [`${inspection}/requirement/2`],
      },
    ]);
  });

  it('keeps the text and position of the requirement it enforces', () => {
    const [notice] = doc.enforcement;
    const requirement = doc.requirements.find((r) => r.id === notice!.requirementIds[0]);
    expect(requirement?.complianceNotice).toBe(true);
    expect(notice!.text).toBe(requirement!.text);
    expect(notice!.position).toEqual(requirement!.position);
  });

  it('follows its requirement when metadata gives the home another location id', () => {
    const moved = applyReportMeta(doc, { location: { id: 'ofsted:SC000001' } });
    expect(moved.enforcement.map((e) => [e.id, e.requirementIds])).toEqual([
      [
        'ofsted:SC000001:2019-07-23:full/enforcement/1',
        ['ofsted:SC000001:2019-07-23:full/requirement/2'],
      ],
    ]);
    expect(moved.requirements[1]!.complianceNotice).toBe(true);
  });
});

describe('Ofsted fixtures with and without a compliance notice', () => {
  it('reads the notice under regulation 13 of Brookside House, February 2023', () => {
    const name = 'sc999001-2023-02-14.txt';
    const text = readFixture(name);
    const doc = parse(text, name);
    const inspection = 'ofsted:SC999001:2023-02-14:full';
    expect(doc.enforcement).toEqual([
      {
        id: `${inspection}/enforcement/1`,
        type: 'compliance-notice',
        legalBasis: null,
        regulation: {
          legislation: 'CHR2015',
          number: '13',
          title: 'The leadership and management standard',
        },
        count: 1,
        issuedOn: null,
        complyBy: '2023-03-31',
        text:
          'In particular, the standard in paragraph (1) requires the registered person to—\n' +
          'use monitoring and review systems to make continuous improvements in the quality of care provided in the home. (Regulation 13 (2)(h))',
        position: lineStarting(text, '<p>13: The leadership and management standard *</p>'),
        requirementIds: [`${inspection}/requirement/2`],
      },
    ]);
    expect(doc.warnings).toEqual([]);
  });

  it('reads no enforcement from Brookside House, March 2022, which stars no row', () => {
    const name = 'sc999001-2022-03-08.txt';
    const doc = parse(readFixture(name), name);
    expect(doc.requirements.map((r) => [r.regulation?.number, r.complianceNotice])).toEqual([
      ['12', false],
      ['23', false],
    ]);
    expect(doc.enforcement).toEqual([]);
  });

  it('gives each starred regulation its own notice, numbered after the enforcement since the last inspection', () => {
    const name = 'sc999001-2023-02-14.txt';
    const text = readFixture(name)
      .replace(
        '<p>12: The protection of children standard</p>',
        '<p>12: The protection of children standard *</p>',
      )
      .replace(
        'Enforcement action since last inspection: none',
        'Enforcement action since last inspection: compliance notice issued on 15/04/2022 under regulation 12',
      );
    const doc = parse(text, name);
    const inspection = 'ofsted:SC999001:2023-02-14:full';
    expect(
      doc.enforcement.map((e) => [
        e.id,
        e.regulation?.number,
        e.issuedOn,
        e.complyBy,
        e.requirementIds,
      ]),
    ).toEqual([
      [`${inspection}/enforcement/1`, '12', '2022-04-15', null, []],
      [`${inspection}/enforcement/2`, '12', null, '2023-03-31', [`${inspection}/requirement/1`]],
      [`${inspection}/enforcement/3`, '13', null, '2023-03-31', [`${inspection}/requirement/2`]],
    ]);
  });
});
