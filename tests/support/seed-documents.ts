/** The seed reports parsed through the real pipeline, for loader and API tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReportDocument } from '../../src/model/document.ts';
import { buildReportDocument } from '../../src/ingest/pipeline.ts';

export const SEED_DIR = path.resolve(import.meta.dirname, '../../seed');
export const OFSTED_SEED = '000_573f2340e3d978e1.txt';
export const CQC_SEED = '002_7b99ce8a6ac40e7e.txt';

export function parseSeedText(text: string, fileName: string): ReportDocument {
  const result = buildReportDocument({ text, fileName, format: 'txt' });
  if (!result.ok) throw new Error(`${fileName}: ${result.message}`);
  return result.document;
}

export function readSeedText(fileName: string): string {
  return readFileSync(path.join(SEED_DIR, fileName), 'utf8');
}

export function parseSeed(fileName: string): ReportDocument {
  return parseSeedText(readSeedText(fileName), fileName);
}
