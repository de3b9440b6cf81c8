/**
 * Property-based checks that the parsers survive damaged input: truncated, shuffled, thinned,
 * garbled and random text. Whatever comes in, parseReport returns either a one-line refusal or a
 * complete, JSON-serialisable document whose dates are real, whose positions point at line
 * starts, and whose missing parts are warnings rather than invented values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../../src/model/document.ts';
import { formatIsoDate } from '../../../src/ingest/text/dates.ts';
import { parseReport, type ParseResult } from '../../../src/ingest/parsers/index.ts';
import { buildReportDocument } from '../../../src/ingest/pipeline.ts';
import { cleanInline, normaliseLineEndings } from '../../../src/ingest/text/normalise.ts';
import { CQC_SEED, OFSTED_SEED, readSeed, sourceFor } from './seed-text.ts';
import { insertLines, itSurvivesCommonDamage, lineInsertions } from './damage.ts';

// FUZZ_RUNS=5000 for a longer hunt; the default keeps the unit suite fast.
const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 150);
/** Generous: each property runs in well under a second alone, but the unit suite runs files in parallel. */
const FUZZ_TIMEOUT_MS = 60_000;

const FAMILIES = new Set(['ofsted-childrens-home', 'cqc-location-summary']);
const GRADES = new Set([
  'OUTSTANDING',
  'GOOD',
  'ADEQUATE',
  'REQUIRES_IMPROVEMENT',
  'INADEQUATE',
  'IMPROVED_EFFECTIVENESS',
  'SUSTAINED_EFFECTIVENESS',
  'DECLINED_IN_EFFECTIVENESS',
  'NOT_RATED',
]);
const TYPES = new Set([
  'full',
  'interim',
  'monitoring',
  'focused',
  'routine',
  'assessment',
  'unknown',
]);

function isIsoDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && formatIsoDate(Number(m[1]), Number(m[2]), Number(m[3])) === value;
}

function expectDateOrNull(value: string | null): void {
  expect(value === null || isIsoDate(value), `date ${String(value)}`).toBe(true);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i += 1) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function codes(doc: ReportDocument): Set<string> {
  return new Set(doc.warnings.map((w) => w.code));
}

/** The source text as extracted text is cleaned, and its words for fast lookup. */
interface Haystack {
  text: string;
  words: Set<string>;
}

function buildHaystack(source: string): Haystack {
  const text = cleanInline(source);
  return { text, words: new Set(text.split(' ')) };
}

/** Every word of an extracted text occurs in the source: nothing was made up. */
function expectWordsFromSource(extracted: string, haystack: Haystack): void {
  for (const word of extracted.split(/\s+/)) {
    if (word === '' || haystack.words.has(word)) continue;
    // A word cut from a longer one ("Registered provider:Name") is still from the source.
    expect(haystack.text.includes(word), `"${word}" not in the source`).toBe(true);
  }
}

function checkDocument(doc: ReportDocument, text: string): void {
  expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  expect(doc.schemaVersion).toBe(1);
  expect(FAMILIES.has(doc.family)).toBe(true);
  expect(['OFSTED', 'CQC']).toContain(doc.regulator);
  expect(typeof doc.parser.name).toBe('string');
  for (const key of [
    'judgements',
    'history',
    'requirements',
    'recommendations',
    'enforcement',
    'findings',
    'people',
    'warnings',
  ] as const) {
    expect(Array.isArray(doc[key])).toBe(true);
  }

  const source = normaliseLineEndings(text);
  const haystack = buildHaystack(source);
  const starts = lineStarts(source);
  const expectPosition = (position: { offset: number; line: number } | null): void => {
    if (position === null) return;
    expect(
      Number.isInteger(position.line) && position.line >= 1 && position.line <= starts.length,
    ).toBe(true);
    expect(position.offset).toBe(starts[position.line - 1]);
  };

  // Identity: a missing key is a warning and a content hash, never a guess.
  expect(doc.location.id.length).toBeGreaterThan(0);
  if (doc.location.id.startsWith('content:'))
    expect(codes(doc).has('missing-location-id')).toBe(true);
  if (doc.location.urn !== null) expect(source).toContain(doc.location.urn);
  if (doc.provider === null) expect(codes(doc).has('missing-provider')).toBe(true);
  else if (doc.provider.name !== null) expectWordsFromSource(doc.provider.name, haystack);

  // Inspection.
  const { inspection } = doc;
  expect(TYPES.has(inspection.type)).toBe(true);
  expectDateOrNull(inspection.startDate);
  expectDateOrNull(inspection.endDate);
  if (inspection.startDate && inspection.endDate)
    expect(inspection.startDate <= inspection.endDate).toBe(true);
  if (inspection.startDate === null) {
    expect(codes(doc).has('missing-inspection-date') || codes(doc).has('unparsed-date')).toBe(true);
  } else {
    expect(source).toContain(inspection.startDate.slice(0, 4));
  }
  expect(inspection.id).toBe(
    `${doc.location.id}:${inspection.startDate ?? 'undated'}:${inspection.type}`,
  );
  if (inspection.overallGrade === null) {
    expect(codes(doc).has('missing-overall-grade') || codes(doc).has('unknown-grade')).toBe(true);
  } else {
    expect(GRADES.has(inspection.overallGrade)).toBe(true);
  }

  for (const j of doc.judgements) {
    expect(j.grade === null || GRADES.has(j.grade)).toBe(true);
    expectWordsFromSource(j.area, haystack);
  }
  for (const h of doc.history) {
    expect(isIsoDate(h.date)).toBe(true);
    expect(h.inspectionId).toBe(`${doc.location.id}:${h.date}:${h.type}`);
  }

  doc.requirements.forEach((r, i) => {
    expect(r.id).toBe(`${inspection.id}/requirement/${i + 1}`);
    expectDateOrNull(r.dueDate);
    if (r.dueDate === null) expect(codes(doc).has('missing-due-date')).toBe(true);
    expectWordsFromSource(r.text, haystack);
    expectPosition(r.position);
  });
  doc.recommendations.forEach((r, i) => {
    expect(r.id).toBe(`${inspection.id}/recommendation/${i + 1}`);
    expectWordsFromSource(r.text, haystack);
    expectPosition(r.position);
  });
  doc.enforcement.forEach((e, i) => {
    expect(e.id).toBe(`${inspection.id}/enforcement/${i + 1}`);
    expectDateOrNull(e.issuedOn);
    expectDateOrNull(e.complyBy);
    expect(Number.isInteger(e.count) && e.count >= 1).toBe(true);
    expectWordsFromSource(e.text, haystack);
    expectPosition(e.position);
  });
  doc.findings.forEach((f, i) => {
    expect(f.id).toBe(`${inspection.id}/finding/${i + 1}`);
    expect(f.text.length).toBeGreaterThan(0);
    expect(['concern', 'strength', 'neutral']).toContain(f.polarity);
    expectWordsFromSource(f.text, haystack);
    expectPosition(f.position);
  });
  for (const w of doc.warnings) {
    expect(w.code).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    expectPosition(w.position);
  }
}

function checkResult(result: ParseResult, text: string): void {
  if (!result.ok) {
    expect(['unrecognised-format', 'empty-input']).toContain(result.code);
    expect(result.message.length).toBeGreaterThan(0);
    expect(result.message).not.toMatch(/[\r\n]/);
    return;
  }
  checkDocument(result.document, text);
}

function parseAndCheck(text: string): void {
  checkResult(parseReport({ text, source: sourceFor('fuzz.txt') }), text);
}

/** Random text, including any Unicode code point, control characters, tabs and tags. */
const garbage = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc
    .array(
      fc.constantFrom(
        '\t',
        '<p>',
        '</p>',
        '\n',
        '\r\n',
        '\f',
        ' ',
        '-',
        '\uF0B7',
        '*',
        ':',
        '12/09/2019',
        '(Regulation 5 (a)',
        ')',
        'inadequate',
        'However:',
      ),
      { maxLength: 80 },
    )
    .map((parts) => parts.join('')),
);

describe.each([
  ["Ofsted children's home seed", OFSTED_SEED],
  ['CQC summary seed', CQC_SEED],
])('%s under damage', (_label, seed) => {
  const text = readSeed(seed);
  const lines = text.split('\n');

  it('parses the undamaged seed into a valid document', () => {
    const result = parseReport({ text, source: sourceFor(seed) });
    expect(result.ok).toBe(true);
    checkResult(result, text);
  });

  itSurvivesCommonDamage({
    text,
    check: parseAndCheck,
    garbage,
    numRuns: NUM_RUNS,
    timeoutMs: FUZZ_TIMEOUT_MS,
  });

  it(
    'survives shuffled lines',
    () => {
      fc.assert(
        fc.property(
          fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length }),
          (shuffled) => parseAndCheck(shuffled.join('\n')),
        ),
        { numRuns: NUM_RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'survives deleted lines',
    () => {
      fc.assert(
        fc.property(fc.subarray(lines), (kept) => parseAndCheck(kept.join('\n'))),
        { numRuns: NUM_RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'survives the whole pipeline, classification included, on thinned and garbled text',
    () => {
      fc.assert(
        fc.property(
          fc.subarray(lines),
          lineInsertions(lines.length, garbage, 4),
          (kept, insertions) => {
            const damaged = insertLines(kept, insertions);
            const text = damaged.join('\n');
            const result = buildReportDocument({ text, fileName: 'fuzz.txt', format: 'txt' });
            if (result.ok)
              expect(JSON.parse(JSON.stringify(result.document))).toEqual(result.document);
            else expect(result.message).not.toMatch(/[\r\n]/);
          },
        ),
        { numRuns: Math.min(NUM_RUNS, 100) },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

describe('random input', () => {
  it(
    'never throws on random text',
    () => {
      fc.assert(
        fc.property(garbage, (text) => parseAndCheck(text)),
        { numRuns: NUM_RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'never throws on random text around the cue phrases of both families',
    () => {
      const cues = fc.constantFrom(
        'Registered provider: ',
        'Unique reference number: ',
        "Information about this children's home",
        'Recent inspection history',
        'Statutory requirements',
        'Inspection judgements',
        'Inspector',
        'Our rating of this location went down. We rated it as ',
        'During a routine inspection',
        'However:',
        '- ',
        'Inspection dates: ',
        'Requirement\tDue date',
      );
      fc.assert(
        fc.property(fc.array(fc.oneof(cues, garbage), { maxLength: 30 }), (parts) =>
          parseAndCheck(parts.join('\n')),
        ),
        { numRuns: NUM_RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
