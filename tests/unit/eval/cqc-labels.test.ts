/**
 * CQC labelled examples: findings carrying a quality-statement label on documents built here,
 * and both sets read from the real CQC API assessment records of tests/fixtures/corpus/cqc
 * (every record with quality-statement commentary in the shared corpus: four).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  compareGuideWithMapping,
  labelCqcCommentaries,
  labelCqcFindings,
} from '../../../src/eval/cqc-labels.ts';
import { readLabelledFindings } from '../../../src/eval/theme-labels.ts';
import { scoreThemePairs } from '../../../src/eval/theme-scores.ts';
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
    themes: themes.map((t) => ({ id: t, terms: [], confidence: 1 })),
    citations: [],
    repeat: null,
    boilerplate: false,
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

describe('labelCqcFindings', () => {
  const docs = [
    document('a.json', [
      finding('a/1', ['safeguarding', 'staffing'], '3'),
      finding('a/2', ['care-planning'], '4'),
      finding('a/3', ['governance'], null), // unlabelled: not an example
    ]),
    document('b.json', [finding('b/1', ['safeguarding'], '3'), finding('b/2', [], '99')]),
  ];
  const { examples, unmapped } = labelCqcFindings(docs, STATEMENTS);

  it('takes labelled findings only, with the themes their statement maps to', () => {
    expect(examples.map((e) => [e.where, e.gold, e.predicted])).toEqual([
      ['a/1', ['safeguarding'], ['safeguarding', 'staffing']],
      ['a/2', ['safeguarding', 'care-planning'], ['care-planning']],
      ['b/1', ['safeguarding'], ['safeguarding']],
    ]);
    expect(examples[1]!.label).toBe('4 Involving people to manage risks');
    // tp safeguarding ×2 and care-planning, fp staffing, fn safeguarding.
    expect(scoreThemePairs(examples).micro).toMatchObject({ tp: 3, fp: 1, fn: 1, f1: 0.75 });
  });

  it('lists labels the mapping lacks instead of scoring them', () => {
    expect(unmapped).toEqual([{ file: 'b.json', where: 'b/2', statementId: '99' }]);
  });
});

describe('the real CQC assessment records', () => {
  const folder = fileURLToPath(new URL('../../fixtures/corpus/cqc/', import.meta.url));
  const files = readdirSync(folder).filter((name) => name.endsWith('-with-assessment.json'));
  const documents = files.map((name) => {
    const result = buildReportDocument({
      text: readFileSync(`${folder}${name}`, 'utf8'),
      fileName: name,
      format: 'json',
    });
    if (!result.ok) throw new Error(result.message);
    return result.document;
  });

  it('finds the themes of the quality statement in the 27 labelled findings', () => {
    // The mapping names the statement's own themes; the labelling guide labels a commentary with
    // every theme it speaks of, so themes beyond the statement's are often right and precision
    // against the mapping is only a lower bound. Recall is what the mapping certifies.
    const { examples, unmapped } = labelCqcFindings(documents);
    expect(examples).toHaveLength(27);
    expect(unmapped).toEqual([]);
    expect(scoreThemePairs(examples).micro.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('puts the labelling guide far from the mapping: the ceiling of the first figure', () => {
    // The 12 quality-statement findings that are in the hand-labelled set's development part,
    // with the guide's labels for the tagger's. Counted by hand from the two files: the guide
    // gives the statement's theme on every finding but one (Freedom to speak up: voice, not
    // governance) and 26 themes beyond it (2 + 4 + 4 + 3 + 5 + 3 + 2 + 1 + 2 + 4 + 3 + 6 labels
    // less the 13 shared), so precision 13/39, recall 13/14, F1 26/53 = 0.49.
    const rows = readLabelledFindings(
      readFileSync(new URL('../../golden/themes/findings.jsonl', import.meta.url), 'utf8'),
    ).filter((r) => r.split === 'dev');
    const guide = compareGuideWithMapping(labelCqcFindings(documents).examples, rows);
    expect(guide).toHaveLength(12);
    expect(scoreThemePairs(guide).micro).toMatchObject({ tp: 13, fp: 26, fn: 1 });
  });

  it('reads each evidence-category commentary as an example: 7 + 30 + 30 + 3', () => {
    // Counted in the records: commentaries under topicareas[].evidenceCategory[], per file.
    const counts = new Map<string, number>();
    const examples = files.flatMap((name, i) => {
      const record = JSON.parse(readFileSync(`${folder}${name}`, 'utf8')) as never;
      const found = labelCqcCommentaries(record, name, documents[i]!.inspection.startDate);
      expect(found.unmapped).toEqual([]);
      counts.set(name.slice(4, name.indexOf('_api')), found.examples.length);
      return found.examples;
    });
    expect(Object.fromEntries(counts)).toEqual({
      '1-16561595022': 7,
      '1-5203053560': 30,
      '1-5312102242': 30,
      '1-569934227': 3,
    });
    // A floor far below what the tagger measures, only to catch a collapse.
    expect(scoreThemePairs(examples).micro.f1).toBeGreaterThan(0.45);
  });
});
