/**
 * How completely a folder of reports parses: per family, how many documents have a location,
 * dates and at least one finding, with every miss listed. A location counts when the report
 * names it (a regulator id, or a name and address); how many carry a regulator id is counted
 * apart, because only those can meet data files and API records on one node.
 */
import type { ReportDocument } from '../model/document.ts';

export interface ParsedFile {
  file: string;
  document: ReportDocument | null;
  /** One-line reason when there is no document. */
  reason: string | null;
}

export interface FamilyCoverage {
  family: string;
  documents: number;
  withLocation: number;
  /** Location keyed by a regulator id (URN, CQC id, LA code) rather than a content hash. */
  withRegulatorId: number;
  withDates: number;
  withFinding: number;
  complete: number;
}

export interface CoverageReport {
  files: number;
  failed: { file: string; reason: string }[];
  families: FamilyCoverage[];
  incomplete: { file: string; missing: string[] }[];
}

function hasRegulatorId(doc: ReportDocument): boolean {
  return !doc.location.id.startsWith('content:');
}

function findMissing(doc: ReportDocument): string[] {
  const missing: string[] = [];
  if (!hasRegulatorId(doc) && !(doc.location.name && doc.location.address))
    missing.push('location');
  if (!doc.inspection.startDate) missing.push('dates');
  if (doc.findings.length === 0) missing.push('finding');
  return missing;
}

export function measureCoverage(parsed: readonly ParsedFile[]): CoverageReport {
  const families = new Map<string, FamilyCoverage>();
  const report: CoverageReport = { files: parsed.length, failed: [], families: [], incomplete: [] };
  for (const item of parsed) {
    if (!item.document) {
      report.failed.push({ file: item.file, reason: item.reason ?? 'no document' });
      continue;
    }
    const doc = item.document;
    const row = families.get(doc.family) ?? {
      family: doc.family,
      documents: 0,
      withLocation: 0,
      withRegulatorId: 0,
      withDates: 0,
      withFinding: 0,
      complete: 0,
    };
    const missing = findMissing(doc);
    row.documents += 1;
    if (!missing.includes('location')) row.withLocation += 1;
    if (hasRegulatorId(doc)) row.withRegulatorId += 1;
    if (!missing.includes('dates')) row.withDates += 1;
    if (!missing.includes('finding')) row.withFinding += 1;
    if (missing.length === 0) row.complete += 1;
    else report.incomplete.push({ file: item.file, missing });
    families.set(doc.family, row);
  }
  report.families = [...families.values()].sort((a, b) => a.family.localeCompare(b.family));
  return report;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;
}

export function formatCoverage(report: CoverageReport): string {
  const lines = ['Coverage: documents with a location, dates and at least one finding'];
  for (const f of report.families) {
    lines.push(
      `  ${f.family.padEnd(30)} ${String(f.documents).padStart(5)} documents  location ${percent(f.withLocation, f.documents)} (regulator id ${percent(f.withRegulatorId, f.documents)})  dates ${percent(f.withDates, f.documents)}  finding ${percent(f.withFinding, f.documents)}  complete ${percent(f.complete, f.documents)}`,
    );
  }
  const complete = report.families.reduce((sum, f) => sum + f.complete, 0);
  lines.push(
    `  overall: ${complete} of ${report.files} files complete (${percent(complete, report.files)}); ${report.failed.length} gave no document`,
  );
  for (const miss of report.failed) lines.push(`  no document: ${miss.file}: ${miss.reason}`);
  for (const miss of report.incomplete)
    lines.push(`  incomplete: ${miss.file}: missing ${miss.missing.join(', ')}`);
  return lines.join('\n');
}
