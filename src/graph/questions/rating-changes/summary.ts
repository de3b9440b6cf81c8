/**
 * ratingChanges' count from a summary: per day, synthetic flag and regulator of the later
 * inspection, how many rows the exact query gives for each direction. The build runs the exact
 * query's own text with every argument null and counts its rows, so a cell holds what the exact
 * count would count; a window of days, a flag, a regulator (while the one-regulator rule holds)
 * and a direction are sums of cells. The page itself is read from the graph (exact-query.ts), but
 * the cells tell it how far back its rows go.
 */
import { defineQuery, defineStatement, read } from '../../../db/query.ts';
import { freshnessClause, type SummaryAnswer } from '../../summaries/graph-version.ts';
import { freshForRegulator, oneRegulatorOf } from '../../summaries/one-regulator.ts';
import type { SummaryDefinition } from '../../summaries/summary-definition.ts';
import { RATING_CHANGES } from './exact-query.ts';
import type { RatingChangeArgs } from './types.ts';

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

/** What the cells tell a page: the whole answer's row count, and the first day its rows need. */
export interface RatingChangePlan {
  totalCount: number;
  /**
   * The latest day such that the days from it to the window's end hold at least `$rows` rows
   * (the page and those before it); the window's earliest day with a row when it holds fewer;
   * null when it holds none. Rows come newest first, so the page's are all on or after it.
   */
  since: string | null;
}

export const ratingChangesPlanQuery = defineQuery<
  AllArguments & { rows: number },
  SummaryAnswer<RatingChangePlan>
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
    RETURN fresh, totalCount, since`,
  parse: (record) => ({
    fresh: read.boolean(record, 'fresh'),
    rows: [
      {
        totalCount: read.optionalNumber(record, 'totalCount') ?? 0,
        since: read.optionalString(record, 'since'),
      },
    ],
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
