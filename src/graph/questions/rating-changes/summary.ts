/**
 * ratingChanges' count from a summary: per day, synthetic flag and regulator of the later
 * inspection, how many rows the exact query gives for each direction. The build runs the exact
 * query's own text with every argument null and counts its rows, so a cell holds what the exact
 * count would count; a window of days, a flag, a regulator (while the one-regulator rule holds)
 * and a direction are sums of cells. The page itself is read from the graph (exact-query.ts), but
 * the cells tell it how far back its rows go, in the same query.
 */
import { defineQuery, defineStatement, read } from '../../../db/query.ts';
import { freshnessClause } from '../../summaries/graph-version.ts';
import { freshForRegulator, oneRegulatorOf } from '../../summaries/one-regulator.ts';
import type { SummaryDefinition } from '../../summaries/summary-definition.ts';
import {
  parseRatingChange,
  RATING_CHANGE_PAGE,
  RATING_CHANGES,
  ratingChangeRows,
} from './exact-query.ts';
import type { RatingChangeArgs, RatingChangeRow } from './types.ts';

export const RATING_CHANGES_KIND = 'rating-changes';

export const deleteRatingChangeCells = defineStatement<object>(
  'summaries.rating-changes.delete',
  'MATCH (c:RatingChangeCell) DETACH DELETE c',
);

type AllArguments = Pick<RatingChangeArgs, 'direction' | 'regulator' | 'from' | 'to' | 'synthetic'>;

const EVERY_CHANGE: AllArguments = {
  direction: null,
  regulator: null,
  from: null,
  to: null,
  synthetic: null,
};

export const buildRatingChangeCells = defineStatement<AllArguments>(
  'summaries.rating-changes.build',
  `${RATING_CHANGES}
   WITH after, change[0] AS direction
   WITH after.startDate AS day, coalesce(after.synthetic, false) AS synthetic, ${oneRegulatorOf('after')} AS regulator,
        direction, count(*) AS rows
   WITH day, synthetic, regulator,
        sum(CASE direction WHEN 'UP' THEN rows ELSE 0 END) AS up,
        sum(CASE direction WHEN 'DOWN' THEN rows ELSE 0 END) AS down,
        sum(CASE direction WHEN 'SAME' THEN rows ELSE 0 END) AS same
   CREATE (:RatingChangeCell {day: day, synthetic: synthetic, regulator: regulator, up: up, down: down, same: same})`,
);

/** Cypher: the cells of the arguments' window, flag and regulator, as `c`, and the rows each holds in the direction asked, as `rows`. */
const CELLS = `
      MATCH (c:RatingChangeCell)
      WHERE c.day >= coalesce(date($from), date({year: -999999999, month: 1, day: 1}))
        AND c.day <= coalesce(date($to), date({year: 999999999, month: 12, day: 31}))
        AND ($synthetic IS NULL OR c.synthetic = $synthetic)
        AND ($regulator IS NULL OR c.regulator = $regulator)
      WITH c, CASE $direction WHEN 'UP' THEN c.up WHEN 'DOWN' THEN c.down WHEN 'SAME' THEN c.same
                              ELSE c.up + c.down + c.same END AS rows`;

/** One record of the page read from the summary (ratingChangesSummaryPageQuery). */
export interface RatingChangeSummaryRecord {
  fresh: boolean;
  totalCount: number;
  /** Null in the one record of an empty page. */
  row: RatingChangeRow | null;
}

/**
 * The page in one round trip: the cells give the whole answer's row count and `since`, the
 * latest day such that the days from it to the window's end hold at least `$rows` rows (the page
 * and those before it; the window's earliest day with a row when it holds fewer; null when it
 * holds none), and the page is read from the graph from that day on (rows come newest first, so
 * the page's are all on or after it), so a direction or flag that few inspections match does not
 * walk the whole index. One record per row of the page, each with `fresh` and `totalCount`; one
 * record with a null row when the page is empty; none when the summary is stale.
 */
export const ratingChangesSummaryPageQuery = defineQuery<
  RatingChangeArgs & { rows: number },
  RatingChangeSummaryRecord
>({
  name: 'analytics.rating-changes.summary',
  cypher: `${freshnessClause(RATING_CHANGES_KIND)}
    ${freshForRegulator('RatingChangeCell')}
    CALL (fresh) {
      WITH fresh WHERE fresh
      ${CELLS}
      WITH c.day AS day, sum(rows) AS rows WHERE rows > 0
      ORDER BY day DESC
      WITH collect({day: day, rows: rows}) AS days
      // One pass newest first: the running count, and the day it first reaches $rows.
      WITH days, reduce(run = {rows: 0, day: null}, d IN days |
             {rows: run.rows + d.rows,
              day: CASE WHEN run.day IS NULL AND run.rows + d.rows >= $rows THEN d.day ELSE run.day END}) AS run
      RETURN run.rows AS totalCount, toString(coalesce(run.day, last(days).day)) AS since
    }
    OPTIONAL CALL (totalCount, since) {
      WITH since WHERE since IS NOT NULL AND $skip < totalCount
      ${ratingChangeRows('since', 'since, ')}${RATING_CHANGE_PAGE}
    }
    RETURN fresh, totalCount, locationId, location, providerId, provider, beforeId, beforeNode,
           afterId, afterNode, direction, basis`,
  parse: (record) => ({
    fresh: read.boolean(record, 'fresh'),
    totalCount: read.optionalNumber(record, 'totalCount') ?? 0,
    row: record.afterId === null ? null : parseRatingChange(record),
  }),
});

/** The refresh's handle on this summary (graph/summaries/refresh-summaries.ts lists it). */
export const ratingChangesSummary: SummaryDefinition = {
  kind: RATING_CHANGES_KIND,
  async rebuild(tx) {
    await tx.run(deleteRatingChangeCells, {});
    await tx.run(buildRatingChangeCells, EVERY_CHANGE);
    return true;
  },
};
