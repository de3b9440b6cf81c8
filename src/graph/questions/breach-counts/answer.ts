/** The answer to breachCounts: from the summary when it answers exactly, else the exact query. */
import type { Database } from '../../../db/executor.ts';
import { readFreshSummaryPage } from '../../summaries/graph-version.ts';
import { countBreachesExactly } from './exact-query.ts';
import { breachCountsSummaryQuery, toBreachSummaryParams } from './summary.ts';
import type { BreachCountArgs, BreachCountPage } from './types.ts';

export async function countBreaches(
  db: Database,
  asked: BreachCountArgs,
): Promise<BreachCountPage> {
  const args = { ...asked, sort: asked.sort ?? null };
  const params = toBreachSummaryParams(args);
  const page = params
    ? await readFreshSummaryPage(db, breachCountsSummaryQuery(params), params)
    : null;
  return page ?? countBreachesExactly(db, args);
}
