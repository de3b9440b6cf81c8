/**
 * Coverage on real corpus text: a report that prints its service's name and address but no CQC
 * location id has a location (counted as complete) without a regulator id; one that names
 * nothing at all is listed as missing its location.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { measureCoverage, formatCoverage, type ParsedFile } from '../../../src/eval/coverage.ts';
import { buildReportDocument } from '../../../src/ingest/pipeline.ts';

const CQC_DIR = fileURLToPath(new URL('../../fixtures/corpus/cqc/', import.meta.url));

function parseFixture(name: string, edit: (text: string) => string = (t) => t): ParsedFile {
  const text = edit(readFileSync(`${CQC_DIR}${name}`, 'utf8'));
  const result = buildReportDocument({
    text,
    fileName: name,
    format: name.endsWith('.json') ? 'json' : 'txt',
  });
  return result.ok
    ? { file: name, document: result.document, reason: null }
    : { file: name, document: null, reason: result.message };
}

describe('measureCoverage', () => {
  it('counts a named, addressed location without a regulator id as a location, apart from regulator ids', () => {
    const arreta = parseFixture('cqc_arreta-care-limited_2023-11-14.txt');
    const api = parseFixture('cqc_1-5203053560_api-location-with-assessment.json');
    const report = measureCoverage([arreta, api]);
    const full = report.families.find((f) => f.family === 'cqc-full-report');
    expect(full).toMatchObject({ documents: 1, withLocation: 1, withRegulatorId: 0, complete: 1 });
    const record = report.families.find((f) => f.family === 'cqc-api-location');
    expect(record).toMatchObject({ documents: 1, withLocation: 1, withRegulatorId: 1 });
    expect(formatCoverage(report)).toContain('(regulator id 0.0%)');
  });

  it('lists a report whose address is cut away as missing its location', () => {
    const cut = parseFixture('cqc_arreta-care-limited_2023-11-14.txt', (t) =>
      t.replace('78A Bond Way\nHednesford\nCannock\nWS12 4SN\n', ''),
    );
    const report = measureCoverage([cut]);
    expect(report.incomplete).toEqual([
      { file: 'cqc_arreta-care-limited_2023-11-14.txt', missing: ['location'] },
    ]);
  });
});
