/**
 * From report text to a classified ReportDocument: hash → parse → apply metadata → classify →
 * the sentences around each sourced item (text/sentence-context.ts), while the text is at hand.
 * Pure apart from hashing; the CLI, the seed loader and the golden tests all come through here,
 * so what `--dry-run --json` prints is exactly what would be loaded.
 */
import { classifyDocument } from './classify/index.ts';
import type { SourceFormat } from '../model/document.ts';
import { applyReportMeta, type ReportMeta } from './meta.ts';
import { parseReport, type ParseResult } from './parsers/index.ts';
import { sha256Hex } from './text/hash.ts';
import { buildSourceContext } from './text/sentence-context.ts';

export interface BuildInput {
  text: string;
  fileName: string;
  format: SourceFormat;
  meta?: ReportMeta;
}

export function buildReportDocument(input: BuildInput): ParseResult {
  const sha256 = sha256Hex(input.text);
  const parsed = parseReport({
    text: input.text,
    source: { fileName: input.fileName, sha256, format: input.format },
  });
  if (!parsed.ok) return parsed;
  const withMeta = input.meta ? applyReportMeta(parsed.document, input.meta) : parsed.document;
  const classified = classifyDocument(withMeta);
  return {
    ok: true,
    document: { ...classified, context: buildSourceContext(classified, input.text) },
  };
}

export type { ParseResult } from './parsers/index.ts';
