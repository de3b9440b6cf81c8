/**
 * Property-based checks that the CQC API location parser survives damaged records: cut text
 * (invalid JSON), any JSON value, and real records with parts deleted or replaced by values of
 * the wrong type. Whatever comes in, parseReport returns a one-line refusal or a complete,
 * JSON-serialisable document with real dates, consistent ids and positions at line starts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../../src/model/document.ts';
import { parseReport, type ParseResult } from '../../../src/ingest/parsers/index.ts';
import { buildReportDocument } from '../../../src/ingest/pipeline.ts';
import { isIsoDateOrNull } from './damage.ts';

const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const FUZZ_TIMEOUT_MS = 60_000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function fixture(name: string): string {
  return readFileSync(
    fileURLToPath(new URL(`../../fixtures/corpus/cqc/${name}`, import.meta.url)),
    'utf8',
  );
}

function checkDocument(doc: ReportDocument, text: string): void {
  expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  expect(doc.family).toBe('cqc-api-location');
  const codes = new Set(doc.warnings.map((w) => w.code));
  const starts = new Set([0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)]);
  const { inspection } = doc;
  expect(isIsoDateOrNull(inspection.startDate) && isIsoDateOrNull(inspection.publishedOn)).toBe(
    true,
  );
  expect(inspection.id).toBe(
    `${doc.location.id}:${inspection.startDate ?? 'undated'}:${inspection.type}`,
  );
  if (!inspection.startDate) expect(codes.has('missing-inspection-date')).toBe(true);
  if (!inspection.overallGrade)
    expect(codes.has('missing-overall-grade') || codes.has('unknown-grade')).toBe(true);
  if (doc.location.cqcId) expect(doc.location.id).toBe(`cqc:${doc.location.cqcId}`);
  else expect(codes.has('missing-location-id')).toBe(true);
  if (!doc.provider) expect(codes.has('missing-provider')).toBe(true);
  if (doc.location.capacity !== null)
    expect(Number.isInteger(doc.location.capacity) && doc.location.capacity > 0).toBe(true);
  const historyIds = new Set<string>();
  for (const h of doc.history) {
    expect(isIsoDateOrNull(h.date)).toBe(true);
    expect(h.inspectionId).toBe(`${doc.location.id}:${h.date}:${h.type}`);
    expect(h.inspectionId).not.toBe(inspection.id);
    expect(historyIds.has(h.inspectionId)).toBe(false);
    historyIds.add(h.inspectionId);
  }
  doc.findings.forEach((f, i) => {
    expect(f.id).toBe(`${inspection.id}/finding/${i + 1}`);
    expect(f.text.trim().length).toBeGreaterThan(0);
    expect(starts.has(f.position.offset)).toBe(true);
    if (f.label) expect(f.label.source).toBe('cqc-quality-statement');
  });
  if (doc.findings.length > 0) expect(inspection.type).toBe('assessment');
  for (const w of doc.warnings) expect(w.code).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
}

function checkResult(result: ParseResult, text: string): void {
  if (!result.ok) {
    expect(['invalid-json', 'unrecognised-format', 'empty-input']).toContain(result.code);
    expect(result.message).not.toMatch(/[\r\n]/);
    return;
  }
  checkDocument(result.document, text);
}

function parseAndCheck(text: string): void {
  checkResult(
    parseReport({
      text,
      source: { fileName: 'fuzz.json', sha256: '0'.repeat(64), format: 'json' },
    }),
    text,
  );
}

/** Every path to a value in a JSON tree (objects and arrays), so a mutation can pick one. */
function paths(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const found: (string | number)[][] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => found.push(...paths(v, [...at, i])));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) found.push(...paths(v, [...at, k]));
  return found;
}

/** `root` with the value at `path` replaced (or deleted when `replacement` is undefined). */
function mutate(
  root: Json,
  path: readonly (string | number)[],
  replacement: Json | undefined,
): Json {
  if (path.length === 0) return replacement ?? null;
  const copy = structuredClone(root);
  let parent: Json = copy;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[key]!;
  const last = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof last === 'number') {
    if (replacement === undefined) parent.splice(last, 1);
    else parent[last] = replacement;
  } else if (parent !== null && typeof parent === 'object') {
    const record = parent as Record<string, Json>;
    if (replacement === undefined) delete record[String(last)];
    else record[String(last)] = replacement;
  }
  return copy;
}

const RECORDS = [
  'cqc_1-5203053560_api-location-with-assessment.json',
  'cqc_1-16561595022_api-location-with-assessment.json',
  'cqc_1-119142905_api-location.json',
];

describe.each(RECORDS)('%s under damage', (name) => {
  const text = fixture(name);
  const record = JSON.parse(text) as Json;
  const allPaths = paths(record);
  const replacement = fc.option(
    fc.oneof(
      fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
      fc.constantFrom<Json>('', '2024-02-30', '1-', 'Good', [], {}, -1, 3.5),
    ),
    { nil: undefined },
  );

  it('parses the undamaged record', () => parseAndCheck(text));

  it(
    'refuses the record cut anywhere as invalid JSON, or reads what is left',
    () => {
      fc.assert(
        fc.property(fc.nat({ max: text.length - 1 }), (end) => parseAndCheck(text.slice(0, end))),
        { numRuns: NUM_RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'survives parts deleted or replaced by values of any type',
    () => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.nat({ max: allPaths.length - 1 }), replacement), {
            minLength: 1,
            maxLength: 6,
          }),
          (edits) => {
            let damaged = record;
            for (const [index, value] of edits) {
              const live = paths(damaged);
              damaged = mutate(damaged, live[index % live.length]!, value);
            }
            parseAndCheck(JSON.stringify(damaged, null, 2));
          },
        ),
        { numRuns: NUM_RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'survives the whole pipeline, classification included, on a damaged record',
    () => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.nat({ max: allPaths.length - 1 }), replacement), { maxLength: 4 }),
          (edits) => {
            let damaged = record;
            for (const [index, value] of edits) {
              const live = paths(damaged);
              damaged = mutate(damaged, live[index % live.length]!, value);
            }
            const result = buildReportDocument({
              text: JSON.stringify(damaged),
              fileName: 'fuzz.json',
              format: 'json',
            });
            if (result.ok)
              expect(JSON.parse(JSON.stringify(result.document))).toEqual(result.document);
            else expect(result.message).not.toMatch(/[\r\n]/);
          },
        ),
        { numRuns: Math.min(NUM_RUNS, 40) },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

describe('random JSON', () => {
  it(
    'never throws on any JSON value or JSON-looking text',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.json(),
            fc.string({ maxLength: 200 }).map((s) => `{"locationId": ${s}`),
            fc.jsonValue().map((v) =>
              JSON.stringify({
                locationId: '1-123',
                assessment: v,
                currentRatings: v,
                historicRatings: v,
              }),
            ),
          ),
          (text) => parseAndCheck(text),
        ),
        { numRuns: NUM_RUNS * 2 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
