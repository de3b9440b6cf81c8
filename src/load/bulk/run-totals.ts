/** Running totals of a bulk ingest: counts per status and family, never the documents. */
import type { RunStatus } from '../ingest-files.ts';
import { addToSummary, emptySummary, type IngestSummary } from '../ingest-files.ts';
import type { ItemResult } from './work-items.ts';

export interface DataFileTotals extends Record<RunStatus, number> {
  rows: number;
}

export interface RunTotals {
  /** Reports and data files together (the `files:` line and the exit code). */
  summary: IngestSummary;
  dataFiles: DataFileTotals;
}

export function emptyTotals(): RunTotals {
  return {
    summary: emptySummary(),
    dataFiles: { loaded: 0, unchanged: 0, parsed: 0, failed: 0, skipped: 0, rows: 0 },
  };
}

export function addResult(totals: RunTotals, result: ItemResult): void {
  if (result.status === 'skipped') {
    const reasons = totals.summary.skipReasons;
    reasons.set(result.message, (reasons.get(result.message) ?? 0) + 1);
  }
  switch (result.kind) {
    case 'report':
      addToSummary(totals.summary, result.status, result.tally);
      return;
    case 'data-file':
      addToSummary(totals.summary, result.status, null);
      totals.dataFiles[result.status] += 1;
      totals.dataFiles.rows += result.rows;
      return;
  }
}
