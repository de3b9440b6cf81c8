/**
 * What themeTrends adds to its counted rows, whichever read counted them: the period's label, the
 * rates over the inspections of the period, and the order asked for.
 */
import { defineQuery, read } from '../../../db/query.ts';
import type { Database } from '../../../db/executor.ts';
import { sortRows } from '../../answer-sort.ts';
import { THEME_TREND_SCOPE, toThemeTrendScope } from './scope.ts';
import type {
  CountedTrendRow,
  ThemeTrendArgs,
  ThemeTrendRow,
  ThemeTrendScope,
  ThemeTrendSortField,
  TrendInterval,
} from './types.ts';

/**
 * The rates' denominators: per period, the inspections whose own report is loaded that started
 * in it and inside the window and the scope (regulator, place, provider group, synthetic),
 * whatever their findings. Counted from the inspections on every
 * read (no summary holds them), so the summary's answer is as exact as the exact query's.
 */
export const inspectionsPerPeriodQuery = defineQuery<
  Pick<ThemeTrendArgs, 'from' | 'to' | 'interval'> & ThemeTrendScope,
  { periodStart: string; inspections: number }
>({
  name: 'analytics.theme-trends.inspections-per-period',
  cypher: `
    MATCH (i:Inspection)
    WHERE i.startDate IS NOT NULL AND i.hasReport = true
      AND ($from IS NULL OR i.startDate >= date($from))
      AND ($to IS NULL OR i.startDate <= date($to))
      AND ${THEME_TREND_SCOPE}
    WITH CASE $interval
           WHEN 'YEAR' THEN date.truncate('year', i.startDate)
           WHEN 'QUARTER' THEN date.truncate('quarter', i.startDate)
           ELSE date.truncate('month', i.startDate)
         END AS periodStart
    RETURN periodStart, count(*) AS inspections`,
  parse: (row) => ({
    periodStart: read.string(row, 'periodStart'),
    inspections: read.number(row, 'inspections'),
  }),
});

/** `2019`, `2019-Q3` or `2019-07` for the period starting on `periodStart`. */
export function labelPeriod(periodStart: string, interval: TrendInterval): string {
  const [year, month] = periodStart.split('-');
  switch (interval) {
    case 'YEAR':
      return year!;
    case 'QUARTER':
      return `${year}-Q${Math.floor((Number(month) - 1) / 3) + 1}`;
    case 'MONTH':
      return `${year}-${month}`;
    default: {
      const never: never = interval;
      throw new Error(`Unhandled interval ${String(never)}`);
    }
  }
}

/** `part` of `whole`, 0 when there is no whole. */
function divide(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

/** The sort fields that need the denominator counted. */
const RATE_FIELDS: ReadonlySet<ThemeTrendSortField> = new Set([
  'INSPECTIONS_IN_PERIOD',
  'FINDINGS_PER_INSPECTION',
  'CONCERN_SHARE',
]);

/** Whether these arguments need the rates: asked for, or sorted by. */
function needsRates(args: ThemeTrendArgs): boolean {
  return args.withRates === true || (args.sort != null && RATE_FIELDS.has(args.sort.field));
}

function readFigure(row: ThemeTrendRow, field: ThemeTrendSortField): number {
  switch (field) {
    case 'FINDING_COUNT':
      return row.findingCount;
    case 'INSPECTION_COUNT':
      return row.inspectionCount;
    case 'CONCERN_INSPECTION_COUNT':
      return row.concernInspectionCount;
    case 'INSPECTIONS_IN_PERIOD':
      return row.inspectionsInPeriod ?? 0;
    case 'FINDINGS_PER_INSPECTION':
      return row.findingsPerInspection ?? 0;
    case 'CONCERN_SHARE':
      return row.concernShare ?? 0;
    default: {
      const never: never = field;
      throw new Error(`Unhandled sort field ${String(never)}`);
    }
  }
}

/** The documented order: theme id, then period (ids and ISO dates compare as strings). */
function compareDocumented(a: CountedTrendRow, b: CountedTrendRow): number {
  const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return compare(a.themeId, b.themeId) || compare(a.periodStart, b.periodStart);
}

/**
 * Counted rows → the answer: labelled, with their period's rates when asked for (a second
 * query, so a request that selects none stays one round trip), in the order asked for.
 */
export async function addTrendRates(
  db: Database,
  args: ThemeTrendArgs,
  rows: readonly CountedTrendRow[],
): Promise<ThemeTrendRow[]> {
  const periods = needsRates(args)
    ? await db.read(inspectionsPerPeriodQuery, {
        from: args.from,
        to: args.to,
        interval: args.interval,
        ...toThemeTrendScope(args),
      })
    : null;
  const inPeriod = new Map(periods?.map((p) => [p.periodStart, p.inspections]));
  const answer = rows.map((row) => {
    const inspectionsInPeriod = periods ? (inPeriod.get(row.periodStart) ?? 0) : null;
    return {
      ...row,
      period: labelPeriod(row.periodStart, args.interval),
      inspectionsInPeriod,
      findingsPerInspection:
        inspectionsInPeriod === null ? null : divide(row.findingCount, inspectionsInPeriod),
      concernShare:
        inspectionsInPeriod === null
          ? null
          : divide(row.concernInspectionCount, inspectionsInPeriod),
    };
  });
  return sortRows(answer, args.sort ?? null, readFigure, compareDocumented);
}
