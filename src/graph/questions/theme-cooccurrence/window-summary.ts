/**
 * themeCooccurrence over a date window from the summary's month cells: findings per theme set,
 * month of the inspection's start, polarity, regulator and synthetic flag (`ThemeSetMonthCell`,
 * rebuilt with the theme sets of summary.ts under the same stamp). The whole months inside the
 * window are read from the cells, the partial months at its ends from the graph over those few
 * weeks (graph/summaries/month-windows.ts), in one query: an inspection has one start date, so
 * the parts share no finding and their pair counts add up before the pairs are ranked.
 */
import { parsePageRecord } from '../../read-page.ts';
import { defineQuery, defineStatement, read } from '../../../db/query.ts';
import { FINDING_PREDICATE, type FindingParams } from '../../filters.ts';
import { freshnessClause, type SummaryPageAnswer } from '../../summaries/graph-version.ts';
import type { DateWindow } from '../../summaries/month-windows.ts';
import type { PageArgs } from '../../page.ts';
import { freshForRegulator, oneRegulatorOf } from '../../summaries/one-regulator.ts';
import { PAIR_RANKING, PAIRS_OF_THEME_SETS, parseThemePair } from './fragments.ts';
import { THEME_COOCCURRENCE_KIND } from './kind.ts';
import type { ThemePairOrder, ThemePairRow } from './types.ts';

export const deleteThemeSetMonthSummary = defineStatement<object>(
  'summaries.theme-cooccurrence.delete-months',
  'MATCH (c:ThemeSetMonthCell) DETACH DELETE c',
);

/**
 * Inspections without a start date are in no window, so in no cell. No region or regulation in
 * the key: a window with either is answered by the exact query, and the cells stay few enough
 * (a few hundred theme sets a month) that a window of years reads quickly.
 */
export const buildThemeSetMonthSummary = defineStatement<object>(
  'summaries.theme-cooccurrence.build-months',
  `MATCH (l:Location)<-[:OF]-(i:Inspection)
   WHERE i.startDate IS NOT NULL
   WITH i, date.truncate('month', i.startDate) AS month, coalesce(i.synthetic, false) AS synthetic,
        ${oneRegulatorOf('i')} AS regulator
   MATCH (i)-[:FOUND]->(f:Finding)
   WITH f, month, synthetic, regulator,
        COLLECT { MATCH (f)-[:ABOUT]->(x:Theme) RETURN DISTINCT x.id AS id ORDER BY id } AS themes
   WHERE size(themes) > 0
   WITH themes, month, f.polarity AS polarity, regulator, synthetic, count(f) AS findings
   CREATE (:ThemeSetMonthCell {themes: themes, month: month, polarity: polarity, regulator: regulator,
                               synthetic: synthetic, findings: findings})`,
);

/** Filters the month cells answer together with a window (from, to or both). */
const WINDOW_FILTERS: ReadonlySet<string> = new Set([
  'from',
  'to',
  'polarity',
  'regulator',
  'synthetic',
  'themes',
]);

export function isWindowAnsweredBySummary(f: FindingParams): boolean {
  return (
    (f.from !== null || f.to !== null) &&
    Object.entries(f).every(([key, value]) => value === null || WINDOW_FILTERS.has(key))
  );
}

export interface ThemeWindowParams extends PageArgs, ThemePairOrder {
  f: FindingParams;
  /** The whole months: first day of the first, last day of the last (extreme dates for an open end). */
  monthsFrom: string;
  monthsTo: string;
  /** The partial months at the ends, read from the graph. */
  edges: DateWindow[];
}

export const themeCooccurrenceWindowQuery = defineQuery<
  ThemeWindowParams,
  SummaryPageAnswer<ThemePairRow>
>({
  name: 'analytics.theme-cooccurrence.summary-window',
  cypher: `${freshnessClause(THEME_COOCCURRENCE_KIND)}
    ${freshForRegulator('ThemeSetMonthCell', '$f.regulator')}
    CALL (fresh) {
      WITH fresh WHERE fresh
      CALL () {
        MATCH (c:ThemeSetMonthCell)
        WHERE c.month >= date($monthsFrom) AND c.month <= date($monthsTo)
          AND ($f.polarity IS NULL OR c.polarity = $f.polarity) AND ($f.regulator IS NULL OR c.regulator = $f.regulator)
          AND ($f.synthetic IS NULL OR c.synthetic = $f.synthetic)
          AND ($f.themes IS NULL OR any(t IN c.themes WHERE t IN $f.themes))
        ${PAIRS_OF_THEME_SETS}
        RETURN a, b, sum(findings) AS both
        UNION ALL
        // Each edge as the exact query reads it, from the inspections that started inside it.
        UNWIND $edges AS edge
        CALL (edge) {
          MATCH (i:Inspection) USING INDEX i:Inspection(startDate)
          WHERE i.startDate >= date(edge.from) AND i.startDate <= date(edge.to)
          MATCH (l:Location)<-[:OF]-(i)-[:FOUND]->(f:Finding)
          WHERE ${FINDING_PREDICATE}
          WITH f, COLLECT { MATCH (f)-[:ABOUT]->(x:Theme) RETURN DISTINCT x.id } AS themes
          UNWIND themes AS a
          UNWIND themes AS b
          WITH f, a, b WHERE a <= b
          RETURN a, b, count(f) AS both
        }
        RETURN a, b, both
      }
      WITH a, b, sum(both) AS both
      ${PAIR_RANKING}
      RETURN totalCount, rows
    }
    RETURN fresh, rows, totalCount`,
  parse: (record) => ({
    fresh: read.boolean(record, 'fresh'),
    ...parsePageRecord(parseThemePair)(record),
  }),
});
