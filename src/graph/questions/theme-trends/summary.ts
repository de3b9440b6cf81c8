/**
 * themeTrends from a summary: findings and inspections per theme, month, polarity, synthetic flag
 * and regulator, plus an all-polarities cell per theme, month, flag and regulator (an inspection
 * has one start date, one flag and, while the one-regulator rule holds, one regulator, so its
 * count adds up across months, flags and regulators, but not across polarities). Years and quarters are sums of months, so the
 * cells answer any interval, and any from/to on month boundaries. The CONCERN cells also give
 * the inspections with a concern, whatever polarity is asked for; rows of no finding asked for are
 * kept here and dropped once the parts of a window are added.
 */
import { defineQuery, defineStatement, read } from '../../../db/query.ts';
import { freshnessClause, type SummaryAnswer } from '../../summaries/graph-version.ts';
import { freshForRegulator, oneRegulatorOf } from '../../summaries/one-regulator.ts';
import type { SummaryDefinition } from '../../summaries/summary-definition.ts';
import { themeTrendsQuery } from './exact-query.ts';
import type { CountedTrendRow, ThemeTrendArgs, ThemeTrendScope } from './types.ts';

/** `-v2`: cells split by synthetic flag and regulator (the first layout, ThemeTrendSummary, had neither). */
export const THEME_TRENDS_KIND = 'theme-trends-v2';

export const deleteThemeTrendSummary = defineStatement<object>(
  'summaries.theme-trends.delete',
  'MATCH (c:ThemeTrendCell) DETACH DELETE c',
);

/**
 * One pass: per polarity cells, and the all-polarities cell from the union of their inspections.
 * The flag is read as the exact query's filter reads it (absent is false), the regulator as
 * one-regulator.ts says.
 */
export const buildThemeTrendSummary = defineStatement<object>(
  'summaries.theme-trends.build',
  `MATCH (i:Inspection)
   WHERE i.startDate IS NOT NULL
   // Each inspection's flag and regulator once, not once per finding.
   WITH i, coalesce(i.synthetic, false) AS synthetic, ${oneRegulatorOf('i')} AS regulator
   MATCH (t:Theme)<-[:ABOUT]-(f:Finding)<-[:FOUND]-(i)
   WITH t.id AS themeId, date.truncate('month', i.startDate) AS month, synthetic, regulator, f.polarity AS polarity,
        count(DISTINCT f) AS findingCount, collect(DISTINCT i) AS inspections
   CREATE (:ThemeTrendCell {themeId: themeId, month: month, synthetic: synthetic, regulator: regulator,
                            allPolarities: false, polarity: polarity,
                            findingCount: findingCount, inspectionCount: size(inspections)})
   WITH themeId, month, synthetic, regulator, sum(findingCount) AS findingCount, collect(inspections) AS byPolarity
   CREATE (:ThemeTrendCell {themeId: themeId, month: month, synthetic: synthetic, regulator: regulator,
                            allPolarities: true, findingCount: findingCount,
                            inspectionCount: size(COLLECT { UNWIND byPolarity AS list UNWIND list AS i RETURN DISTINCT i })})`,
);

export const themeTrendsSummaryQuery = defineQuery<
  ThemeTrendArgs & ThemeTrendScope,
  SummaryAnswer<CountedTrendRow>
>({
  name: 'analytics.theme-trends.summary',
  cypher: `${freshnessClause(THEME_TRENDS_KIND)}
    ${freshForRegulator('ThemeTrendCell')}
    CALL (fresh) {
      WITH fresh WHERE fresh
      MATCH (c:ThemeTrendCell)
      WHERE ($themes IS NULL OR c.themeId IN $themes)
        AND ($synthetic IS NULL OR c.synthetic = $synthetic)
        AND ($regulator IS NULL OR c.regulator = $regulator)
        AND ($from IS NULL OR c.month >= date($from))
        AND ($to IS NULL OR c.month <= date($to))
      WITH c, CASE WHEN $polarity IS NULL THEN c.allPolarities ELSE NOT c.allPolarities AND c.polarity = $polarity END AS asked,
           NOT c.allPolarities AND c.polarity = 'concern' AS concern
      WHERE asked OR concern
      WITH c.themeId AS themeId,
           CASE $interval
             WHEN 'YEAR' THEN date.truncate('year', c.month)
             WHEN 'QUARTER' THEN date.truncate('quarter', c.month)
             ELSE c.month
           END AS periodStart,
           CASE WHEN asked THEN c.findingCount ELSE 0 END AS findingCount,
           CASE WHEN asked THEN c.inspectionCount ELSE 0 END AS inspectionCount,
           CASE WHEN concern THEN c.inspectionCount ELSE 0 END AS concernInspectionCount
      WITH themeId, periodStart, sum(findingCount) AS findingCount, sum(inspectionCount) AS inspectionCount,
           sum(concernInspectionCount) AS concernInspectionCount
      ORDER BY themeId, periodStart
      // Each theme's properties once, not on each of its periods: they are most of the bytes.
      WITH collect({themeId: themeId, periodStart: periodStart, findingCount: findingCount, inspectionCount: inspectionCount,
                    concernInspectionCount: concernInspectionCount}) AS rows,
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

/** The refresh's handle on this summary (graph/summaries/refresh-summaries.ts lists it). */
export const themeTrendsSummary: SummaryDefinition = {
  kind: THEME_TRENDS_KIND,
  async rebuild(tx) {
    await tx.run(deleteThemeTrendSummary, {});
    await tx.run(buildThemeTrendSummary, {});
    return true;
  },
};
