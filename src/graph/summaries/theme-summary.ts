/**
 * themeTrends and themeCooccurrence from summaries. Trends: findings and inspections per theme,
 * month and polarity, plus an all-polarities cell per theme and month (an inspection has one
 * start date, so its count adds up across months, but not across polarities). Years and
 * quarters are sums of months, so the cells answer any interval, and any from/to on month
 * boundaries. Co-occurrence: the pair counts of the unfiltered question.
 */
import { defineQuery, defineStatement, read } from '../../db/query.ts';
import type { Database, QueryRunner } from '../../db/executor.ts';
import type { FindingParams } from '../filters.ts';
import {
  findThemeCooccurrenceExactly,
  findThemeTrendsExactly,
  labelPeriod,
  PAIR_RANKING,
  themeCooccurrenceQuery,
  themeTrendsInWindowQuery,
  themeTrendsQuery,
  type ThemePairRow,
  type ThemeTrendArgs,
  type ThemeTrendRow,
} from '../analytics/theme-trends.ts';
import { freshnessClause, readFreshSummary, type SummaryAnswer } from './graph-version.ts';
import { splitAtWholeMonths } from './month-windows.ts';
import { freshForRegulator, oneRegulatorOf } from './one-regulator.ts';

export const THEME_TRENDS_KIND = 'theme-trends';
/**
 * Versioned, with cells under their own label: a graph stamped by the earlier layout (unfiltered
 * `ThemePairSummary` counts) is neither read nor deleted by this one.
 */
export const THEME_COOCCURRENCE_KIND = 'theme-cooccurrence-v2';

export const deleteThemeTrendSummary = defineStatement<object>(
  'summaries.theme-trends.delete',
  'MATCH (c:ThemeTrendSummary) DETACH DELETE c',
);

/** One pass: per polarity cells, and the all-polarities cell from the union of their inspections. */
export const buildThemeTrendSummary = defineStatement<object>(
  'summaries.theme-trends.build',
  `MATCH (t:Theme)<-[:ABOUT]-(f:Finding)<-[:FOUND]-(i:Inspection)
   WHERE i.startDate IS NOT NULL
   WITH t.id AS themeId, date.truncate('month', i.startDate) AS month, f.polarity AS polarity,
        count(DISTINCT f) AS findingCount, collect(DISTINCT i) AS inspections
   CREATE (:ThemeTrendSummary {themeId: themeId, month: month, allPolarities: false, polarity: polarity,
                               findingCount: findingCount, inspectionCount: size(inspections)})
   WITH themeId, month, sum(findingCount) AS findingCount, collect(inspections) AS byPolarity
   CREATE (:ThemeTrendSummary {themeId: themeId, month: month, allPolarities: true, findingCount: findingCount,
                               inspectionCount: size(COLLECT { UNWIND byPolarity AS list UNWIND list AS i RETURN DISTINCT i })})`,
);

export const deleteThemePairSummary = defineStatement<object>(
  'summaries.theme-cooccurrence.delete',
  'MATCH (c:ThemePairCell) DETACH DELETE c',
);

/**
 * Pair counts per polarity and regulator: every finding falls in exactly one cell, so the cells
 * a filter keeps add up to its counts (the predicate with every filter null is the graph).
 */
export const buildThemePairSummary = defineStatement<object>(
  'summaries.theme-cooccurrence.build',
  `MATCH (l:Location)<-[:OF]-(i:Inspection)-[:FOUND]->(f:Finding)
   WITH f, i, COLLECT { MATCH (f)-[:ABOUT]->(x:Theme) RETURN DISTINCT x.id } AS themes
   WITH f, themes, ${oneRegulatorOf('i')} AS regulator
   UNWIND themes AS a
   UNWIND themes AS b
   WITH f, a, b, regulator WHERE a <= b
   WITH a, b, f.polarity AS polarity, regulator, count(f) AS both
   CREATE (:ThemePairCell {a: a, b: b, polarity: polarity, regulator: regulator, both: both})`,
);

export const themeTrendsSummaryQuery = defineQuery<
  ThemeTrendArgs,
  SummaryAnswer<Omit<ThemeTrendRow, 'period'>>
>({
  name: 'analytics.theme-trends.summary',
  cypher: `${freshnessClause(THEME_TRENDS_KIND)}
    CALL (fresh) {
      WITH fresh WHERE fresh
      MATCH (c:ThemeTrendSummary)
      WHERE ($themes IS NULL OR c.themeId IN $themes)
        AND ($from IS NULL OR c.month >= date($from))
        AND ($to IS NULL OR c.month <= date($to))
        AND CASE WHEN $polarity IS NULL THEN c.allPolarities ELSE NOT c.allPolarities AND c.polarity = $polarity END
      WITH c.themeId AS themeId,
           CASE $interval
             WHEN 'YEAR' THEN date.truncate('year', c.month)
             WHEN 'QUARTER' THEN date.truncate('quarter', c.month)
             ELSE c.month
           END AS periodStart,
           c.findingCount AS findingCount, c.inspectionCount AS inspectionCount
      WITH themeId, periodStart, sum(findingCount) AS findingCount, sum(inspectionCount) AS inspectionCount
      ORDER BY themeId, periodStart
      // Each theme's properties once, not on each of its periods: they are most of the bytes.
      WITH collect({themeId: themeId, periodStart: periodStart, findingCount: findingCount, inspectionCount: inspectionCount}) AS rows,
           collect(DISTINCT themeId) AS themeIds
      RETURN rows, COLLECT { MATCH (t:Theme) WHERE t.id IN themeIds RETURN properties(t) } AS themes
    }
    RETURN fresh, rows, themes`,
  parse: (record) => {
    const themes = new Map(
      read.list(record, 'themes').map((theme) => [read.string(theme, 'id'), theme]),
    );
    const rows = read
      .list(record, 'rows')
      .map((row) =>
        themeTrendsQuery.parse({ ...row, theme: themes.get(read.string(row, 'themeId')) ?? null }),
      );
    return { fresh: read.boolean(record, 'fresh'), rows };
  },
});

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
  const split = splitAtWholeMonths(args.from, args.to);
  if (split === null) return findThemeTrendsExactly(db, args);
  const [months, ...edges] = await Promise.all([
    split.months
      ? readFreshSummary(db, themeTrendsSummaryQuery, { ...args, ...split.months })
      : Promise.resolve([]),
    ...split.edges.map((edge) => db.read(themeTrendsInWindowQuery, { ...args, ...edge })),
  ]);
  if (months === null) return findThemeTrendsExactly(db, args);
  return addTrendRows([months, ...edges]).map((row) => ({
    ...row,
    period: labelPeriod(row.periodStart, args.interval),
  }));
}

type UnlabelledTrendRow = Omit<ThemeTrendRow, 'period'>;

/** Rows of disjoint date ranges summed per theme and period, in the exact query's order. */
function addTrendRows(parts: UnlabelledTrendRow[][]): UnlabelledTrendRow[] {
  const byKey = new Map<string, UnlabelledTrendRow>();
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
          }
        : row,
    );
  }
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...byKey.values()].sort(
    (a, b) => compare(a.themeId, b.themeId) || compare(a.periodStart, b.periodStart),
  );
}

/** Polarity and regulator pick cells; every other filter reaches inside them. */
export function isCooccurrenceAnsweredBySummary(f: FindingParams): boolean {
  return Object.entries(f).every(
    ([key, value]) => value === null || key === 'polarity' || key === 'regulator',
  );
}

export const themeCooccurrenceSummaryQuery = defineQuery<
  { polarity: string | null; regulator: string | null; first: number },
  SummaryAnswer<ThemePairRow>
>({
  name: 'analytics.theme-cooccurrence.summary',
  cypher: `${freshnessClause(THEME_COOCCURRENCE_KIND)}
    ${freshForRegulator('ThemePairCell')}
    CALL (fresh) {
      WITH fresh WHERE fresh
      MATCH (c:ThemePairCell)
      WHERE ($polarity IS NULL OR c.polarity = $polarity) AND ($regulator IS NULL OR c.regulator = $regulator)
      WITH c.a AS a, c.b AS b, sum(c.both) AS both
      ${PAIR_RANKING}
      RETURN collect({firstId: firstId, secondId: secondId, first: first, second: second, findingCount: findingCount, jaccard: jaccard}) AS rows
    }
    RETURN fresh, rows`,
  parse: (record) => ({
    fresh: read.boolean(record, 'fresh'),
    rows: read.list(record, 'rows').map((row) => themeCooccurrenceQuery.parse(row)),
  }),
});

export async function findThemeCooccurrence(
  db: Database,
  f: FindingParams,
  first: number,
): Promise<ThemePairRow[]> {
  const rows = isCooccurrenceAnsweredBySummary(f)
    ? await readFreshSummary(db, themeCooccurrenceSummaryQuery, {
        polarity: f.polarity,
        regulator: f.regulator,
        first,
      })
    : null;
  return rows ?? findThemeCooccurrenceExactly(db, f, first);
}

export async function rebuildThemeTrendSummary(tx: QueryRunner): Promise<void> {
  await tx.run(deleteThemeTrendSummary, {});
  await tx.run(buildThemeTrendSummary, {});
}

export async function rebuildThemePairSummary(tx: QueryRunner): Promise<void> {
  await tx.run(deleteThemePairSummary, {});
  await tx.run(buildThemePairSummary, {});
}
