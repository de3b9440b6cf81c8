/**
 * One file at a time, for the seed load of `npm start`, the ingestReport mutation and the
 * bench: each file is read, parsed, classified and (unless dry-run) loaded in its own
 * transaction. A bad file yields a one-line reason; nothing of a failed report is left in the
 * graph. `npm run ingest` streams whole corpora through bulk/ instead, sharing the helpers and
 * running totals here.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/executor.ts';
import type { ReportDocument, ReportFamily, SourceFormat } from '../model/document.ts';
import { isReportLoaded, loadReportDocument } from '../graph/write/load-reports.ts';
import { parseReportMeta, type ReportMeta } from '../ingest/meta.ts';
import { buildReportDocument } from '../ingest/pipeline.ts';
import { readFileBytes } from '../ingest/sources/read-file-bytes.ts';
import { readSourceText } from '../ingest/sources/read-source.ts';

export type FileStatus = 'loaded' | 'unchanged' | 'parsed' | 'failed';

/**
 * A bulk run's outcomes add `skipped`: a file the ingester does not load on purpose (a JSON Schema,
 * the evaluation dataset, a file type it does not read, a FIFO), reported with its reason and not
 * counted as a failure.
 */
export type RunStatus = FileStatus | 'skipped';

export interface FileResult {
  file: string;
  status: FileStatus;
  /** One line: what went in, or why not. */
  message: string;
  document: ReportDocument | null;
}

export interface IngestOptions {
  /** null = dry run: parse and classify only. */
  db: Database | null;
  /** Load even when a report with the same sha256 is already in the graph. */
  force: boolean;
  /** Metadata applied to every file (flags); a `<file>.meta.json` beside a file wins over it. */
  meta: ReportMeta | null;
}

/** One line about a document for the CLI's result lines. */
export function describeDocument(doc: ReportDocument): string {
  const parts = [
    doc.family,
    doc.location.id,
    doc.inspection.startDate ?? 'undated',
    `${doc.requirements.length} requirements`,
    `${doc.findings.length} findings`,
  ];
  if (doc.warnings.length > 0) parts.push(`${doc.warnings.length} warnings`);
  return parts.join(', ');
}

/** `<file>.meta.json` beside a file, if there is one. */
export async function readSideMeta(
  file: string,
): Promise<{ meta: ReportMeta | null } | { error: string }> {
  const metaFile = `${file}.meta.json`;
  // Checked first, not told by a failed read's ENOENT: most real reports have no side file, and
  // an exception per report cost 19-24 µs against existsSync's 7-12.
  if (!existsSync(metaFile)) return { meta: null };
  let bytes: Buffer;
  try {
    bytes = await readFileBytes(metaFile);
  } catch (error) {
    return {
      error: `${path.basename(metaFile)} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    return { error: `${path.basename(metaFile)} is not valid JSON: ${(error as Error).message}` };
  }
  const parsed = parseReportMeta(json);
  return 'error' in parsed
    ? { error: `${path.basename(metaFile)}: ${parsed.error}` }
    : { meta: parsed.meta };
}

export function mergeMeta(
  base: ReportMeta | null,
  side: ReportMeta | null,
): ReportMeta | undefined {
  if (!base && !side) return undefined;
  const synthetic = side?.synthetic ?? base?.synthetic;
  return {
    location: { ...base?.location, ...side?.location },
    provider: { ...base?.provider, ...side?.provider },
    ...(synthetic === undefined ? {} : { synthetic }),
  };
}

export function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);
}

export interface TextInput {
  text: string;
  fileName: string;
  format: SourceFormat;
  meta?: ReportMeta;
}

/** Parses, classifies and (with a database) loads one report given as text. */
export async function ingestText(
  input: TextInput,
  options: Pick<IngestOptions, 'db' | 'force'>,
  file = input.fileName,
): Promise<FileResult> {
  const parsed = buildReportDocument(input);
  if (!parsed.ok) return { file, status: 'failed', message: parsed.message, document: null };
  const doc = parsed.document;
  if (!options.db) return { file, status: 'parsed', message: describeDocument(doc), document: doc };
  try {
    if (!options.force && (await isReportLoaded(options.db, doc.source.sha256))) {
      return {
        file,
        status: 'unchanged',
        message: `already in the graph (sha256 ${doc.source.sha256.slice(0, 12)})`,
        document: doc,
      };
    }
    await loadReportDocument(options.db, doc);
  } catch (error) {
    return { file, status: 'failed', message: `not loaded: ${oneLine(error)}`, document: null };
  }
  return { file, status: 'loaded', message: describeDocument(doc), document: doc };
}

export async function ingestFile(file: string, options: IngestOptions): Promise<FileResult> {
  const fail = (message: string): FileResult => ({
    file,
    status: 'failed',
    message,
    document: null,
  });
  const source = await readSourceText(file);
  if (!source.ok) return fail(source.reason);
  const side = await readSideMeta(file);
  if ('error' in side) return fail(side.error);
  return ingestText(
    {
      text: source.text,
      fileName: path.basename(file),
      format: source.format,
      meta: mergeMeta(options.meta, side.meta),
    },
    options,
    file,
  );
}

export interface FamilyTotals {
  reports: number;
  inspections: number;
  requirements: number;
  findings: number;
  warnings: number;
}

/** What one report adds to its family's totals: all the summary keeps of a document. */
export interface ReportTally extends FamilyTotals {
  family: ReportFamily;
}

export function tallyDocument(doc: ReportDocument): ReportTally {
  return {
    family: doc.family,
    reports: 1,
    inspections: 1 + doc.history.filter((h) => h.inspectionId !== doc.inspection.id).length,
    requirements: doc.requirements.length,
    findings: doc.findings.length,
    warnings: doc.warnings.length,
  };
}

export interface IngestSummary {
  byFamily: Map<ReportFamily, FamilyTotals>;
  loaded: number;
  unchanged: number;
  parsed: number;
  failed: number;
  skipped: number;
  /** How many files were skipped for each reason (the reason as printed on the file's line). */
  skipReasons: Map<string, number>;
}

export function emptySummary(): IngestSummary {
  return {
    byFamily: new Map(),
    loaded: 0,
    unchanged: 0,
    parsed: 0,
    failed: 0,
    skipped: 0,
    skipReasons: new Map(),
  };
}

/** Folds one file's outcome into running totals, so a bulk run keeps counts, not documents. */
export function addToSummary(
  summary: IngestSummary,
  status: RunStatus,
  tally: ReportTally | null,
): void {
  summary[status] += 1;
  if (!tally) return;
  const totals = summary.byFamily.get(tally.family) ?? {
    reports: 0,
    inspections: 0,
    requirements: 0,
    findings: 0,
    warnings: 0,
  };
  totals.reports += tally.reports;
  totals.inspections += tally.inspections;
  totals.requirements += tally.requirements;
  totals.findings += tally.findings;
  totals.warnings += tally.warnings;
  summary.byFamily.set(tally.family, totals);
}

export function summariseResults(results: readonly FileResult[]): IngestSummary {
  const summary = emptySummary();
  for (const result of results)
    addToSummary(summary, result.status, result.document ? tallyDocument(result.document) : null);
  return summary;
}
