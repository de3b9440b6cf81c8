/**
 * The audit's verdict and its printout: per request, precision and recall of rows and values,
 * whether the API's totalCount matched the rows it paged out, and the first disagreements.
 */
import {
  compareAnswers,
  compareCounts,
  type AnswerComparison,
  type Figure,
} from './compare-answers.ts';
import type { AnswerTable } from './answer-table.ts';
import type { ExpectedAnswer } from './audit-plan.ts';

export interface AuditResult {
  request: string;
  comparison: AnswerComparison;
  /** False where the answer may rightly count more than the ground truth (extra theme tags). */
  precisionCounts: boolean;
  /** Why the pages did not add up (totalCount against rows read), or null. */
  pagingProblem: string | null;
}

export function judgeAnswer(
  request: string,
  expected: ExpectedAnswer,
  actual: { table: AnswerTable } | { counts: ReadonlyMap<string, number> },
  pagingProblem: string | null,
): AuditResult {
  if (expected.kind === 'table' && 'table' in actual)
    return {
      request,
      comparison: compareAnswers(expected.table, actual.table),
      precisionCounts: true,
      pagingProblem,
    };
  if (expected.kind === 'counts' && 'counts' in actual)
    return {
      request,
      comparison: compareCounts(expected.counts, actual.counts),
      precisionCounts: false,
      pagingProblem,
    };
  throw new Error(`${request}: the API's answer and the expected one are of different kinds`);
}

function isFigureExact(figure: Figure, precisionCounts: boolean): boolean {
  return figure.recall === 1 && (!precisionCounts || figure.precision === 1);
}

export function isResultPassing(result: AuditResult): boolean {
  const { rows, values } = result.comparison;
  return (
    result.pagingProblem === null &&
    isFigureExact(rows, result.precisionCounts) &&
    isFigureExact(values, result.precisionCounts)
  );
}

function formatRatio(value: number): string {
  return value.toFixed(4);
}

function formatFigure(figure: Figure): string {
  return `P ${formatRatio(figure.precision)} R ${formatRatio(figure.recall)} (${figure.agreed}/${figure.expected} expected, ${figure.actual} answered)`;
}

export function formatAuditResults(
  results: readonly AuditResult[],
  options: { disagreementsShown: number },
): string {
  const lines: string[] = [];
  for (const result of results) {
    const verdict = isResultPassing(result) ? 'ok  ' : 'FAIL';
    const note = result.precisionCounts ? '' : ' (precision reported, not required)';
    lines.push(`${verdict} ${result.request}${note}`);
    lines.push(`     rows   ${formatFigure(result.comparison.rows)}`);
    lines.push(`     values ${formatFigure(result.comparison.values)}`);
    if (result.pagingProblem) lines.push(`     paging: ${result.pagingProblem}`);
    const shown = result.comparison.disagreements.slice(0, options.disagreementsShown);
    for (const d of shown)
      lines.push(
        `     ${d.row}${d.field ? ` ${d.field}` : ''}: expected ${d.expected ?? '(no row)'}, API ${d.actual ?? '(no row)'}`,
      );
    const more = result.comparison.disagreements.length - shown.length;
    if (more > 0) lines.push(`     … and ${more} more disagreements`);
  }
  const failing = results.filter((r) => !isResultPassing(r)).length;
  lines.push('');
  lines.push(
    failing === 0
      ? `answer audit: all ${results.length} requests agree with the ground truth`
      : `answer audit: ${failing} of ${results.length} requests disagree with the ground truth`,
  );
  return lines.join('\n');
}
