/** One result line per file or record (and its row problems), as `npm run ingest` and `npm run sync` print them. */
import type { ItemResult } from '../load/bulk/work-items.ts';
import type { RowProblem } from '../load/ingest-data-file.ts';
import type { RunStatus } from '../load/ingest-files.ts';
import { unreachable } from '../model/unreachable.ts';

/** Row problems shown under a data file's line; the rest are counted. */
const ROW_PROBLEMS_SHOWN = 5;

function statusMark(status: RunStatus): string {
  switch (status) {
    case 'loaded':
      return 'loaded   ';
    case 'unchanged':
      return 'unchanged';
    case 'parsed':
      return 'parsed   ';
    case 'failed':
      return 'FAILED   ';
    case 'skipped':
      return 'skipped  ';
    default:
      return unreachable(status, 'file status');
  }
}

/** Up to ROW_PROBLEMS_SHOWN row lines under a data file's line, `label` before each message. */
function rowLines(rows: readonly RowProblem[], label: string): string[] {
  const lines = rows
    .slice(0, ROW_PROBLEMS_SHOWN)
    .map((row) => `          row ${row.row}: ${label}${row.message}`);
  if (rows.length > ROW_PROBLEMS_SHOWN)
    lines.push(`          … and ${rows.length - ROW_PROBLEMS_SHOWN} more`);
  return lines;
}

export function formatResult(result: ItemResult, quiet: boolean): string[] {
  const problems = result.kind === 'data-file' ? result.rowProblems : [];
  const warnings = result.kind === 'data-file' ? result.rowWarnings : [];
  if (quiet && result.status !== 'failed' && problems.length + warnings.length === 0) return [];
  return [
    `${statusMark(result.status)} ${result.file}: ${result.message}`,
    ...rowLines(problems, ''),
    ...rowLines(warnings, 'warning: '),
  ];
}
