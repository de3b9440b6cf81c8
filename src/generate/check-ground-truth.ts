/**
 * `--check DIR`: parses every report of a generated corpus through the real pipeline
 * (`buildReportDocument`, with the report's `<file>.meta.json` read by the ingester's own
 * metadata reader) and compares the document with the ground truth, field by field. The
 * ground truth is streamed a line at a time, so a corpus of any size is checked in flat memory.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseReportMeta, type ReportMeta } from '../ingest/meta.ts';
import { buildReportDocument } from '../ingest/pipeline.ts';
import { CHECKED_FIELDS, compareWithTruth } from './compare-report.ts';
import { GROUND_TRUTH_FILE } from './disk-sink.ts';
import type { GroundTruthRecord } from './ground-truth.ts';

export interface FieldTally {
  agree: number;
  total: number;
}

export interface Mismatch {
  file: string;
  field: string;
  expected: string;
  actual: string;
}

export interface RepeatTally {
  /** Repeat statements in the ground truth. */
  statements: number;
  /** Of those, the ones the report itself can resolve (against its history table or its rating at last inspection). */
  resolvable: number;
  /** Resolvable ones the parsed finding links to the right inspection. */
  linked: number;
  /** Unresolvable ones (CQC summaries) whose sentence the classifier still found. */
  foundUnlinked: number;
}

export interface CheckResult {
  reports: number;
  fields: Map<string, FieldTally>;
  mismatchCount: number;
  /** The first mismatches, up to the limit asked for. */
  mismatches: Mismatch[];
  repeats: RepeatTally;
  seconds: number;
}

export interface CheckOptions {
  maxListed: number;
  onProgress?: (reports: number) => void;
}

function formatValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

function readMeta(file: string): { meta: ReportMeta | undefined } | { error: string } {
  const metaFile = `${file}.meta.json`;
  if (!existsSync(metaFile)) return { meta: undefined };
  const parsed = parseReportMeta(JSON.parse(readFileSync(metaFile, 'utf8')));
  return 'error' in parsed
    ? { error: `${path.basename(metaFile)}: ${parsed.error}` }
    : { meta: parsed.meta };
}

function countField(result: CheckResult, field: string, agree: boolean): void {
  const entry = result.fields.get(field) ?? { agree: 0, total: 0 };
  entry.total += 1;
  if (agree) entry.agree += 1;
  result.fields.set(field, entry);
}

function recordMismatch(result: CheckResult, limit: number, mismatch: Mismatch): void {
  result.mismatchCount += 1;
  if (result.mismatches.length < limit) result.mismatches.push(mismatch);
}

function checkReport(
  dir: string,
  truth: GroundTruthRecord,
  result: CheckResult,
  limit: number,
): void {
  const file = path.join(dir, truth.file);
  const fail = (reason: string): void => {
    countField(result, 'parse', false);
    recordMismatch(result, limit, {
      file: truth.file,
      field: 'parse',
      expected: 'a ReportDocument',
      actual: reason,
    });
  };
  if (!existsSync(file)) return fail('file missing');
  const meta = readMeta(file);
  if ('error' in meta) return fail(meta.error);
  const built = buildReportDocument({
    text: readFileSync(file, 'utf8'),
    fileName: path.basename(file),
    format: 'txt',
    meta: meta.meta,
  });
  if (!built.ok) return fail(built.message);
  countField(result, 'parse', true);
  for (const c of compareWithTruth(truth, built.document)) {
    countField(result, c.field, c.agree);
    if (!c.agree)
      recordMismatch(result, limit, {
        file: truth.file,
        field: c.field,
        expected: formatValue(c.expected),
        actual: formatValue(c.actual),
      });
  }
  for (const repeat of truth.repeats) {
    const found = built.document.findings[repeat.finding]?.repeat ?? null;
    result.repeats.statements += 1;
    if (repeat.resolvableFromReport) {
      result.repeats.resolvable += 1;
      if (found?.refersTo === repeat.refersTo) result.repeats.linked += 1;
    } else if (found?.statement === repeat.statement && found.refersTo === null) {
      result.repeats.foundUnlinked += 1;
    }
  }
}

export async function checkGroundTruth(dir: string, options: CheckOptions): Promise<CheckResult> {
  const started = performance.now();
  const truthPath = path.join(dir, GROUND_TRUTH_FILE);
  if (!existsSync(truthPath))
    throw new Error(`${truthPath} not found: is ${dir} a generated corpus?`);
  const result: CheckResult = {
    reports: 0,
    fields: new Map(['parse', ...CHECKED_FIELDS].map((f) => [f, { agree: 0, total: 0 }])),
    mismatchCount: 0,
    mismatches: [],
    repeats: { statements: 0, resolvable: 0, linked: 0, foundUnlinked: 0 },
    seconds: 0,
  };
  const lines = createInterface({
    input: createReadStream(truthPath, 'utf8'),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    checkReport(dir, JSON.parse(line) as GroundTruthRecord, result, options.maxListed);
    result.reports += 1;
    options.onProgress?.(result.reports);
  }
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

function formatPercent(tally: FieldTally): string {
  return tally.total === 0 ? '-' : `${((100 * tally.agree) / tally.total).toFixed(2)}%`;
}

/** The check's report for people: agreement per field, repeat links, the mismatches listed. */
export function formatCheckResult(result: CheckResult, truthPath: string): string {
  const rate = result.seconds > 0 ? (result.reports / result.seconds).toFixed(0) : '-';
  const out = [
    `Checked ${result.reports} reports against ${truthPath} in ${result.seconds.toFixed(1)} s (${rate} reports/s)`,
    '',
  ];
  const width = Math.max(...[...result.fields.keys()].map((k) => k.length)) + 2;
  out.push(`${'field'.padEnd(width)}agree / total`);
  for (const [field, t] of result.fields)
    out.push(`${field.padEnd(width)}${`${t.agree} / ${t.total}`.padEnd(16)}${formatPercent(t)}`);
  const r = result.repeats;
  out.push(
    '',
    `Repeat statements: ${r.statements} in the ground truth.`,
    `  resolvable from the report (Ofsted history table, CQC full report's rating at last inspection): ${r.resolvable}, linked to the right inspection: ${r.linked}`,
    `  not resolvable from the report (CQC summaries have no history): ${r.statements - r.resolvable}, sentence found and left unlinked: ${r.foundUnlinked}`,
    '',
    `Mismatches: ${result.mismatchCount}`,
  );
  for (const m of result.mismatches)
    out.push(`  ${m.file}: ${m.field}: expected ${m.expected}; got ${m.actual}`);
  if (result.mismatchCount > result.mismatches.length)
    out.push(`  … and ${result.mismatchCount - result.mismatches.length} more`);
  return out.join('\n');
}
