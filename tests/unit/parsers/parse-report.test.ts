import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectReportFamily, parseReport } from '../../../src/ingest/parsers/index.ts';
import { CQC_SEED, OFSTED_SEED, readSeed, sourceFor } from './seed-text.ts';

describe('detectReportFamily', () => {
  it('recognises each seed from its content', () => {
    expect(detectReportFamily(readSeed(OFSTED_SEED))).toBe('ofsted-childrens-home');
    expect(detectReportFamily(readSeed(CQC_SEED))).toBe('cqc-location-summary');
  });

  it.each(['cqc_1-4237082441_excerpt.txt'])(
    'does not recognise %s, a real report of a family it has no parser for',
    (name) => {
      const text = readFileSync(
        fileURLToPath(new URL(`fixtures/${name}`, import.meta.url)),
        'utf8',
      );
      expect(detectReportFamily(text)).toBeNull();
      expect(parseReport({ text, source: sourceFor(name) })).toMatchObject({
        ok: false,
        code: 'unrecognised-format',
      });
    },
  );

  it('needs more than one cue: a single quoted phrase is not enough', () => {
    expect(detectReportFamily('Registered provider: Someone Limited')).toBeNull();
    expect(detectReportFamily('However:')).toBeNull();
  });
});

describe('parseReport', () => {
  it('parses a seed, ignoring the file name', () => {
    const result = parseReport({ text: readSeed(CQC_SEED), source: sourceFor('report.pdf') });
    expect(result.ok && result.document.family).toBe('cqc-location-summary');
  });

  it('refuses empty input', () => {
    expect(parseReport({ text: ' \n\t\n', source: sourceFor('empty.txt') })).toEqual({
      ok: false,
      code: 'empty-input',
      message: 'empty.txt: the file has no text',
    });
  });

  it('refuses text of no known family with a one-line message', () => {
    const result = parseReport({
      text: 'Minutes of the parish council\nApologies were received.',
      source: sourceFor('minutes\n.txt'),
    });
    expect(result).toMatchObject({ ok: false, code: 'unrecognised-format' });
    expect(!result.ok && result.message.includes('\n')).toBe(false);
  });
});
