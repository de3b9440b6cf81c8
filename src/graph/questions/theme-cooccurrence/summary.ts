/**
 * themeCooccurrence from a summary: findings counted per theme set (the set of themes tagging a
 * finding), set of cited regulations, polarity, regulator, region and synthetic flag.
 */
import { parsePageRecord } from '../../read-page.ts';
import { defineQuery, defineStatement, read } from '../../../db/query.ts';
import type { FindingParams } from '../../filters.ts';
import { freshnessClause, type SummaryPageAnswer } from '../../summaries/graph-version.ts';
import type { PageArgs } from '../../page.ts';
import { freshForRegulator, oneRegulatorOf } from '../../summaries/one-regulator.ts';
import type { SummaryDefinition } from '../../summaries/summary-definition.ts';
import { PAIR_RANKING, PAIRS_OF_THEME_SETS, parseThemePair } from './fragments.ts';
import { THEME_COOCCURRENCE_KIND } from './kind.ts';
import type { ThemePairOrder, ThemePairRow } from './types.ts';
import { buildThemeSetMonthSummary, deleteThemeSetMonthSummary } from './window-summary.ts';

export const deleteThemeSetSummary = defineStatement<object>(
  'summaries.theme-cooccurrence.delete',
  'MATCH (c:ThemeSetCell) DETACH DELETE c',
);

/**
 * Findings per theme set, regulation set, polarity, regulator, region (the location's; none when
 * it has none) and synthetic flag (absent is false, as the exact query's filter reads it). Every
 * finding of a matched location and inspection with a theme falls in exactly one cell, and a
 * finding without a theme is in no pair, so the cells a filter keeps add up to its counts: a
 * themes filter keeps the cells whose set holds one of them, a regulation filter those whose
 * regulations hold it, and the pairs are read off each kept cell's set. A finding's sets, not
 * its pairs, are the key because a themes or regulation filter asks about the finding: pair
 * counts alone cannot say how many findings tagged with a pair also carry a third theme. On a
 * large graph (197,556 reports) about 7,600 cells stand for 1.47 million themed findings.
 */
export const buildThemeSetSummary = defineStatement<object>(
  'summaries.theme-cooccurrence.build',
  `MATCH (l:Location)<-[:OF]-(i:Inspection)
   // Each inspection's flag and regulator once, not once per finding.
   WITH l.region AS region, i, coalesce(i.synthetic, false) AS synthetic, ${oneRegulatorOf('i')} AS regulator
   MATCH (i)-[:FOUND]->(f:Finding)
   WITH f, region, synthetic, regulator,
        COLLECT { MATCH (f)-[:ABOUT]->(x:Theme) RETURN DISTINCT x.id AS id ORDER BY id } AS themes
   WHERE size(themes) > 0
   WITH themes, COLLECT { MATCH (f)-[:CITES]->(r:Regulation) RETURN DISTINCT r.id AS id ORDER BY id } AS regulations,
        f.polarity AS polarity, regulator, region, synthetic, count(f) AS findings
   CREATE (:ThemeSetCell {themes: themes, regulations: regulations, polarity: polarity, regulator: regulator,
                          region: region, synthetic: synthetic, findings: findings})`,
);

/** The filters the cells' keys answer; every other (a place inside a region, a date window) reaches inside them. */
const SUMMARY_FILTERS: ReadonlySet<string> = new Set([
  'polarity',
  'regulator',
  'region',
  'synthetic',
  'themes',
  'regulation',
]);

export function isCooccurrenceAnsweredBySummary(f: FindingParams): boolean {
  return Object.entries(f).every(([key, value]) => value === null || SUMMARY_FILTERS.has(key));
}

export type ThemeSetFilter = Pick<
  FindingParams,
  'polarity' | 'regulator' | 'region' | 'synthetic' | 'themes' | 'regulation'
>;

export const themeCooccurrenceSummaryQuery = defineQuery<
  ThemeSetFilter & PageArgs & ThemePairOrder,
  SummaryPageAnswer<ThemePairRow>
>({
  name: 'analytics.theme-cooccurrence.summary',
  cypher: `${freshnessClause(THEME_COOCCURRENCE_KIND)}
    ${freshForRegulator('ThemeSetCell')}
    CALL (fresh) {
      WITH fresh WHERE fresh
      MATCH (c:ThemeSetCell)
      WHERE ($polarity IS NULL OR c.polarity = $polarity) AND ($regulator IS NULL OR c.regulator = $regulator)
        AND ($region IS NULL OR c.region = $region) AND ($synthetic IS NULL OR c.synthetic = $synthetic)
        AND ($themes IS NULL OR any(t IN c.themes WHERE t IN $themes))
        AND ($regulation IS NULL OR $regulation IN c.regulations)
      ${PAIRS_OF_THEME_SETS}
      WITH a, b, sum(findings) AS both
      ${PAIR_RANKING}
      RETURN totalCount, rows
    }
    RETURN fresh, rows, totalCount`,
  parse: (record) => ({
    fresh: read.boolean(record, 'fresh'),
    ...parsePageRecord(parseThemePair)(record),
  }),
});

/** The refresh's handle on this summary (graph/summaries/refresh-summaries.ts lists it). */
export const themeCooccurrenceSummary: SummaryDefinition = {
  kind: THEME_COOCCURRENCE_KIND,
  async rebuild(tx) {
    await tx.run(deleteThemeSetSummary, {});
    await tx.run(deleteThemeSetMonthSummary, {});
    await tx.run(buildThemeSetSummary, {});
    await tx.run(buildThemeSetMonthSummary, {});
    return true;
  },
};
