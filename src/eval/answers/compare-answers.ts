/**
 * Precision and recall of an answer against the expected one: of the rows (by key) and of the
 * values inside them (a value agrees when the same row has the same named value), with the
 * disagreements listed side by side.
 */
import type { AnswerTable } from './answer-table.ts';

export interface Figure {
  /** Items in both answers. */
  agreed: number;
  expected: number;
  actual: number;
  /** agreed / actual; 1 when the answer has no items. */
  precision: number;
  /** agreed / expected; 1 when nothing is expected. */
  recall: number;
}

export interface Disagreement {
  row: string;
  /** The value's name, or null when the whole row is missing or extra. */
  field: string | null;
  expected: string | null;
  actual: string | null;
}

export interface AnswerComparison {
  rows: Figure;
  values: Figure;
  disagreements: Disagreement[];
}

export function computeFigure(agreed: number, expected: number, actual: number): Figure {
  return {
    agreed,
    expected,
    actual,
    precision: actual === 0 ? 1 : agreed / actual,
    recall: expected === 0 ? 1 : agreed / expected,
  };
}

function describeRow(values: Readonly<Record<string, string>>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
}

export function compareAnswers(expected: AnswerTable, actual: AnswerTable): AnswerComparison {
  const disagreements: Disagreement[] = [];
  let rowsAgreed = 0;
  let valuesAgreed = 0;
  let valuesExpected = 0;
  let valuesActual = 0;
  for (const values of expected.values()) valuesExpected += Object.keys(values).length;
  for (const values of actual.values()) valuesActual += Object.keys(values).length;
  for (const [row, want] of expected) {
    const got = actual.get(row);
    if (!got) {
      disagreements.push({ row, field: null, expected: describeRow(want), actual: null });
      continue;
    }
    rowsAgreed += 1;
    for (const field of new Set([...Object.keys(want), ...Object.keys(got)])) {
      const a = want[field] ?? null;
      const b = got[field] ?? null;
      if (a !== null && a === b) valuesAgreed += 1;
      else disagreements.push({ row, field, expected: a, actual: b });
    }
  }
  for (const [row, got] of actual)
    if (!expected.has(row))
      disagreements.push({ row, field: null, expected: null, actual: describeRow(got) });
  return {
    rows: computeFigure(rowsAgreed, expected.size, actual.size),
    values: computeFigure(valuesAgreed, valuesExpected, valuesActual),
    disagreements,
  };
}

/**
 * Counts compared as multisets: per row, min(expected, actual) of its count agrees. Recall 1
 * means every expected item is counted; precision below 1 means the answer counts more.
 */
export function compareCounts(
  expected: ReadonlyMap<string, number>,
  actual: ReadonlyMap<string, number>,
): AnswerComparison {
  const disagreements: Disagreement[] = [];
  let rowsAgreed = 0;
  let agreed = 0;
  let expectedTotal = 0;
  let actualTotal = 0;
  for (const count of expected.values()) expectedTotal += count;
  for (const count of actual.values()) actualTotal += count;
  for (const row of new Set([...expected.keys(), ...actual.keys()])) {
    const want = expected.get(row);
    const got = actual.get(row);
    if (want !== undefined && got !== undefined) rowsAgreed += 1;
    agreed += Math.min(want ?? 0, got ?? 0);
    if (want !== got)
      disagreements.push({
        row,
        field: want === undefined || got === undefined ? null : 'count',
        expected: want === undefined ? null : String(want),
        actual: got === undefined ? null : String(got),
      });
  }
  return {
    rows: computeFigure(rowsAgreed, expected.size, actual.size),
    values: computeFigure(agreed, expectedTotal, actualTotal),
    disagreements,
  };
}
