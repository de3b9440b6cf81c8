/** The answer to repeatedBreaches: from the summary when it answers exactly, else the exact query. */
import type { Database } from '../../../db/executor.ts';
import { readFreshSummary } from '../../summaries/graph-version.ts';
import { findRepeatedBreachesExactly } from './exact-query.ts';
import {
  repeatedBreachesInWindowSummaryQuery,
  repeatedBreachesSummaryQuery,
  WINDOW_HEAD_PAIRS,
} from './summary.ts';
import type { RepeatedBreachArgs, RepeatedBreachRow } from './types.ts';

/** Through the summary when it is fresh (and no pair mixes regulators under a regulator filter), else the exact query. */
export async function findRepeatedBreaches(
  db: Database,
  args: RepeatedBreachArgs,
  headPairs = WINDOW_HEAD_PAIRS,
): Promise<RepeatedBreachRow[]> {
  const windowed = args.from !== null || args.to !== null;
  const rows = windowed
    ? await readFreshSummary(db, repeatedBreachesInWindowSummaryQuery, { ...args, headPairs })
    : await readFreshSummary(db, repeatedBreachesSummaryQuery, args);
  return rows ?? findRepeatedBreachesExactly(db, args);
}
