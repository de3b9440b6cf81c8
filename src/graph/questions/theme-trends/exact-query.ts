/** Findings and inspections per theme per period. */
import { defineQuery, read, type PlainRecord } from '../../../db/query.ts';
import type { Database } from '../../../db/executor.ts';
import { parseNode } from '../../node-kinds.ts';
import type { ThemeTrendArgs, ThemeTrendRow, TrendInterval } from './types.ts';

/** The trend rows of the inspections `dateWhere` keeps (a predicate on `i.startDate`). */
function buildThemeTrendsCypher(dateWhere: string): string {
  return `
    MATCH (t:Theme)<-[:ABOUT]-(f:Finding)<-[:FOUND]-(i:Inspection)
    WHERE i.startDate IS NOT NULL
      AND ($themes IS NULL OR t.id IN $themes)
      AND ${dateWhere}
      AND ($polarity IS NULL OR f.polarity = $polarity)
      AND ($synthetic IS NULL OR coalesce(i.synthetic, false) = $synthetic)
    WITH t, f, i,
         CASE $interval
           WHEN 'YEAR' THEN date.truncate('year', i.startDate)
           WHEN 'QUARTER' THEN date.truncate('quarter', i.startDate)
           ELSE date.truncate('month', i.startDate)
         END AS periodStart
    WITH t, periodStart, count(DISTINCT f) AS findingCount, count(DISTINCT i) AS inspectionCount
    RETURN t.id AS themeId, properties(t) AS theme, periodStart, findingCount, inspectionCount
    ORDER BY themeId, periodStart`;
}

function parseThemeTrend(row: PlainRecord): Omit<ThemeTrendRow, 'period'> {
  return {
    themeId: read.string(row, 'themeId'),
    periodStart: read.string(row, 'periodStart'),
    findingCount: read.number(row, 'findingCount'),
    inspectionCount: read.number(row, 'inspectionCount'),
    theme: parseNode('theme', row, 'theme'),
  };
}

export const themeTrendsQuery = defineQuery<ThemeTrendArgs, Omit<ThemeTrendRow, 'period'>>({
  name: 'analytics.theme-trends',
  cypher: buildThemeTrendsCypher(
    '($from IS NULL OR i.startDate >= date($from)) AND ($to IS NULL OR i.startDate <= date($to))',
  ),
  parse: parseThemeTrend,
});

/**
 * The same rows for a bounded window (both dates set): the bare range lets the planner seek the
 * startDate index to the window, where the optional bounds above scan the whole index.
 */
export const themeTrendsInWindowQuery = defineQuery<
  ThemeTrendArgs & { from: string; to: string },
  Omit<ThemeTrendRow, 'period'>
>({
  name: 'analytics.theme-trends.window',
  cypher: buildThemeTrendsCypher('i.startDate >= date($from) AND i.startDate <= date($to)'),
  parse: parseThemeTrend,
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

/** The exact query, whatever the arguments and the state of the summaries. */
export async function findThemeTrendsExactly(
  db: Database,
  args: ThemeTrendArgs,
): Promise<ThemeTrendRow[]> {
  const rows = await db.read(themeTrendsQuery, { ...args, synthetic: args.synthetic ?? null });
  return rows.map((row) => ({ ...row, period: labelPeriod(row.periodStart, args.interval) }));
}
