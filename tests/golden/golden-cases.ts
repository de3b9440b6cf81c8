import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReportDocument } from '../../src/model/document.ts';
import { buildReportDocument } from '../../src/ingest/pipeline.ts';

/** The seed reports with a golden document: `tests/golden/<seed name>.json`. */
export const GOLDEN_SEEDS = ['000_573f2340e3d978e1', '002_7b99ce8a6ac40e7e'] as const;

export function goldenPath(seed: string): string {
  return fileURLToPath(new URL(`./${seed}.json`, import.meta.url));
}

/** The pipeline's document for a seed, as `npm run ingest -- --dry-run --json` would print it. */
export function buildSeedDocument(seed: string): ReportDocument {
  const fileName = `${seed}.txt`;
  const text = readFileSync(
    fileURLToPath(new URL(`../../seed/${fileName}`, import.meta.url)),
    'utf8',
  );
  const result = buildReportDocument({ text, fileName, format: 'txt' });
  if (!result.ok) throw new Error(`${fileName}: ${result.message}`);
  return result.document;
}

export function serialiseDocument(doc: ReportDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
