/** themeCooccurrence from a summary: the pair counts per polarity, regulator and region. */
import { parsePageRecord } from '../../read-page.ts';
import { defineQuery, defineStatement, read } from '../../../db/query.ts';
import type { FindingParams } from '../../filters.ts';
import { freshnessClause, type SummaryPageAnswer } from '../../summaries/graph-version.ts';
import type { PageArgs } from '../../page.ts';
import { freshForRegulator, oneRegulatorOf } from '../../summaries/one-regulator.ts';
import type { SummaryDefinition } from '../../summaries/summary-definition.ts';
import { PAIR_RANKING, parseThemePair } from './fragments.ts';
import type { ThemePairOrder, ThemePairRow } from './types.ts';

/**
 * Versioned, with cells under their own label: a graph stamped by an earlier layout (unfiltered
 * `ThemePairSummary` counts; `ThemePairCell`, v2, without the region) is neither read nor
 * deleted by this one (retire-legacy-summaries.ts deletes them at start).
 */
export const THEME_COOCCURRENCE_KIND = 'theme-cooccurrence-v3';

export const deleteThemePairSummary = defineStatement<object>(
  'summaries.theme-cooccurrence.delete',
  'MATCH (c:ThemePairRegionCell) DETACH DELETE c',
);

/**
 * Pair counts per polarity, regulator and region (the location's; none when it has none): every
 * finding of a matched location and inspection falls in exactly one cell, so the cells a filter
 * keeps add up to its counts (the predicate with every filter null is the graph). A region holds
 * about a ninth of the findings, which the exact query read one by one on a large graph
 * (bench/RESULTS.md, "Sampled arguments").
 */
export const buildThemePairSummary = defineStatement<object>(
  'summaries.theme-cooccurrence.build',
  `MATCH (l:Location)<-[:OF]-(i:Inspection)-[:FOUND]->(f:Finding)
   WITH f, i, l.region AS region, COLLECT { MATCH (f)-[:ABOUT]->(x:Theme) RETURN DISTINCT x.id } AS themes
   WITH f, region, themes, ${oneRegulatorOf('i')} AS regulator
   UNWIND themes AS a
   UNWIND themes AS b
   WITH f, a, b, regulator, region WHERE a <= b
   WITH a, b, f.polarity AS polarity, regulator, region, count(f) AS both
   CREATE (:ThemePairRegionCell {a: a, b: b, polarity: polarity, regulator: regulator, region: region, both: both})`,
);

/** Polarity, regulator and region pick cells; every other filter reaches inside them. */
export function isCooccurrenceAnsweredBySummary(f: FindingParams): boolean {
  return Object.entries(f).every(
    ([key, value]) =>
      value === null || key === 'polarity' || key === 'regulator' || key === 'region',
  );
}

export const themeCooccurrenceSummaryQuery = defineQuery<
  { polarity: string | null; regulator: string | null; region: string | null } & PageArgs &
    ThemePairOrder,
  SummaryPageAnswer<ThemePairRow>
>({
  name: 'analytics.theme-cooccurrence.summary',
  cypher: `${freshnessClause(THEME_COOCCURRENCE_KIND)}
    ${freshForRegulator('ThemePairRegionCell')}
    CALL (fresh) {
      WITH fresh WHERE fresh
      MATCH (c:ThemePairRegionCell)
      WHERE ($polarity IS NULL OR c.polarity = $polarity) AND ($regulator IS NULL OR c.regulator = $regulator)
        AND ($region IS NULL OR c.region = $region)
      WITH c.a AS a, c.b AS b, sum(c.both) AS both
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
    await tx.run(deleteThemePairSummary, {});
    await tx.run(buildThemePairSummary, {});
    return true;
  },
};
