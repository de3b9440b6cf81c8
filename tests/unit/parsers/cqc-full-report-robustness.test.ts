/**
 * Property-based checks that the CQC full report parser survives damaged input: truncated,
 * shuffled, thinned, garbled and random text. Whatever comes in, it returns a complete,
 * JSON-serialisable document whose dates are real, whose positions point at line starts, whose
 * texts are made of the source's words, and whose missing parts are warnings.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReportDocument, SourcePosition } from '../../../src/model/document.ts';
import { parseCqcFullReport } from '../../../src/ingest/parsers/cqc-full-report.ts';
import { parseReport } from '../../../src/ingest/parsers/index.ts';
import { buildReportDocument } from '../../../src/ingest/pipeline.ts';
import { cleanInline, normaliseLineEndings } from '../../../src/ingest/text/normalise.ts';
import { isIsoDateOrNull, itSurvivesCommonDamage } from './damage.ts';

const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const FUZZ_TIMEOUT_MS = 60_000;

function fixture(name: string): string {
  return readFileSync(
    fileURLToPath(new URL(`../../fixtures/corpus/cqc/${name}`, import.meta.url)),
    'utf8',
  );
}

function codes(doc: ReportDocument): Set<string> {
  return new Set(doc.warnings.map((w) => w.code));
}

/**
 * Every word of an extracted text is in the source. A word the parser joined at a line-end hyphen
 * ("self-" + "administer") counts when each of its parts is.
 */
function expectFromSource(extracted: string, source: string): void {
  for (const word of extracted.split(/\s+/)) {
    if (!word || source.includes(word)) continue;
    if (!word.includes('-') || !word.split('-').every((part) => source.includes(part)))
      expect.fail(`"${word}" is not in the source`);
  }
}

function checkDocument(doc: ReportDocument, input: string): void {
  expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  expect(doc.family).toBe('cqc-full-report');
  const text = normaliseLineEndings(input);
  const source = cleanInline(text);
  const starts = new Set([0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)]);
  const expectPosition = (p: SourcePosition | null): void => {
    if (p) expect(starts.has(p.offset), `offset ${p.offset} is a line start`).toBe(true);
  };
  const { inspection } = doc;
  expect(
    isIsoDateOrNull(inspection.startDate) &&
      isIsoDateOrNull(inspection.endDate) &&
      isIsoDateOrNull(inspection.publishedOn),
  ).toBe(true);
  if (inspection.startDate && inspection.endDate)
    expect(inspection.startDate <= inspection.endDate).toBe(true);
  if (!inspection.startDate)
    expect(codes(doc).has('missing-inspection-date') || codes(doc).has('unparsed-date')).toBe(true);
  expect(inspection.id).toBe(
    `${doc.location.id}:${inspection.startDate ?? 'undated'}:${inspection.type}`,
  );
  if (doc.location.id.startsWith('content:'))
    expect(codes(doc).has('missing-location-id')).toBe(true);
  if (!doc.provider) expect(codes(doc).has('missing-provider')).toBe(true);
  if (!inspection.overallGrade) expect(codes(doc).has('missing-overall-grade')).toBe(true);
  for (const h of doc.history) {
    expect(isIsoDateOrNull(h.date)).toBe(true);
    expect(h.inspectionId).toBe(`${doc.location.id}:${h.date}:${h.type}`);
  }
  doc.findings.forEach((f, i) => {
    expect(f.id).toBe(`${inspection.id}/finding/${i + 1}`);
    expect(f.text.length).toBeGreaterThan(0);
    expectFromSource(f.text, source);
    expectPosition(f.position);
  });
  doc.requirements.forEach((r, i) => {
    expect(r.id).toBe(`${inspection.id}/requirement/${i + 1}`);
    expectFromSource(r.text, source);
    expectPosition(r.position);
  });
  doc.enforcement.forEach((e, i) => {
    expect(e.id).toBe(`${inspection.id}/enforcement/${i + 1}`);
    expect(e.count).toBeGreaterThanOrEqual(1);
    expectPosition(e.position);
  });
  for (const r of doc.recommendations) expectPosition(r.position);
  for (const w of doc.warnings) {
    expect(w.code).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    expectPosition(w.position);
  }
}

function parseAndCheck(text: string): void {
  checkDocument(
    parseCqcFullReport(text, { fileName: 'fuzz.txt', sha256: '0'.repeat(64), format: 'txt' }),
    text,
  );
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
        '●',
        '\uF0B7',
        'Good',
        'Inadequate',
        'Is the service safe?',
        'Our findings',
        'Regulation 12 HSCA RA Regulations 2014 ',
        'Safe care and treatment',
        'Date of inspection visit:',
        '31 February 2023',
        '12/13/2020',
        'Rating at last inspection',
        'Action we have told the provider to take',
        'Enforcement actions',
        'We issued a warning notice.',
      ),
      { maxLength: 60 },
    )
    .map((parts) => parts.join('')),
);

describe.each([
  ['Arreta Care report', 'cqc_arreta-care-limited_2023-11-14.txt'],
  ['Lancashire trust report excerpt', 'cqc_trust-RXN_lancashire-teaching_2014-11-14_excerpt.txt'],
])('%s under damage', (_label, name) => {
  const text = fixture(name);
  const lines = text.split('\n');

  it('parses the undamaged report into a valid document', () => parseAndCheck(text));

  itSurvivesCommonDamage({
    text,
    check: parseAndCheck,
    garbage,
    numRuns: NUM_RUNS,
    timeoutMs: FUZZ_TIMEOUT_MS,
  });

  it(
    'survives shuffled and deleted lines',
    () => {
      fc.assert(
        fc.property(fc.shuffledSubarray(lines), (kept) => parseAndCheck(kept.join('\n'))),
        { numRuns: NUM_RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'survives the whole pipeline on thinned and garbled text',
    () => {
      fc.assert(
        fc.property(fc.subarray(lines), fc.array(garbage, { maxLength: 3 }), (kept, junk) => {
          const result = buildReportDocument({
            text: [...kept, ...junk].join('\n'),
            fileName: 'fuzz.txt',
            format: 'txt',
          });
          if (result.ok)
            expect(JSON.parse(JSON.stringify(result.document))).toEqual(result.document);
          else expect(result.message).not.toMatch(/[\r\n]/);
        }),
        { numRuns: Math.min(NUM_RUNS, 60) },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

describe('random input', () => {
  it(
    'never throws on random text, and parseReport refuses or parses it',
    () => {
      fc.assert(
        fc.property(garbage, (text) => {
          parseAndCheck(text);
          const result = parseReport({
            text,
            source: { fileName: 'fuzz.txt', sha256: '0'.repeat(64), format: 'txt' },
          });
          if (!result.ok) expect(result.message).not.toMatch(/[\r\n]/);
        }),
        { numRuns: NUM_RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
