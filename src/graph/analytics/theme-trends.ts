/** Findings per theme per period, and pairs of themes that tag the same findings. */
import { defineQuery, read, type PlainRecord } from '../../db/query.ts';
import type { Database } from '../../db/executor.ts';
import { FINDING_PREDICATE, type FindingParams } from '../filters.ts';
import { parseNode } from '../node-kinds.ts';
import type { ThemeRow } from '../rows.ts';

export type TrendInterval = 'YEAR' | 'QUARTER' | 'MONTH';

export interface ThemeTrendArgs {
  themes: string[] | null;
  from: string | null;
  to: string | null;
  interval: TrendInterval;
  polarity: string | null;
}

export interface ThemeTrendRow {
  themeId: string;
  periodStart: string;
  period: string;
  findingCount: number;
  inspectionCount: number;
  /** Read in the same query, so resolvers need no more round trips. */
  theme: ThemeRow;
}

/** The trend rows of the inspections `dateWhere` keeps (a predicate on `i.startDate`). */
function buildThemeTrendsCypher(dateWhere: string): string {
  return `
    MATCH (t:Theme)<-[:ABOUT]-(f:Finding)<-[:FOUND]-(i:Inspection)
    WHERE i.startDate IS NOT NULL
      AND ($themes IS NULL OR t.id IN $themes)
      AND ${dateWhere}
      AND ($polarity IS NULL OR f.polarity = $polarity)
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
  const rows = await db.read(themeTrendsQuery, args);
  return rows.map((row) => ({ ...row, period: labelPeriod(row.periodStart, args.interval) }));
}

export interface ThemePairRow {
  firstId: string;
  secondId: string;
  findingCount: number;
  jaccard: number;
  /** Read in the same query, so resolvers need no more round trips. */
  first: ThemeRow;
  second: ThemeRow;
}

/**
 * From `a, b, both` (findings tagged with both; a = b counts a theme's findings): the top `$first`
 * pairs as `firstId, secondId, findingCount, jaccard, first, second`, in the answer's order.
 */
export const PAIR_RANKING = `
    WITH collect({a: a, b: b, both: both}) AS counts
    WITH [c IN counts WHERE c.a = c.b] AS singles, [c IN counts WHERE c.a <> c.b] AS pairs
    UNWIND pairs AS pair
    WITH pair.a AS a, pair.b AS b, pair.both AS both,
         [s IN singles WHERE s.a = pair.a][0].both AS taggedA,
         [s IN singles WHERE s.a = pair.b][0].both AS taggedB
    WITH a AS firstId, b AS secondId, both AS findingCount, toFloat(both) / (taggedA + taggedB - both) AS jaccard
    ORDER BY findingCount DESC, jaccard DESC, firstId, secondId
    LIMIT $first
    WITH *, head(COLLECT { MATCH (t:Theme {id: firstId}) RETURN properties(t) }) AS first,
         head(COLLECT { MATCH (t:Theme {id: secondId}) RETURN properties(t) }) AS second
    ORDER BY findingCount DESC, jaccard DESC, firstId, secondId`;

export const themeCooccurrenceQuery = defineQuery<
  { f: FindingParams; first: number },
  ThemePairRow
>({
  name: 'analytics.theme-cooccurrence',
  cypher: `
    MATCH (l:Location)<-[:OF]-(i:Inspection)-[:FOUND]->(f:Finding)
    WHERE ${FINDING_PREDICATE}
    // One pass over the findings (there were two; bench/PROFILE.md): each finding's themes paired
    // with each other and with themselves, the pair of a theme with itself counting its findings.
    // Theme ids, not nodes, so the pairing reads no properties.
    WITH f, COLLECT { MATCH (f)-[:ABOUT]->(x:Theme) RETURN DISTINCT x.id } AS themes
    UNWIND themes AS a
    UNWIND themes AS b
    WITH f, a, b WHERE a <= b
    WITH a, b, count(f) AS both
    ${PAIR_RANKING}
    RETURN firstId, secondId, first, second, findingCount, jaccard
    ORDER BY findingCount DESC, jaccard DESC, firstId, secondId`,
  parse: (row) => ({
    firstId: read.string(row, 'firstId'),
    secondId: read.string(row, 'secondId'),
    findingCount: read.number(row, 'findingCount'),
    jaccard: read.number(row, 'jaccard'),
    first: parseNode('theme', row, 'first'),
    second: parseNode('theme', row, 'second'),
  }),
});

/** The exact query, whatever the filter and the state of the summaries. */
export function findThemeCooccurrenceExactly(
  db: Database,
  f: FindingParams,
  first: number,
): Promise<ThemePairRow[]> {
  return db.read(themeCooccurrenceQuery, { f, first });
}
