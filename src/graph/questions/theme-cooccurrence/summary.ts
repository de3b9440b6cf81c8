/** themeCooccurrence from a summary: the pair counts per polarity and regulator. */
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
 * Versioned, with cells under their own label: a graph stamped by the earlier layout (unfiltered
 * `ThemePairSummary` counts) is neither read nor deleted by this one.
 */
export const THEME_COOCCURRENCE_KIND = 'theme-cooccurrence-v2';

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

/** Polarity and regulator pick cells; every other filter reaches inside them. */
export function isCooccurrenceAnsweredBySummary(f: FindingParams): boolean {
  return Object.entries(f).every(
    ([key, value]) => value === null || key === 'polarity' || key === 'regulator',
  );
}

export const themeCooccurrenceSummaryQuery = defineQuery<
  { polarity: string | null; regulator: string | null } & PageArgs & ThemePairOrder,
  SummaryPageAnswer<ThemePairRow>
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
