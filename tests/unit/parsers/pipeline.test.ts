import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildReportDocument } from '../../../src/ingest/pipeline.ts';
import { CQC_SEED, OFSTED_SEED } from './seed-text.ts';

const seedPath = (name: string): string =>
  fileURLToPath(new URL(`../../../seed/${name}`, import.meta.url));

describe('buildReportDocument', () => {
  it('keys the report by the sha256 of the file bytes', () => {
    const bytes = readFileSync(seedPath(OFSTED_SEED));
    const result = buildReportDocument({
      text: bytes.toString('utf8'),
      fileName: OFSTED_SEED,
      format: 'txt',
    });
    expect(result.ok && result.document.source).toEqual({
      fileName: OFSTED_SEED,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      format: 'txt',
    });
  });

  it('applies metadata before classifying, so every id uses the given location', () => {
    const text = readFileSync(seedPath(CQC_SEED), 'utf8');
    const result = buildReportDocument({
      text,
      fileName: CQC_SEED,
      format: 'html',
      meta: { location: { cqcId: '1-2345678901' } },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const doc = result.document;
    expect(doc.inspection.id).toBe('cqc:1-2345678901:2023-09-11:routine');
    expect(
      doc.findings.every((f) => f.id.startsWith('cqc:1-2345678901:2023-09-11:routine/finding/')),
    ).toBe(true);
    expect(doc.warnings.map((w) => w.code)).toEqual(['missing-provider']);
    for (const f of doc.findings) {
      if (f.repeat?.refersTo) expect(f.repeat.refersTo.startsWith('cqc:1-2345678901:')).toBe(true);
    }
  });

  it('passes refusals through', () => {
    expect(buildReportDocument({ text: '', fileName: 'empty.txt', format: 'txt' })).toMatchObject({
      ok: false,
      code: 'empty-input',
    });
  });
});
