/**
 * Property-based checks that the Ofsted LA parsers survive damaged input: truncated, thinned,
 * garbled and random text. Whatever comes in, each parser returns a complete, JSON-serialisable
 * document whose dates are real, whose ids follow the location, whose positions point at line
 * starts, whose text comes from the source, and whose missing parts are warnings.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ReportDocument, SourceInfo } from '../../../src/model/document.ts';
import { parseReport } from '../../../src/ingest/parsers/index.ts';
import { parseOfstedLaAreaSend } from '../../../src/ingest/parsers/ofsted-la-area-send.ts';
import { parseOfstedLaChildrensServices } from '../../../src/ingest/parsers/ofsted-la-childrens-services.ts';
import { parseOfstedLaFocusedVisit } from '../../../src/ingest/parsers/ofsted-la-focused-visit.ts';
import { formatIsoDate } from '../../../src/ingest/text/dates.ts';
import { cleanInline, normaliseLineEndings } from '../../../src/ingest/text/normalise.ts';
import { sourceFor } from './seed-text.ts';
import { itSurvivesCommonDamage } from './damage.ts';

// FUZZ_RUNS=5000 for a longer hunt; the default keeps the unit suite fast.
const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const FUZZ_TIMEOUT_MS = 120_000;

type Parser = (text: string, source: SourceInfo) => ReportDocument;

const PARSERS: ReadonlyArray<readonly [string, Parser, string]> = [
  ['ILACS', parseOfstedLaChildrensServices, 'ofsted-ilacs_80508_lewisham_2024-01-31.txt'],
  [
    'SIF',
    parseOfstedLaChildrensServices,
    'ofsted-la-childrens-services_80467_east-sussex_2014-03-21.txt',
  ],
  [
    'LAC',
    parseOfstedLaChildrensServices,
    'ofsted-la-childrens-services_80418_norfolk_2013-08-16.txt',
  ],
  [
    'focused visit',
    parseOfstedLaFocusedVisit,
    'ofsted-focused-visit_80445_cambridgeshire_2018-04-09.txt',
  ],
  ['area SEND', parseOfstedLaAreaSend, 'ofsted-cqc_area-send_80438_brighton-hove_2023-05-31.txt'],
];

const GRADES = new Set(['OUTSTANDING', 'GOOD', 'ADEQUATE', 'REQUIRES_IMPROVEMENT', 'INADEQUATE']);

function readFixture(name: string): string {
  return readFileSync(
    fileURLToPath(new URL(`../../fixtures/corpus/text/${name}`, import.meta.url)),
    'utf8',
  );
}

function isIsoDate(value: string | null | undefined): boolean {
  if (value === null || value === undefined) return true;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && formatIsoDate(Number(m[1]), Number(m[2]), Number(m[3])) === value;
}

function lineStarts(text: string): Set<number> {
  const starts = new Set([0]);
  for (let i = 0; i < text.length; i += 1) if (text[i] === '\n') starts.add(i + 1);
  return starts;
}

/** The invariants every document of the LA families keeps, however damaged its source. */
function checkDocument(doc: ReportDocument, input: string): void {
  expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  const codes = new Set(doc.warnings.map((w) => w.code));
  const text = normaliseLineEndings(input);
  const starts = lineStarts(text);
  const source = cleanInline(text);
  const sourceWords = new Set(source.split(' '));
  /** A word of extracted text is in the source as a word, or inside one (a bullet glyph run into it). */
  const fromSource = (word: string): boolean => sourceWords.has(word) || source.includes(word);

  if (doc.location.id.startsWith('la:')) {
    expect(doc.location.id).toBe(`la:${doc.location.urn}`);
    expect(doc.provider?.id).toBe(`local-authority:${doc.location.urn}`);
  } else {
    expect(doc.location.id).toMatch(/^content:[0-9a-f]{16}$/);
    expect(codes.has('missing-location-id')).toBe(true);
    expect(doc.provider).toBeNull();
  }
  const { inspection } = doc;
  expect(
    isIsoDate(inspection.startDate) &&
      isIsoDate(inspection.endDate) &&
      isIsoDate(inspection.publishedOn),
  ).toBe(true);
  if (inspection.startDate && inspection.endDate)
    expect(inspection.startDate <= inspection.endDate).toBe(true);
  if (!inspection.startDate)
    expect(codes.has('missing-inspection-date') || codes.has('unparsed-date')).toBe(true);
  expect(inspection.id).toBe(
    `${doc.location.id}:${inspection.startDate ?? 'undated'}:${inspection.type}`,
  );

  for (const j of doc.judgements) {
    expect(j.grade === null || GRADES.has(j.grade)).toBe(true);
    expect(source.toLowerCase()).toContain(j.gradeText.toLowerCase());
  }
  if (doc.family === 'ofsted-la-focused-visit') {
    expect(doc.judgements).toEqual([]);
    expect(inspection.overallGrade).toBeNull();
  }
  if (doc.family === 'ofsted-la-area-send') expect(inspection.overallGrade).toBeNull();

  doc.findings.forEach((f, i) => {
    expect(f.id).toBe(`${inspection.id}/finding/${i + 1}`);
    expect(f.text.length).toBeGreaterThan(0);
    expect(starts.has(f.position.offset)).toBe(true);
    for (const word of f.text.split(' '))
      if (!fromSource(word)) expect.fail(`"${word}" not in the source`);
  });
  for (const p of doc.people) expect(source).toContain(p.name.split(' ')[0]!);
  for (const w of doc.warnings) {
    expect(w.code).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    if (w.position) expect(starts.has(w.position.offset)).toBe(true);
  }
}

const garbage = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc
    .array(
      fc.constantFrom(
        '\t',
        '\n',
        '\f',
        ' ',
        '◼ ',
        '\uF0B7 ',
        '1. ',
        'Good',
        'Requires',
        'improvement to be good',
        'Inspection dates: ',
        'What needs to improve?',
        'Overall effectiveness',
        'Judgement Grade',
        'Lead inspector: ',
        'Yours sincerely',
        '12/09/2016 to',
        '30 February 2024',
      ),
      { maxLength: 60 },
    )
    .map((parts) => parts.join('')),
);

describe.each(PARSERS)('%s parser under damage', (_label, parse, fixture) => {
  const text = readFixture(fixture);
  const lines = text.split('\n');
  const run = (damaged: string): void =>
    checkDocument(parse(damaged, sourceFor('fuzz.txt')), damaged);

  it('parses the undamaged fixture into a valid document', () => run(text));

  itSurvivesCommonDamage({
    text,
    check: run,
    garbage,
    numRuns: NUM_RUNS,
    timeoutMs: FUZZ_TIMEOUT_MS,
  });

  it(
    'survives deleted lines',
    () => {
      fc.assert(
        fc.property(fc.subarray(lines), (kept) => run(kept.join('\n'))),
        { numRuns: NUM_RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'never throws on random text',
    () => {
      fc.assert(
        fc.property(garbage, (junk) => run(junk)),
        { numRuns: NUM_RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

describe('parseReport on damaged LA reports', () => {
  it(
    'either refuses in one line or returns a valid document of an LA family',
    () => {
      const texts = PARSERS.map(([, , fixture]) => readFixture(fixture));
      fc.assert(
        fc.property(
          fc.nat({ max: texts.length - 1 }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          (which, cut) => {
            const text = texts[which]!;
            const damaged = text.slice(0, Math.floor(text.length * cut));
            const result = parseReport({ text: damaged, source: sourceFor('cut.txt') });
            if (!result.ok) expect(result.message).not.toMatch(/[\r\n]/);
            else if (result.document.family.startsWith('ofsted-la-'))
              checkDocument(result.document, damaged);
          },
        ),
        { numRuns: NUM_RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
