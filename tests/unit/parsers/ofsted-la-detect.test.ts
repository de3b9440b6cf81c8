/**
 * Detection of the Ofsted LA families from content: each real report goes to its family, and the
 * LA families claim neither the seeds nor the other families' fixtures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectReportFamily, parseReport } from '../../../src/ingest/parsers/index.ts';
import { CQC_SEED, OFSTED_SEED, readSeed, sourceFor } from './seed-text.ts';

const LA_FAMILIES = [
  'ofsted-la-childrens-services',
  'ofsted-la-focused-visit',
  'ofsted-la-area-send',
];

function readFrom(folder: string, name: string): string {
  return readFileSync(fileURLToPath(new URL(`${folder}/${name}`, import.meta.url)), 'utf8');
}

describe('detecting the Ofsted LA families', () => {
  it.each([
    ['ofsted-ilacs_80426_barnsley_2018-11-19.txt', 'ofsted-la-childrens-services'],
    ['ofsted-ilacs_80508_lewisham_2024-01-31.txt', 'ofsted-la-childrens-services'],
    ['ofsted-ilacs_80515_sutton_2022-02-01.txt', 'ofsted-la-childrens-services'],
    [
      'ofsted-la-childrens-services_80497_hammersmith-fulham_2016-03-29.txt',
      'ofsted-la-childrens-services',
    ],
    [
      'ofsted-la-childrens-services_80467_east-sussex_2014-03-21.txt',
      'ofsted-la-childrens-services',
    ],
    ['ofsted-la-childrens-services_80418_norfolk_2013-08-16.txt', 'ofsted-la-childrens-services'],
    ['ofsted-focused-visit_80445_cambridgeshire_2018-04-09.txt', 'ofsted-la-focused-visit'],
    ['ofsted-focused-visit_80441_bristol_2025-03-20.txt', 'ofsted-la-focused-visit'],
    ['ofsted-cqc_area-send_80438_brighton-hove_2023-05-31.txt', 'ofsted-la-area-send'],
  ])('recognises %s as %s', (name, family) => {
    const text = readFrom('../../fixtures/corpus/text', name);
    expect(detectReportFamily(text)).toBe(family);
    const result = parseReport({ text, source: sourceFor(name) });
    expect(result.ok && result.document.family).toBe(family);
  });

  it('recognises a report cut after its first page (the first 3,000 bytes of Barnsley 2018)', () => {
    const text = readFrom('fixtures', 'ofsted_ilacs_80426_barnsley_2018-11-19_head.txt');
    expect(detectReportFamily(text)).toBe('ofsted-la-childrens-services');
  });

  it('leaves the seeds and the multi-inspection fixtures to their own families', () => {
    expect(detectReportFamily(readSeed(OFSTED_SEED))).toBe('ofsted-childrens-home');
    expect(detectReportFamily(readSeed(CQC_SEED))).toBe('cqc-location-summary');
    const folder = fileURLToPath(new URL('../../fixtures/reports/', import.meta.url));
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.txt'))) {
      expect(detectReportFamily(readFileSync(`${folder}${name}`, 'utf8')), name).toBe(
        'ofsted-childrens-home',
      );
    }
  });

  it('claims none of the CQC fixtures', () => {
    const folder = fileURLToPath(new URL('../../fixtures/corpus/cqc/', import.meta.url));
    const names = readdirSync(folder).filter((n) => /\.(?:txt|json)$/.test(n));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect(LA_FAMILIES, name).not.toContain(
        detectReportFamily(readFileSync(`${folder}${name}`, 'utf8')),
      );
    }
    expect(detectReportFamily(readFrom('fixtures', 'cqc_1-4237082441_excerpt.txt'))).toBeNull();
  });

  it.each([
    'Lead inspector: Jan Edwards',
    'Focused visit to Kent children’s services',
    'Inspection outcome',
    'The overall effectiveness of the council is being reviewed.\nWhat needs to improve?',
  ])('needs two cues: %j alone is not a report', (text) => {
    expect(detectReportFamily(text)).toBeNull();
  });
});
