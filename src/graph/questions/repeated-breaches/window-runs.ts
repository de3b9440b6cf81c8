/**
 * The repeatedBreaches summary's runs, which answer a date window without counting every pair's
 * lists. A pair's dated inspections of one evidence choice, sorted by start date, are
 * L[0] ≤ L[1] ≤ …; a run is c consecutive ones, L[k..k+c-1] (c ≥ 2), kept as one node with
 * `size` c, its `first` and `last` days, the day `before` it (L[k-1], 0 for none), and `pair`,
 * its pair's `rankAll` (the pair's key in RepeatedBreachInspections, where the filters are
 * read). Days are numbers yyyymmdd.
 *
 * A pair counts at least c inspections inside [from, to] exactly when the run of size c that
 * starts at its first inspection on or after `from` ends on or before `to`; that run is the only
 * one of size c with `before < from ≤ first` and `last ≤ to`. So the pairs reaching c in a window
 * are counted one run each off the (size, first, before, last) index, with no list read.
 *
 * Nodes carry a label per evidence choice: the documented inspections alone, and all with any
 * evidence (documented or a stated repeat). A pair whose two lists are the same (most pairs: few
 * findings state a repeat) keeps one node per run with both labels. Inspections with no start
 * date are in no run: they are outside every window.
 *
 * The runs are a summary kind of their own, rebuilt in their own transaction right after the pairs
 * (at tier L, about 450,000 runs and the pairs together passed Neo4j's transaction memory limit),
 * and only from pairs fresh at the graph version it stamps: a read uses the runs only while both
 * stamps equal the graph version, so the runs it reads were built from the pairs it reads.
 */
import { defineQuery, defineStatement, read } from '../../../db/query.ts';
import { freshnessClause, GRAPH_STATE_ID } from '../../summaries/graph-version.ts';
import type { SummaryDefinition } from '../../summaries/summary-definition.ts';
import { REPEATED_BREACHES_KIND } from './summary.ts';

/** The runs' stamp kind; the pairs keep theirs (REPEATED_BREACHES_KIND). */
export const REPEATED_BREACH_RUNS_KIND = 'repeated-breach-runs';

/** Runs over the inspections with any evidence: evidence [DOCUMENTED, STATED_REPEAT]. */
export const ALL_RUN_LABEL = 'RepeatedBreachRunAll';
/** Runs over the documented inspections: evidence [DOCUMENTED]. */
export const DOCUMENTED_RUN_LABEL = 'RepeatedBreachRunDocumented';

/** Day number (yyyymmdd) of an ISO date. */
function dayNumber(date: string): number {
  return Number(date.replaceAll('-', ''));
}

/**
 * A window's bounds as day numbers: an open start is day 1 (after the 0 a run has when no
 * inspection comes before it, so every first run counts), an open end the last day of 9999.
 */
export function toWindowDays(
  from: string | null,
  to: string | null,
): { fromDay: number; toDay: number } {
  return {
    fromDay: from === null ? 1 : dayNumber(from),
    toDay: to === null ? 99_991_231 : dayNumber(to),
  };
}

/** Cypher: the sorted day numbers of pair `s`'s dated inspections kept by `keep` (over position k). */
function sortedDays(keep: string): string {
  return `COLLECT { UNWIND range(0, size(s.ids) - 1) AS k
                    WITH k WHERE s.dates[k] <> '' AND (${keep})
                    RETURN toInteger(replace(s.dates[k], '-', '')) AS day ORDER BY day }`;
}

const DOCUMENTED_DAYS = sortedDays('s.documented[k]');
const ALL_DAYS = sortedDays('s.documented[k] OR s.stated[k]');

/** Creates every run of list `days` of pair `s` as a node with `labels`. */
const CREATE_RUNS = (labels: string) => `
    UNWIND range(2, size(days)) AS c
    UNWIND range(0, size(days) - c) AS k
    CREATE (:${labels} {size: c, first: days[k], last: days[k + c - 1],
                        before: CASE WHEN k = 0 THEN 0 ELSE days[k - 1] END, pair: s.rankAll})`;

/**
 * The runs, built from the pairs (RepeatedBreachInspections) once they are ranked: shared nodes
 * where a pair's two lists are equal, else each list's own.
 */
export const buildRepeatedBreachRuns = [
  defineStatement<object>(
    'summaries.repeated-breaches.runs.shared',
    `MATCH (s:RepeatedBreachInspections)
    WITH s, ${DOCUMENTED_DAYS} AS documentedDays, ${ALL_DAYS} AS days
    WHERE size(days) >= 2 AND documentedDays = days
    ${CREATE_RUNS(`${ALL_RUN_LABEL}:${DOCUMENTED_RUN_LABEL}`)}`,
  ),
  defineStatement<object>(
    'summaries.repeated-breaches.runs.all',
    `MATCH (s:RepeatedBreachInspections)
    WITH s, ${DOCUMENTED_DAYS} AS documentedDays, ${ALL_DAYS} AS days
    WHERE size(days) >= 2 AND documentedDays <> days
    ${CREATE_RUNS(ALL_RUN_LABEL)}`,
  ),
  defineStatement<object>(
    'summaries.repeated-breaches.runs.documented',
    `MATCH (s:RepeatedBreachInspections)
    WITH s, ${DOCUMENTED_DAYS} AS days, ${ALL_DAYS} AS allDays
    WHERE size(days) >= 2 AND days <> allDays
    ${CREATE_RUNS(DOCUMENTED_RUN_LABEL)}`,
  ),
];

/** One statement per label (a shared node goes with the first). */
export const deleteRepeatedBreachRuns = [ALL_RUN_LABEL, DOCUMENTED_RUN_LABEL].map((label) =>
  defineStatement<object>(
    `summaries.repeated-breaches.runs.delete-${label}`,
    `MATCH (r:${label}) DETACH DELETE r`,
  ),
);

/** Whether the pairs' stamp equals the graph version: the runs are built only from such pairs. */
export const readPairsFresh = defineQuery<object, { fresh: boolean }>({
  name: 'summaries.repeated-breaches.runs.pairs-fresh',
  cypher: `${freshnessClause(REPEATED_BREACHES_KIND)}
    RETURN fresh`,
  parse: (row) => ({ fresh: read.boolean(row, 'fresh') }),
});

/** Cypher turning `fresh` false unless the runs' stamp equals the graph version too. */
export const FRESH_RUNS = `WITH fresh AND EXISTS {
      MATCH (runs:SummaryStamp {kind: '${REPEATED_BREACH_RUNS_KIND}'}), (st:GraphState {id: '${GRAPH_STATE_ID}'})
      WHERE runs.version = st.version
    } AS fresh`;

/** The refresh's handle on the runs (listed after the pairs in refresh-summaries.ts). */
export const repeatedBreachRunsSummary: SummaryDefinition = {
  kind: REPEATED_BREACH_RUNS_KIND,
  // Near Neo4j's transaction memory at tier L with a 3 GB heap (bench/RESULTS.md, session 20):
  // a larger graph's rebuild may fail, which leaves the window reads on the pairs.
  optional: true,
  async rebuild(tx) {
    for (const statement of deleteRepeatedBreachRuns) await tx.run(statement, {});
    const [pairs] = await tx.run(readPairsFresh, {});
    // Pairs of another version: no runs, and no stamp (a read falls back to the counted read).
    if (!pairs?.fresh) return false;
    for (const statement of buildRepeatedBreachRuns) await tx.run(statement, {});
    return true;
  },
};
