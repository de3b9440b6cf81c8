/**
 * repeatedBreaches with a date window, read from the summary's runs (window-runs.ts) instead of
 * counting every pair's lists: the total is one run per pair reaching minInspections inside the
 * window, off the runs' index; the page needs only the pairs that can be on it, found from the
 * largest count that skip + first pairs reach, and only those are counted from their lists.
 */
import { defineQuery } from '../../../db/query.ts';
import type { BreachEvidence, RepeatedBreachArgs } from './types.ts';
import {
  COUNT_PAIR,
  FRESH_FOR_FILTERS,
  MIXED_FLAGS,
  PAIR_FILTERS,
  parseSummaryPage,
  ROWS_OF_PAIRS,
  type SummaryPage,
} from './summary.ts';
import { ALL_RUN_LABEL, DOCUMENTED_RUN_LABEL, FRESH_RUNS } from './window-runs.ts';

export interface RunsReadArgs extends RepeatedBreachArgs {
  synthetic: boolean | null;
  /** The window as day numbers (window-runs.ts, toWindowDays). */
  fromDay: number;
  toDay: number;
}

/**
 * Runs `r` of `size` that put their pair at `size` or more inspections inside the window, one
 * per such pair, of the pairs the filters keep. A filter is read from the pair (by its rankAll),
 * and only when one is set; `synthetic` is the generated-or-real filter still to apply (null when
 * every pair has the flag asked). (A regulator kept on each run would save that read, but one
 * more property took the runs' rebuild past Neo4j's transaction memory at tier L.)
 */
function runsReaching(label: string, size: string): string {
  return `MATCH (r:${label})
      WHERE r.size = ${size} AND r.first >= $fromDay AND r.first <= $toDay
        AND r.before < $fromDay AND r.last <= $toDay
        AND (($regulator IS NULL AND $regulation IS NULL AND $legislation IS NULL AND synthetic IS NULL)
             OR EXISTS { MATCH (s:RepeatedBreachInspections {rankAll: r.pair})
                         WHERE ${PAIR_FILTERS}
                           AND (synthetic IS NULL OR s.flag = CASE WHEN synthetic THEN 'generated' ELSE 'real' END) })`;
}

/**
 * A pair's count with a generated-or-real filter is its whole count or none while no pair mixes
 * the two flags, so such a read is fresh only then (else the counted read answers). The page:
 * `cutoff` is the largest count c (from minInspections up to the largest pair's) that at least
 * skip + first pairs reach, each c's count stopping at skip + first; fewer than skip + first
 * pairs then pass the cutoff, and the page is those and the first of the pairs at the cutoff in
 * id order, whatever lies below it. Those are counted from their lists (COUNT_PAIR, as the
 * counted read does) and sorted as the exact query sorts.
 */
function buildRunsRead(name: string, label: string) {
  return defineQuery<RunsReadArgs, SummaryPage>({
    name,
    cypher: `${FRESH_FOR_FILTERS}
    ${FRESH_RUNS}
    WITH fresh AND ($synthetic IS NULL OR NOT EXISTS { MATCH (:RepeatedBreachInspections {flag: '${MIXED_FLAGS}'}) }) AS fresh
    // Every pair of the flag asked (a graph of real reports only, or generated only): no filter.
    WITH fresh, CASE WHEN EXISTS { MATCH (:RepeatedBreachInspections {flag: CASE WHEN $synthetic THEN 'real' ELSE 'generated' END}) }
                     THEN $synthetic END AS synthetic
    CALL (fresh, synthetic) {
      WITH fresh WHERE fresh AND $withTotal
      ${runsReaching(label, '$minInspections')}
      RETURN count(r) AS totalCount
    }
    CALL (fresh, synthetic) {
      WITH fresh WHERE fresh
      CALL (synthetic) {
        OPTIONAL MATCH (top:RepeatedBreachInspections {rankAll: 0})
        UNWIND range($minInspections, coalesce(top.allCount, 0)) AS c
        CALL (c, synthetic) {
          ${runsReaching(label, 'c')}
          WITH r LIMIT $skip + $first
          RETURN count(r) AS reaching
        }
        WITH c WHERE reaching = $skip + $first
        RETURN coalesce(max(c), $minInspections) AS cutoff
      }
      CALL (cutoff, synthetic) {
        ${runsReaching(label, 'cutoff + 1')}
        RETURN collect(r.pair) AS pastCutoff
      }
      ${runsReaching(label, 'cutoff')}
      MATCH (s:RepeatedBreachInspections {rankAll: r.pair})
      WITH s, r.pair IN pastCutoff AS past
      ORDER BY past DESC, s.locationId, s.regulationId LIMIT $skip + $first
      ${COUNT_PAIR}
      WITH s, counted, inspectionCount
      ORDER BY inspectionCount DESC, s.locationId, s.regulationId SKIP $skip LIMIT $first
      ${ROWS_OF_PAIRS}
      WITH s, inspectionCount, row ORDER BY inspectionCount DESC, s.locationId, s.regulationId
      RETURN collect(row) AS rows
    }
    RETURN fresh, rows, totalCount`,
    parse: parseSummaryPage,
  });
}

/** The runs read of each evidence choice the runs hold, keyed by the kinds joined by commas. */
export const repeatedBreachesRunsSummaryQueries: Partial<
  Record<string, ReturnType<typeof buildRunsRead>>
> = {
  DOCUMENTED: buildRunsRead('analytics.repeated-breaches.summary.runs', DOCUMENTED_RUN_LABEL),
  'DOCUMENTED,STATED_REPEAT': buildRunsRead(
    'analytics.repeated-breaches.summary.runs.with-stated',
    ALL_RUN_LABEL,
  ),
};

/** The runs read for these evidence kinds, or null when the runs hold no list of them. */
export function runsReadFor(evidence: readonly BreachEvidence[]) {
  return repeatedBreachesRunsSummaryQueries[evidence.join(',')] ?? null;
}
