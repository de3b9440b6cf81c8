/** The summary table's files line and the skipped files counted by reason. */
import { describe, expect, it } from 'vitest';
import { emptySummary } from '../load/ingest-files.ts';
import { formatSummaryTable } from './summary-table.ts';

describe('formatSummaryTable', () => {
  it('counts skipped files apart from failures and lists their reasons, most files first', () => {
    const summary = emptySummary();
    Object.assign(summary, { loaded: 3, failed: 1, skipped: 4 });
    summary.skipReasons.set('a JSON Schema of the CQC API, not data: nothing to load', 2);
    summary.skipReasons.set('a FIFO, not a regular file', 1);
    summary.skipReasons.set('not a file type this ingester reads: ".md"', 1);
    expect(formatSummaryTable(summary).split('\n').slice(-5)).toEqual([
      'files: 3 loaded, 0 unchanged, 1 failed, 4 skipped',
      'skipped on purpose (not failures): 4 files',
      '     2 × a JSON Schema of the CQC API, not data: nothing to load',
      '     1 × a FIFO, not a regular file',
      '     1 × not a file type this ingester reads: ".md"',
    ]);
  });

  it('has no skipped lines when nothing was skipped, and shows ten reasons at most', () => {
    const none = emptySummary();
    expect(formatSummaryTable(none)).not.toContain('skipped on purpose');
    const many = emptySummary();
    many.skipped = 12;
    for (let i = 1; i <= 12; i++) many.skipReasons.set(`reason ${String(i).padStart(2, '0')}`, 1);
    const lines = formatSummaryTable(many).split('\n');
    expect(lines.filter((line) => line.includes('× reason'))).toHaveLength(10);
    expect(lines.at(-1)).toBe('  … and 2 more reasons');
  });

  it('counts parsed files only in a dry run, where nothing is loaded', () => {
    const dryRun = emptySummary();
    Object.assign(dryRun, { parsed: 5, failed: 1 });
    expect(formatSummaryTable(dryRun)).toContain(
      'files: 0 loaded, 0 unchanged, 5 parsed (dry run), 1 failed, 0 skipped',
    );
  });
});
