/**
 * Theme agreement: the arithmetic on small documents built here, the report it prints, and the
 * figure on the real CQC assessment records of tests/fixtures/corpus/cqc.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatThemeAgreement } from '../../../src/eval/theme-agreement-format.ts';
import { measureThemeAgreement } from '../../../src/eval/theme-agreement.ts';
import type { Finding, ReportDocument } from '../../../src/model/document.ts';
import { buildReportDocument } from '../../../src/ingest/pipeline.ts';
import type { CqcQualityStatement } from '../../../src/reference/index.ts';

const STATEMENTS: CqcQualityStatement[] = [
  { id: '3', keyQuestion: 'Safe', name: 'Safeguarding', themes: ['safeguarding'], why: '' },
  {
    id: '4',
    keyQuestion: 'Safe',
    name: 'Involving people to manage risks',
    themes: ['safeguarding', 'care-planning'],
    why: '',
  },
];

function finding(id: string, themes: string[], labelId: string | null): Finding {
  const f: Finding = {
    id,
    text: 'text',
    section: 'Safe',
    polarity: 'neutral',
    themes: themes.map((t) => ({ id: t, terms: [] })),
    citations: [],
    repeat: null,
    position: { offset: 0, line: 1 },
  };
  if (labelId) f.label = { source: 'cqc-quality-statement', id: labelId, name: 'n', score: null };
  return f;
}

function document(fileName: string, findings: Finding[]): ReportDocument {
  return {
    schemaVersion: 1,
    source: { fileName, sha256: 'x', format: 'json' },
    family: 'cqc-api-location',
    regulator: 'CQC',
    parser: { name: 'test', version: '0' },
    provider: null,
    location: {
      id: 'cqc:1-1',
      urn: null,
      cqcId: '1-1',
      name: null,
      type: null,
      capacity: null,
      description: null,
      region: null,
      localAuthority: null,
    },
    inspection: {
      id: 'i',
      type: 'assessment',
      startDate: null,
      endDate: null,
      framework: null,
      overallGrade: null,
      overallGradeText: null,
      ratingDirection: null,
    },
    judgements: [],
    history: [],
    requirements: [],
    recommendations: [],
    enforcement: [],
    findings,
    people: [],
    warnings: [],
  };
}

describe('measureThemeAgreement', () => {
  const docs = [
    document('a.json', [
      finding('a/1', ['safeguarding', 'staffing'], '3'), // tp safeguarding, fp staffing
      finding('a/2', ['care-planning'], '4'), // tp care-planning, fn safeguarding
      finding('a/3', ['governance'], null), // unlabelled: not scored
    ]),
    document('b.json', [finding('b/1', ['safeguarding'], '3'), finding('b/2', [], '99')]),
  ];
  const result = measureThemeAgreement(docs, STATEMENTS);

  it('counts (finding, theme) pairs over labelled findings only', () => {
    expect(result.examples).toBe(3);
    expect(result.micro).toMatchObject({
      tp: 3,
      fp: 1,
      fn: 1,
      precision: 0.75,
      recall: 0.75,
      f1: 0.75,
    });
    expect(result.perTheme['safeguarding']).toMatchObject({ tp: 2, fp: 0, fn: 1 });
    expect(result.perTheme['staffing']).toMatchObject({ tp: 0, fp: 1, fn: 0 });
    expect(result.topThemeHits).toBe(3);
  });

  it('lists every disagreement and every label the mapping lacks', () => {
    expect(result.disagreements).toEqual([
      {
        file: 'a.json',
        findingId: 'a/1',
        statement: '3 Safeguarding',
        ours: ['safeguarding', 'staffing'],
        theirs: ['safeguarding'],
      },
      {
        file: 'a.json',
        findingId: 'a/2',
        statement: '4 Involving people to manage risks',
        ours: ['care-planning'],
        theirs: ['safeguarding', 'care-planning'],
      },
    ]);
    expect(result.unmapped).toEqual([{ file: 'b.json', findingId: 'b/2', statementId: '99' }]);
  });

  it('is zero, not NaN, without examples', () => {
    expect(measureThemeAgreement([], STATEMENTS).micro).toEqual({
      tp: 0,
      fp: 0,
      fn: 0,
      precision: 0,
      recall: 0,
      f1: 0,
    });
  });

  it('prints the figures and the disagreements', () => {
    const text = formatThemeAgreement(result);
    expect(text).toContain('micro: precision 0.75  recall 0.75  F1 0.75  (tp 3 fp 1 fn 1)');
    expect(text).toContain(
      'a.json a/1 [3 Safeguarding] ours: safeguarding, staffing | theirs: safeguarding',
    );
    expect(text).toContain('b.json b/2 (99)');
    expect(formatThemeAgreement(result, { disagreements: false })).not.toContain('ours:');
  });
});

describe('theme agreement on the real CQC assessment records', () => {
  const folder = fileURLToPath(new URL('../../fixtures/corpus/cqc/', import.meta.url));
  const documents = readdirSync(folder)
    .filter((name) => name.endsWith('-with-assessment.json'))
    .map((name) => {
      const result = buildReportDocument({
        text: readFileSync(`${folder}${name}`, 'utf8'),
        fileName: name,
        format: 'json',
      });
      if (!result.ok) throw new Error(result.message);
      return result.document;
    });

  it("scores the 27 labelled commentaries at the issue's goal of micro-F1 0.85 or better", () => {
    const result = measureThemeAgreement(documents);
    expect(result.examples).toBe(27);
    expect(result.unmapped).toEqual([]);
    expect(result.micro.f1).toBeGreaterThanOrEqual(0.85);
  });
});
