/**
 * The Ofsted children's home parser on an interim inspection report
 * (fixtures/ofsted_childrens-home_interim_sc999003_2019-02-20.txt) and on the copyright line
 * that closes some reports right after the inspector.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseOfstedChildrensHome } from '../../../src/ingest/parsers/ofsted-childrens-home.ts';
import { buildReportDocument } from '../../../src/ingest/pipeline.ts';
import { sourceFor } from './seed-text.ts';

const NAME = 'ofsted_childrens-home_interim_sc999003_2019-02-20.txt';
const text = readFileSync(fileURLToPath(new URL(`fixtures/${NAME}`, import.meta.url)), 'utf8');
const doc = parseOfstedChildrensHome(text, sourceFor(NAME));

describe("Ofsted children's home interim inspection", () => {
  it('reads the inspection as interim, graded by its interim judgement, with no area judgements', () => {
    expect(doc.inspection).toMatchObject({
      id: 'ofsted:SC999003:2019-02-20:interim',
      type: 'interim',
      startDate: '2019-02-20',
      endDate: '2019-02-20',
      framework: 'SCCIF',
      overallGrade: 'SUSTAINED_EFFECTIVENESS',
      overallGradeText: 'sustained effectiveness',
    });
    expect(doc.judgements).toEqual([]);
    expect(doc.warnings).toEqual([]);
  });

  it('reads the history rows, including the earlier interim, and the last inspection', () => {
    expect(doc.history.map((h) => [h.inspectionId, h.grade])).toEqual([
      ['ofsted:SC999003:2018-09-26:full', 'REQUIRES_IMPROVEMENT'],
      ['ofsted:SC999003:2018-01-05:interim', 'SUSTAINED_EFFECTIVENESS'],
      ['ofsted:SC999003:2017-07-12:full', 'GOOD'],
    ]);
  });

  it('reads requirements and recommendations as a full report does', () => {
    expect(
      doc.requirements.map((r) => [
        r.regulation?.number,
        r.paragraphs,
        r.dueDate,
        r.complianceNotice,
      ]),
    ).toEqual([['23', 'Regulation 23 (1) and (2)(b)', '2019-03-31', false]]);
    expect(doc.recommendations.map((r) => r.text)).toEqual([
      'The registered person should ensure that staff receive training in responding to self-harm.',
    ]);
  });

  it('takes the judgement sentence as the headline and each paragraph under "This inspection" as a finding', () => {
    expect(doc.findings.map((f) => [f.section, f.text.slice(0, 40)])).toEqual([
      ['Headline', "This children's home was judged requires"],
      ['This inspection', 'Children continue to make progress in th'],
      ['This inspection', 'Medication records are not accurate, and'],
      ['This inspection', 'Staff receive regular supervision and fe'],
    ]);
  });

  it('links the repeat statement to the full inspection it names, once classified', () => {
    const built = buildReportDocument({ text, fileName: NAME, format: 'txt' });
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.document.findings[2]!.repeat?.refersTo).toBe('ofsted:SC999003:2018-09-26:full');
  });

  it('names the one inspector, not the "© Crown copyright" line after it', () => {
    expect(doc.people).toEqual([
      { role: 'responsible individual', name: 'Robin Example' },
      { role: 'registered manager', name: 'Kim Sample' },
      { role: 'inspector', name: 'Lee Fixture' },
    ]);
  });

  it('warns when a full report carries an interim judgement sentence', () => {
    const mixed = parseOfstedChildrensHome(
      text.replace('Interim inspection', 'Full inspection'),
      sourceFor(NAME),
    );
    expect(mixed.warnings.map((w) => w.code)).toContain('inconsistent-judgement');
  });
});

describe("Ofsted children's home fixtures closing with a copyright line", () => {
  it.each(['sc999001-2022-03-08.txt', 'sc999001-2023-02-14.txt', 'sc999002-2023-05-10.txt'])(
    '%s names one inspector',
    (name) => {
      const fixture = readFileSync(
        fileURLToPath(new URL(`../../fixtures/reports/${name}`, import.meta.url)),
        'utf8',
      );
      const inspectors = parseOfstedChildrensHome(fixture, sourceFor(name)).people.filter(
        (p) => p.role === 'inspector',
      );
      expect(inspectors.map((p) => p.name)).toEqual(['Jo Fixture']);
    },
  );
});
