/**
 * The answer to themeTrends: whole months from the summary when it is fresh and the request has no
 * place or provider-group filter, else the exact query.
 */
import type { Database } from '../../../db/executor.ts';
import { readFreshSummary } from '../../summaries/graph-version.ts';
import { splitAtWholeMonths } from '../../summaries/month-windows.ts';
import { findThemeTrendsExactly, themeTrendsInWindowQuery } from './exact-query.ts';
import { addTrendRates } from './rates.ts';
import { hasPlaceOrGroupScope, toThemeTrendScope } from './scope.ts';
import { themeTrendsSummaryQuery } from './summary.ts';
import type { CountedTrendRow, ThemeTrendArgs, ThemeTrendRow } from './types.ts';

/**
 * Through the summary when it is fresh: whole months from its cells, and any partial months at
 * the window's ends from the exact query over those few weeks (parts share no inspection, so
 * their counts add); the exact query over the whole window otherwise. The parts are separate
 * reads, like the several queries of one GraphQL request.
 */
export async function findThemeTrends(
  db: Database,
  args: ThemeTrendArgs,
): Promise<ThemeTrendRow[]> {
  // The summary's cells keep real and generated findings, and each regulator's, apart (a
  // regulator filter is answered while the one-regulator rule holds), but every place and group
  // together: a place- or group-scoped request is answered by the exact query.
  const split = hasPlaceOrGroupScope(args) ? null : splitAtWholeMonths(args.from, args.to);
  if (split === null) return findThemeTrendsExactly(db, args);
  const scope = toThemeTrendScope(args);
  const [months, ...edges] = await Promise.all([
    split.months
      ? readFreshSummary(db, themeTrendsSummaryQuery, { ...args, ...split.months, ...scope })
      : Promise.resolve([]),
    ...split.edges.map((edge) => db.read(themeTrendsInWindowQuery, { ...args, ...edge, ...scope })),
  ]);
  if (months === null) return findThemeTrendsExactly(db, args);
  return addTrendRates(db, args, addTrendRows([months, ...edges]));
}

/**
 * Rows of disjoint date ranges summed per theme and period; a sum with no finding of the polarity
 * asked for is no row, as in the exact query.
 */
function addTrendRows(parts: CountedTrendRow[][]): CountedTrendRow[] {
  const byKey = new Map<string, CountedTrendRow>();
  for (const row of parts.flat()) {
    const key = `${row.themeId}\u0000${row.periodStart}`;
    const seen = byKey.get(key);
    byKey.set(
      key,
      seen
        ? {
            ...seen,
            findingCount: seen.findingCount + row.findingCount,
            inspectionCount: seen.inspectionCount + row.inspectionCount,
            concernInspectionCount: seen.concernInspectionCount + row.concernInspectionCount,
          }
        : row,
    );
  }
  return [...byKey.values()].filter((row) => row.findingCount > 0);
}
