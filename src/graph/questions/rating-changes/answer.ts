/**
 * The answer to ratingChanges. A page without its total, of every direction and both kinds of
 * report, is one query: the page read newest first through the startDate index stops as soon as
 * it has its rows. Otherwise, when the summary is fresh, its cells give the total count and the
 * first day the page's rows need, and the page is read from the graph over those days only (the
 * same rows: they come newest first), in the same query, so a direction or flag that few
 * inspections match does not walk the whole index; else the exact queries.
 */
import type { Database } from '../../../db/executor.ts';
import { findRatingChangesExactly } from './exact-query.ts';
import { ratingChangesSummaryPageQuery } from './summary.ts';
import type { RatingChangeArgs, RatingChangePage } from './types.ts';

export async function findRatingChanges(
  db: Database,
  asked: RatingChangeArgs,
): Promise<RatingChangePage> {
  const args = { ...asked, synthetic: asked.synthetic ?? null };
  if (!args.withTotal && args.direction === null && args.synthetic === null)
    return findRatingChangesExactly(db, args);
  const records = await db.read(ratingChangesSummaryPageQuery, {
    ...args,
    rows: args.skip + args.first,
  });
  if (!records[0]?.fresh) return findRatingChangesExactly(db, args);
  return {
    rows: records.flatMap((record) => (record.row ? [record.row] : [])),
    totalCount: args.withTotal ? records[0].totalCount : null,
  };
}
