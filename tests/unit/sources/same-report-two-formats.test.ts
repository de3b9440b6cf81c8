/**
 * Provenance a person can follow: the text a PDF was read as, numbered as source positions count
 * lines, and one report as a PDF and as a text copy being one location and one inspection.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { numberLines } from '../../../src/cli/print-source-text.ts';
import { planBatch } from '../../../src/graph/write/load-batch-rows.ts';
import { computeReadingKey } from '../../../src/graph/write/reading-key.ts';
import { buildReportDocument } from '../../../src/ingest/pipeline.ts';
import { readSourceText } from '../../../src/ingest/sources/read-source.ts';
import type { ReportDocument } from '../../../src/model/document.ts';

const CQC_DIR = path.resolve(import.meta.dirname, '../../fixtures/corpus/cqc');
const PDF = path.join(CQC_DIR, 'cqc_arreta-care-limited_2023-11-14.pdf');
const TXT = path.join(CQC_DIR, 'cqc_arreta-care-limited_2023-11-14.txt');

async function readDocument(file: string): Promise<{ text: string; doc: ReportDocument }> {
  const read = await readSourceText(file);
  if (!read.ok) throw new Error(read.reason);
  const result = buildReportDocument({
    text: read.text,
    fileName: path.basename(file),
    format: read.format,
  });
  if (!result.ok) throw new Error(result.message);
  return { text: read.text, doc: result.document };
}

// pdf.js loads on first use: seconds on a busy machine.
const PDF_TIMEOUT_MS = 60_000;

describe('a report read from its PDF and from a text copy', () => {
  it(
    'is one location and one inspection, though the two texts differ',
    async () => {
      const pdf = await readDocument(PDF);
      const txt = await readDocument(TXT);
      expect(pdf.text).not.toBe(txt.text);
      expect(pdf.doc.source.sha256).not.toBe(txt.doc.source.sha256);
      expect(pdf.doc.location.id).toMatch(/^content:/);
      expect(pdf.doc.location.id).toBe(txt.doc.location.id);
      expect(pdf.doc.inspection.id).toBe(txt.doc.inspection.id);
      expect(pdf.doc.findings.map((f) => f.text)).toEqual(txt.doc.findings.map((f) => f.text));
    },
    PDF_TIMEOUT_MS,
  );

  it(
    'reads alike, so a batch writes both files and neither replaces the other',
    async () => {
      const pdf = (await readDocument(PDF)).doc;
      const txt = (await readDocument(TXT)).doc;
      expect(computeReadingKey(pdf)).toBe(computeReadingKey(txt));
      const plan = planBatch([pdf, txt]);
      expect(plan.supersededBy.size).toBe(0);
      expect(plan.reports.map((r) => r.report.sha256)).toEqual([
        pdf.source.sha256,
        txt.source.sha256,
      ]);
      // A version that reads differently still replaces the earlier one in the batch.
      const changed = { ...txt, findings: txt.findings.slice(1) };
      expect(computeReadingKey(changed)).not.toBe(computeReadingKey(pdf));
      expect([...planBatch([pdf, changed]).supersededBy]).toEqual([[0, 1]]);
    },
    PDF_TIMEOUT_MS,
  );

  it(
    'prints the PDF text with the line numbers its findings point at',
    async () => {
      const { text, doc } = await readDocument(PDF);
      const numbered = numberLines(text);
      const width = String(numbered.length).length;
      expect(doc.findings.length).toBeGreaterThan(50);
      for (const finding of doc.findings) {
        const { line, offset } = finding.position;
        const printed = numbered[line - 1]!;
        expect(printed.slice(0, width).trim()).toBe(String(line));
        // The numbered line is the line at the finding's offset, and the finding starts on it.
        const lineText = printed.slice(width + 2);
        expect(text.slice(offset, offset + lineText.length)).toBe(lineText);
        const firstWords = finding.text.split(/\s+/).slice(0, 3).join(' ');
        expect(lineText.replace(/\s+/g, ' ')).toContain(firstWords.replace(/[\u2018\u2019]/g, "'"));
      }
    },
    PDF_TIMEOUT_MS,
  );
});
