/** The answer to breachCounts: from the summary when it answers exactly, else the exact query. */
import type { Database } from '../../../db/executor.ts';
import { readFreshSummary } from '../../summaries/graph-version.ts';
import { countBreachesExactly } from './exact-query.ts';
import { breachCountsSummaryQuery, toBreachSummaryParams } from './summary.ts';
import type { BreachCountArgs, BreachCountRow } from './types.ts';

export async function countBreaches(
  db: Database,
  args: BreachCountArgs,
): Promise<BreachCountRow[]> {
  const params = toBreachSummaryParams(args);
  const rows = params ? await readFreshSummary(db, breachCountsSummaryQuery, params) : null;
  return rows ?? countBreachesExactly(db, args);
}
