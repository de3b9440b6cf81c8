/** Findings and inspections per theme per period. */
import { defineQuery, read, type PlainRecord } from '../../../db/query.ts';
import type { Database } from '../../../db/executor.ts';
import { parseNode } from '../../node-kinds.ts';
import { addTrendRates } from './rates.ts';
import { THEME_TREND_SCOPE, toThemeTrendScope } from './scope.ts';
import type { CountedTrendRow, ThemeTrendArgs, ThemeTrendRow } from './types.ts';

/**
 * The trend rows of the inspections `dateWhere` keeps (a predicate on `i.startDate`). Every
 * finding about the theme is read whatever `$polarity` asks, so that the inspections with a
 * concern are counted beside the findings of the polarity asked for. With `keep` 'asked', a theme
 * and period with no finding of that polarity is no row; 'all' keeps them, for a part of a window
 * whose sum with the other parts decides.
 */
function buildThemeTrendsCypher(dateWhere: string, keep: 'asked' | 'all'): string {
  return `
    MATCH (t:Theme)<-[:ABOUT]-(f:Finding)<-[:FOUND]-(i:Inspection)
    WHERE i.startDate IS NOT NULL
      AND ($themes IS NULL OR t.id IN $themes)
      AND ${dateWhere}
      AND ${THEME_TREND_SCOPE}
    WITH t, f, i,
         CASE $interval
           WHEN 'YEAR' THEN date.truncate('year', i.startDate)
           WHEN 'QUARTER' THEN date.truncate('quarter', i.startDate)
           ELSE date.truncate('month', i.startDate)
         END AS periodStart,
         $polarity IS NULL OR f.polarity = $polarity AS asked
    WITH t, periodStart, count(DISTINCT CASE WHEN asked THEN f END) AS findingCount,
         count(DISTINCT CASE WHEN asked THEN i END) AS inspectionCount,
         count(DISTINCT CASE WHEN f.polarity = 'concern' THEN i END) AS concernInspectionCount
    WHERE ${keep === 'all' ? 'true' : 'findingCount > 0'}
    RETURN t.id AS themeId, properties(t) AS theme, periodStart, findingCount, inspectionCount, concernInspectionCount
    ORDER BY themeId, periodStart`;
}

function parseThemeTrend(row: PlainRecord): CountedTrendRow {
  return {
    themeId: read.string(row, 'themeId'),
    periodStart: read.string(row, 'periodStart'),
    findingCount: read.number(row, 'findingCount'),
    inspectionCount: read.number(row, 'inspectionCount'),
    concernInspectionCount: read.number(row, 'concernInspectionCount'),
    theme: parseNode('theme', row, 'theme'),
  };
}

export const themeTrendsQuery = defineQuery<ThemeTrendArgs, CountedTrendRow>({
  name: 'analytics.theme-trends',
  cypher: buildThemeTrendsCypher(
    '($from IS NULL OR i.startDate >= date($from)) AND ($to IS NULL OR i.startDate <= date($to))',
    'asked',
  ),
  parse: parseThemeTrend,
});

/**
 * The same rows for a bounded window (both dates set), rows of no finding asked for kept: the bare range lets the planner seek the
 * startDate index to the window, where the optional bounds above scan the whole index.
 */
export const themeTrendsInWindowQuery = defineQuery<
  ThemeTrendArgs & { from: string; to: string },
  CountedTrendRow
>({
  name: 'analytics.theme-trends.window',
  cypher: buildThemeTrendsCypher('i.startDate >= date($from) AND i.startDate <= date($to)', 'all'),
  parse: parseThemeTrend,
});

/** The exact query, whatever the arguments and the state of the summaries. */
export async function findThemeTrendsExactly(
  db: Database,
  args: ThemeTrendArgs,
): Promise<ThemeTrendRow[]> {
  const rows = await db.read(themeTrendsQuery, { ...args, ...toThemeTrendScope(args) });
  return addTrendRates(db, args, rows);
}
