/** The answer to repeatedBreaches: from the summary when it is fresh, else the exact query. */
import type { Database } from '../../../db/executor.ts';
import { readFreshSummaryPage } from '../../summaries/graph-version.ts';
import { findRepeatedBreachesExactly } from './exact-query.ts';
import {
  repeatedBreachesCountedSummaryQuery,
  repeatedBreachesSummaryQuery,
  repeatedBreachesWithStatedSummaryQuery,
  WINDOW_HEAD_PAIRS,
} from './summary.ts';
import type { RepeatedBreachArgs, RepeatedBreachPage } from './types.ts';

/**
 * The summary's reads give the documented order only (most inspections first); another order is
 * the exact query's. The ranked reads answer the two usual evidence choices with no window; any other choice or a
 * window is counted from each pair's lists (no pair mixes regulators under a regulator filter,
 * or the summary reads as stale and the exact query answers).
 */
export async function findRepeatedBreaches(
  db: Database,
  asked: RepeatedBreachArgs,
  headPairs = WINDOW_HEAD_PAIRS,
): Promise<RepeatedBreachPage> {
  const args = { ...asked, sort: asked.sort ?? null };
  const documentedOrder = args.sort === null || args.sort.direction === 'DESC';
  // The summary keeps real and generated inspections together, and knows no provider groups.
  const summarised =
    documentedOrder && (args.synthetic ?? null) === null && (args.providerGroupId ?? null) === null;
  const page = summarised ? await readSummaryPage(db, args, headPairs) : null;
  return page ?? findRepeatedBreachesExactly(db, args);
}

function readSummaryPage(db: Database, args: RepeatedBreachArgs, headPairs: number) {
  if (args.from === null && args.to === null) {
    const evidence = args.evidence.join(',');
    if (evidence === 'DOCUMENTED')
      return readFreshSummaryPage(db, repeatedBreachesSummaryQuery, args);
    if (evidence === 'DOCUMENTED,STATED_REPEAT')
      return readFreshSummaryPage(db, repeatedBreachesWithStatedSummaryQuery, args);
  }
  return readFreshSummaryPage(db, repeatedBreachesCountedSummaryQuery, { ...args, headPairs });
}
