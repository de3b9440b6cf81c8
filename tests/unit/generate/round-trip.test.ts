import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGroundTruth, type CheckResult } from '../../../src/generate/check-ground-truth.ts';
import { GROUND_TRUTH_FILE } from '../../../src/generate/disk-sink.ts';
import type { GroundTruthRecord } from '../../../src/generate/ground-truth.ts';
import { parseReportMeta } from '../../../src/ingest/meta.ts';
import { buildReportDocument } from '../../../src/ingest/pipeline.ts';
import { generateOnDisk, removeCorporaOnDisk } from './corpus-support.ts';

function readTruth(dir: string): GroundTruthRecord[] {
  return readFileSync(path.join(dir, GROUND_TRUTH_FILE), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as GroundTruthRecord);
}

describe('a small synthetic corpus through the real parsers', () => {
  afterAll(removeCorporaOnDisk);
  let dir: string;
  let result: CheckResult;

  beforeAll(async () => {
    // Seed rt1 gives one CQC provider, one Ofsted provider of two homes and another CQC provider of
    // two, with every kind of report: Ofsted full and interim, CQC summaries and full reports.
    dir = generateOnDisk({ locations: 5, years: 2, seed: 'rt1', cqcShare: 0.5 });
    result = await checkGroundTruth(dir, { maxListed: 20 });
  });

  it('parses every report and agrees with the ground truth on every field', () => {
    expect(result.mismatches).toEqual([]);
    expect(result.mismatchCount).toBe(0);
    expect(result.reports).toBe(readTruth(dir).length);
    for (const [field, tally] of result.fields)
      expect(tally, field).toEqual({ agree: result.reports, total: result.reports });
  });

  it('holds every report family and inspection type generated, each report with its meta.json', () => {
    const kinds = new Set(readTruth(dir).map((t) => `${t.family}/${t.type}`));
    expect(kinds).toEqual(
      new Set([
        'ofsted-childrens-home/full',
        'ofsted-childrens-home/interim',
        'cqc-location-summary/routine',
        'cqc-full-report/full',
      ]),
    );
    for (const truth of readTruth(dir)) {
      const meta = parseReportMeta(
        JSON.parse(readFileSync(path.join(dir, `${truth.file}.meta.json`), 'utf8')),
      );
      expect('meta' in meta, truth.file).toBe(true);
    }
  });

  it('names the CQC location and provider only through the metadata', () => {
    const truth = readTruth(dir).find((t) => t.family === 'cqc-location-summary')!;
    const text = readFileSync(path.join(dir, truth.file), 'utf8');
    const bare = buildReportDocument({ text, fileName: 'x.txt', format: 'txt' });
    expect(bare.ok && bare.document.location.id.startsWith('content:')).toBe(true);
    expect(text).not.toContain(truth.locationId.replace('cqc:', ''));
  });

  it('prints the CQC ids on a full report, so it keys the same location and provider without its metadata', () => {
    const truth = readTruth(dir).find((t) => t.family === 'cqc-full-report')!;
    const bare = buildReportDocument({
      text: readFileSync(path.join(dir, truth.file), 'utf8'),
      fileName: 'x.txt',
      format: 'txt',
    });
    expect(bare.ok).toBe(true);
    if (!bare.ok) return;
    expect(bare.document.location.id).toBe(truth.locationId);
    expect(bare.document.provider?.id).toBe(truth.providerId);
    expect(bare.document.location.name).toBe(truth.location.name);
  });
});
