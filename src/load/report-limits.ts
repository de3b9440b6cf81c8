/**
 * How large one report may be, so a file that is no report (a 50 MB log, a whole book) fails
 * fast with a clear line instead of holding a worker for minutes and a transaction of gigabytes.
 * The largest real reports read so far are far below both limits: 204 KB as a ReportDocument,
 * 254 findings (an Ofsted SIF report of 2015).
 */
import type { ReportDocument } from '../model/document.ts';

export interface ReportLimits {
  /** Bytes of one report file (or one record of a JSONL file) read whole; data files stream and are not limited. */
  maxReportBytes: number;
  /** Findings one parsed report may hold. */
  maxFindings: number;
}

export const DEFAULT_MAX_REPORT_MB = 20;
export const DEFAULT_MAX_FINDINGS = 5000;

const MB = 1024 * 1024;

export const DEFAULT_REPORT_LIMITS: ReportLimits = {
  maxReportBytes: DEFAULT_MAX_REPORT_MB * MB,
  maxFindings: DEFAULT_MAX_FINDINGS,
};

export function megabytesToBytes(megabytes: number): number {
  return Math.round(megabytes * MB);
}

/** `50 MB`, `1.5 MB`, `69 KB`: whole units from 10 up, one decimal below, KB under a megabyte. */
function formatSize(bytes: number): string {
  if (bytes < MB) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / MB;
  return `${mb >= 10 ? mb.toFixed(0) : mb.toFixed(1).replace(/\.0$/, '')} MB`;
}

/** One line for a file over the size limit; the flag named is how to raise it. */
export function describeTooLarge(bytes: number, limits: ReportLimits): string {
  return `too large for a report: ${formatSize(bytes)}, over the limit of ${formatSize(limits.maxReportBytes)} (--max-report-mb raises it)`;
}

/** Why a parsed document is too large to load, or null when it is not. */
export function checkReportSize(doc: ReportDocument, limits: ReportLimits): string | null {
  if (doc.findings.length <= limits.maxFindings) return null;
  return `too many findings for one report: ${doc.findings.length}, over the limit of ${limits.maxFindings} (not an inspection report? --max-findings raises it)`;
}
