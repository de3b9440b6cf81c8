/**
 * Sorting a cross-report answer by one of its figures. The sort is a parameter, not a query per
 * sort: `$sort` (null for the question's documented order) picks a figure and a direction, and
 * the Cypher sorts by that figure, signed so that ascending order serves both directions, before
 * the documented order, whose last keys identify a row, so ties keep a stable order and paging
 * with SKIP stays correct.
 */

export type SortDirection = 'ASC' | 'DESC';

/** A figure of the answer and a direction, or null for the documented order. */
export interface AnswerSort<Field extends string> {
  field: Field;
  direction: SortDirection;
}

/**
 * Cypher for the sort key: the chosen figure's expression, negated for DESC; null when `$sort`
 * is null, so the documented order that follows decides alone. `figures` maps each field name to
 * a numeric expression over the variables in scope.
 */
export function buildSortKey(figures: Readonly<Record<string, string>>): string {
  const cases = Object.entries(figures)
    .map(([field, expression]) => `WHEN '${field}' THEN ${expression}`)
    .join(' ');
  return `(CASE $sort.field ${cases} END) * CASE $sort.direction WHEN 'DESC' THEN -1 ELSE 1 END`;
}

/** Rows sorted in memory the way buildSortKey sorts in Cypher: the figure, then `documented`. */
export function sortRows<Row, Field extends string>(
  rows: readonly Row[],
  sort: AnswerSort<Field> | null,
  figure: (row: Row, field: Field) => number,
  documented: (a: Row, b: Row) => number,
): Row[] {
  if (sort === null) return [...rows].sort(documented);
  const sign = sort.direction === 'DESC' ? -1 : 1;
  return [...rows].sort(
    (a, b) => sign * (figure(a, sort.field) - figure(b, sort.field)) || documented(a, b),
  );
}
