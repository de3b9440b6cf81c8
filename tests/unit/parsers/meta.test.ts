import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../../src/model/document.ts';
import { applyReportMeta, parseReportMeta } from '../../../src/ingest/meta.ts';
import { parseCqcLocationSummary } from '../../../src/ingest/parsers/cqc-location-summary.ts';
import { parseOfstedChildrensHome } from '../../../src/ingest/parsers/ofsted-childrens-home.ts';
import { CQC_SEED, OFSTED_SEED, readSeed, sourceFor } from './seed-text.ts';

const cqc: ReportDocument = parseCqcLocationSummary(readSeed(CQC_SEED), sourceFor(CQC_SEED));
const ofsted: ReportDocument = parseOfstedChildrensHome(
  readSeed(OFSTED_SEED),
  sourceFor(OFSTED_SEED),
);

describe('parseReportMeta', () => {
  it('accepts location and provider fields', () => {
    const json = {
      location: { cqcId: '1-123456789', name: 'Example Health Visiting', capacity: null },
      provider: { name: 'Example NHS Trust' },
    };
    expect(parseReportMeta(json)).toEqual({ meta: json });
  });

  it.each([
    [null, 'metadata must be a JSON object'],
    [{ locaton: {} }, 'unknown field "locaton"'],
    [{ location: { postcode: 'M1 2WD' } }, 'unknown field "location.postcode"'],
    [{ location: { cqcId: '123' } }, '"location.cqcId" must be a CQC id'],
    [{ location: { urn: 'abc' } }, '"location.urn" must be an Ofsted URN'],
    [{ location: { capacity: 2.5 } }, '"location.capacity" must be a whole number'],
    [{ location: { id: null } }, '"location.id" must be a non-empty string'],
    [{ provider: [] }, '"provider" must be an object'],
  ])('rejects %j', (json, message) => {
    const result = parseReportMeta(json);
    expect('error' in result && result.error).toContain(message);
  });
});

describe('applyReportMeta', () => {
  it('gives the CQC summary its location and provider and rebuilds every id', () => {
    const doc = applyReportMeta(cqc, {
      location: { cqcId: '1-2345678901', name: 'Health visiting service' },
      provider: { id: 'cqc-provider:1-101', name: 'Example Trust' },
    });
    expect(doc.location).toMatchObject({
      id: 'cqc:1-2345678901',
      cqcId: '1-2345678901',
      name: 'Health visiting service',
    });
    expect(doc.provider).toEqual({
      id: 'cqc-provider:1-101',
      name: 'Example Trust',
      address: null,
    });
    expect(doc.inspection.id).toBe('cqc:1-2345678901:2023-09-11:routine');
    expect(doc.findings[13]!.id).toBe('cqc:1-2345678901:2023-09-11:routine/finding/14');
    expect(doc.enforcement[0]!.id).toBe('cqc:1-2345678901:2023-09-11:routine/enforcement/1');
    expect(doc.warnings).toEqual([]);
  });

  it('keeps the warnings the metadata does not resolve', () => {
    const doc = applyReportMeta(cqc, { location: { name: 'Only a name' } });
    expect(doc.location.id).toBe(cqc.location.id);
    expect(doc.warnings.map((w) => w.code)).toEqual(['missing-location-id', 'missing-provider']);
  });

  it('builds the location id from a URN and the provider id from a name', () => {
    const doc = applyReportMeta(cqc, {
      location: { urn: 'SC123456' },
      provider: { name: 'Example Homes Ltd' },
    });
    expect(doc.location.id).toBe('ofsted:SC123456');
    expect(doc.provider?.id).toBe('cqc-provider:example-homes-limited');
  });

  it('overrides what the report says, rebuilds history ids, and reports the override', () => {
    const doc = applyReportMeta(ofsted, {
      location: { id: 'ofsted:999999', region: 'East of England' },
    });
    expect(doc.inspection.id).toBe('ofsted:999999:2019-07-23:full');
    expect(doc.history.map((h) => h.inspectionId)).toEqual([
      'ofsted:999999:2019-02-20:interim',
      'ofsted:999999:2018-09-26:full',
      'ofsted:999999:2018-01-05:interim',
      'ofsted:999999:2017-07-12:full',
    ]);
    expect(doc.requirements[6]!.id).toBe('ofsted:999999:2019-07-23:full/requirement/7');
    expect(doc.location.region).toBe('East of England');
    expect(doc.warnings.map((w) => w.code)).toEqual(['meta-override']);
  });

  it('leaves the document untouched for empty metadata', () => {
    expect(applyReportMeta(ofsted, {})).toEqual(ofsted);
    expect(applyReportMeta(ofsted, { location: {}, provider: {} })).toEqual(ofsted);
  });
});
