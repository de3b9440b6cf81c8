/** Multi-record CQC API sources: JSONL lines and JSON arrays become one record text each. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readJsonlRecords, splitJsonRecords } from '../../../src/load/bulk/split-records.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'split-records-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RECORD = readFileSync(
  new URL('../../fixtures/corpus/cqc/cqc_1-119142905_api-location.json', import.meta.url),
  'utf8',
);
const record = JSON.parse(RECORD) as { locationId: string };

describe('readJsonlRecords', () => {
  it('gives each non-blank line with its line number', async () => {
    const file = path.join(dir, 'locations.jsonl');
    writeFileSync(file, `${JSON.stringify(record)}\n\n{"broken\r\n${JSON.stringify(record)}\n`);
    const records = [];
    for await (const r of readJsonlRecords(file)) records.push(r);
    expect(records.map((r) => r.suffix)).toEqual(['#L1', '#L3', '#L4']);
    expect(records[1]!.text).toBe('{"broken');
    expect(JSON.parse(records[2]!.text)).toEqual(record);
  });
});

describe('splitJsonRecords', () => {
  it('splits an array into numbered records, each its own text', () => {
    const records = splitJsonRecords(
      JSON.stringify([record, { ...record, locationId: '1-2' }], null, 2),
    );
    expect(records?.map((r) => r.suffix)).toEqual(['#1', '#2']);
    expect(JSON.parse(records![1]!.text)).toMatchObject({ locationId: '1-2' });
  });

  it('splits an object wrapping one array of location detail records', () => {
    const records = splitJsonRecords(JSON.stringify({ total: 2, locations: [record, record] }));
    expect(records).toHaveLength(2);
  });

  it('leaves one record, the API’s id listing, and text that is not JSON to the parser', () => {
    expect(splitJsonRecords(RECORD)).toBeNull();
    const listing = {
      total: 1,
      locations: [{ locationId: '1-10000302982', locationName: 'Example', postalCode: 'OL1 1AA' }],
    };
    expect(splitJsonRecords(JSON.stringify(listing))).toBeNull();
    expect(splitJsonRecords('{"locationId": ')).toBeNull();
  });
});
