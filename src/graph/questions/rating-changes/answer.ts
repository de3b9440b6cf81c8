/**
 * The answer to ratingChanges. A page without its total, of every direction and both kinds of
 * report, is one query: the page read newest first through the startDate index stops as soon as
 * it has its rows. Otherwise, when the summary is fresh, its cells give the total count and the
 * first day the page's rows need, and the page is read from the graph over those days only (the
 * same rows: they come newest first), so a direction or flag that few inspections match does not
 * walk the whole index; else the exact queries.
 */
import type { Database } from '../../../db/executor.ts';
import { readFreshSummary } from '../../summaries/graph-version.ts';
import { findRatingChangesExactly, ratingChangesQuery } from './exact-query.ts';
import { ratingChangesPlanQuery } from './summary.ts';
import type { RatingChangeArgs, RatingChangePage } from './types.ts';

export async function findRatingChanges(
  db: Database,
  asked: RatingChangeArgs,
): Promise<RatingChangePage> {
  const args = { ...asked, synthetic: asked.synthetic ?? null };
  if (!args.withTotal && args.direction === null && args.synthetic === null)
    return findRatingChangesExactly(db, args);
  const plan = (
    await readFreshSummary(db, ratingChangesPlanQuery, { ...args, rows: args.skip + args.first })
  )?.[0];
  if (!plan) return findRatingChangesExactly(db, args);
  const totalCount = args.withTotal ? plan.totalCount : null;
  // No row in the window: nothing to read.
  if (plan.since === null || args.skip >= plan.totalCount) return { rows: [], totalCount };
  const rows = await db.read(ratingChangesQuery, { ...args, from: plan.since });
  return { rows, totalCount };
}
