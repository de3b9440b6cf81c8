/** The answer to repeatedBreaches: from the summary when it is fresh, else the exact query. */
import type { Database } from '../../../db/executor.ts';
import { chooseScopeSeek } from '../../scope-seek.ts';
import { readFreshSummaryPage } from '../../summaries/graph-version.ts';
import { findRepeatedBreachesExactly } from './exact-query.ts';
import {
  repeatedBreachesCountedSummaryQuery,
  repeatedBreachesGroupSummaryQuery,
  repeatedBreachesOneFlagSummaryQueries,
  repeatedBreachesSummaryQuery,
  repeatedBreachesWindowSummaryQuery,
  repeatedBreachesWithStatedSummaryQuery,
  WINDOW_HEAD_PAIRS,
} from './summary.ts';
import type { RepeatedBreachArgs, RepeatedBreachPage } from './types.ts';
import { runsReadFor } from './window-read.ts';
import { toWindowDays } from './window-runs.ts';

/**
 * The summary's reads give the documented order only (most inspections first); another order is
 * the exact query's. A provider group reads the pairs of its locations; otherwise the ranked
 * reads answer the two usual evidence choices with no window (with a generated-or-real filter,
 * from that flag's ranks while no pair mixes the two); any other choice or a window is counted
 * from each pair's lists (no pair mixes regulators under a regulator filter, or the summary
 * reads as stale and the exact query answers). A window with documented evidence, or documented
 * and stated, and minInspections of 2 or more is read from the runs (window-read.ts); the
 * window and counted reads remain for the other choices and for a generated-or-real filter while
 * a pair mixes the two.
 */
export async function findRepeatedBreaches(
  db: Database,
  asked: RepeatedBreachArgs,
  headPairs = WINDOW_HEAD_PAIRS,
): Promise<RepeatedBreachPage> {
  const args = {
    ...asked,
    sort: asked.sort ?? null,
    synthetic: asked.synthetic ?? null,
    providerGroupId: asked.providerGroupId ?? null,
  };
  const documentedOrder = args.sort === null || args.sort.direction === 'DESC';
  const page = documentedOrder ? await readSummaryPage(db, args, headPairs) : null;
  return page ?? findRepeatedBreachesExactly(db, args);
}

/** Longest window whose page alone is read from the pairs of the locations inspected in it. */
const PAGE_WINDOW_MAX_DAYS = 200;

/**
 * Whether a closed window reads only the pairs of the locations inspected inside it. A year or
 * so holds most locations, and then the counted read, which can stop at its cutoff, was faster
 * for a page alone (tier L, 13 months: 330 against 607 ms); with a total it counts every pair
 * anyway, and the window read was faster up to the scope seek's longest window (1 year: 1.0
 * against 1.8 s; 5 weeks: 0.24 against 1.4 s; load average 17).
 */
function readsWindowPairs(from: string, to: string, withTotal: boolean): boolean {
  if (chooseScopeSeek({ from, to }) !== 'window') return false;
  return withTotal || Date.parse(to) - Date.parse(from) <= PAGE_WINDOW_MAX_DAYS * 86_400_000;
}

interface SummaryArgs extends RepeatedBreachArgs {
  synthetic: boolean | null;
  providerGroupId: string | null;
}

async function readSummaryPage(db: Database, args: SummaryArgs, headPairs: number) {
  const { providerGroupId } = args;
  if (providerGroupId !== null)
    return readFreshSummaryPage(db, repeatedBreachesGroupSummaryQuery, {
      ...args,
      providerGroupId,
    });
  const evidence = args.evidence.join(',');
  if (
    args.from === null &&
    args.to === null &&
    (evidence === 'DOCUMENTED' || evidence === 'DOCUMENTED,STATED_REPEAT')
  ) {
    if (args.synthetic === null)
      return readFreshSummaryPage(
        db,
        evidence === 'DOCUMENTED'
          ? repeatedBreachesSummaryQuery
          : repeatedBreachesWithStatedSummaryQuery,
        args,
      );
    const flag = args.synthetic ? 'generated' : 'real';
    const ranked = await readFreshSummaryPage(
      db,
      repeatedBreachesOneFlagSummaryQueries[`${evidence} ${flag}`],
      args,
    );
    // Stale, or a pair mixes generated and real inspections: the pairs' lists are counted instead.
    if (ranked) return ranked;
  }
  const { from, to } = args;
  const runsRead = runsReadFor(args.evidence);
  if ((from !== null || to !== null) && args.minInspections >= 2 && runsRead) {
    const page = await readFreshSummaryPage(db, runsRead, { ...args, ...toWindowDays(from, to) });
    // Stale, or a generated-or-real filter while a pair mixes the two: the reads below decide.
    if (page) return page;
  }
  if (from !== null && to !== null && readsWindowPairs(from, to, args.withTotal))
    return readFreshSummaryPage(db, repeatedBreachesWindowSummaryQuery, { ...args, from, to });
  return readFreshSummaryPage(db, repeatedBreachesCountedSummaryQuery, { ...args, headPairs });
}
