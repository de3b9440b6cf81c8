/**
 * repeatedBreaches from a summary: one node per location and regulation with the number of
 * inspections the question counts for the pair, the one regulator of its inspections, and its
 * rank in the question's order, so the top `first` pairs come off an index; the full rows are
 * then computed, by the exact query's own fragments, for those pairs only.
 */
import { defineQuery, defineStatement, read } from '../../../db/query.ts';
import { freshnessClause, type SummaryAnswer } from '../../summaries/graph-version.ts';
import {
  freshForRegulator,
  MIXED_REGULATORS,
  oneRegulatorOf,
} from '../../summaries/one-regulator.ts';
import type { SummaryDefinition } from '../../summaries/summary-definition.ts';
import {
  PAIR_FILTER,
  parseRepeatedBreach,
  REQUIRED_MATCH,
  ROW_EXTRAS,
  ROW_MAP,
  STATED_REPEATS,
} from './fragments.ts';
import type { RepeatedBreachArgs, RepeatedBreachRow } from './types.ts';

/**
 * Versioned, with pairs under their own label: a graph stamped by the earlier layout (no
 * regulator on `RepeatedBreachSummary` nodes) is neither read nor deleted by this one.
 */
export const REPEATED_BREACHES_KIND = 'repeated-breaches-v2';

export const deleteRepeatedBreachSummary = defineStatement<object>(
  'summaries.repeated-breaches.delete',
  'MATCH (s:RepeatedBreachPair) DETACH DELETE s',
);

/**
 * Every pair the unfiltered question counts, ranked as it orders them. Each pair keeps its required
 * inspections (ids, and dates for windows: '' when unknown) and which of them state each repeat, as
 * parallel lists (properties hold no nested lists); its count is the distinct ids among both, as
 * STATED_REPEATS counts them for the exact query (the summaries test compares the two).
 */
export const buildRepeatedBreachSummary = defineStatement<object>(
  'summaries.repeated-breaches.build',
  `${REQUIRED_MATCH}
    WITH l, g, collect(DISTINCT i) AS required, collect(DISTINCT leg.id) AS legislationIds
    // The exact query's regulator filter picks required inspections: it keeps a pair whole or drops
    // it only when each of them has the same one regulator.
    WITH l, g, legislationIds, COLLECT { UNWIND required AS i RETURN DISTINCT ${oneRegulatorOf('i')} AS code } AS codes,
         COLLECT { UNWIND required AS i WITH i ORDER BY i.id RETURN i } AS byId
    CALL (l, g, byId) {
      UNWIND range(0, size(byId) - 1) AS k
      // Few findings state a repeat: found first, then checked for what they are about (as in STATED_REPEATS).
      CALL (l, byId, k) {
        WITH byId[k] AS i
        MATCH (i)-[:FOUND]->(f:Finding)-[:REPEATS]->(earlier:Inspection)-[:OF]->(l)
        RETURN f, earlier
      }
      WITH k, f, earlier
      WHERE EXISTS { (f)-[:CITES]->(g) } OR EXISTS { (f)-[:ABOUT]->(:Theme)<-[:COVERS]-(g) }
      WITH DISTINCT k, earlier.id AS earlierId
      RETURN collect(k) AS statedBy, collect(earlierId) AS statedIds
    }
    WITH l.id AS locationId, g.id AS regulationId, legislationIds,
         size(COLLECT { UNWIND [i IN byId | i.id] + statedIds AS id RETURN DISTINCT id }) AS inspectionCount,
         CASE WHEN size(codes) = 1 THEN codes[0] ELSE '${MIXED_REGULATORS}' END AS regulator,
         [i IN byId | i.id] AS requiredIds, [i IN byId | coalesce(toString(i.startDate), '')] AS requiredDates, statedBy, statedIds
    ORDER BY inspectionCount DESC, locationId, regulationId
    WITH collect({locationId: locationId, regulationId: regulationId, legislationIds: legislationIds, inspectionCount: inspectionCount,
                  regulator: regulator, requiredIds: requiredIds, requiredDates: requiredDates, statedBy: statedBy, statedIds: statedIds}) AS pairs
    UNWIND range(0, size(pairs) - 1) AS rank
    WITH rank, pairs[rank] AS p
    CREATE (:RepeatedBreachPair {locationId: p.locationId, regulationId: p.regulationId, legislationIds: p.legislationIds,
                                 inspectionCount: p.inspectionCount, regulator: p.regulator, rank: rank,
                                 requiredIds: p.requiredIds, requiredDates: p.requiredDates, statedBy: p.statedBy, statedIds: p.statedIds})`,
);

/** The summary's opening, shared by the ranked and the windowed reads. */
const FRESH_FOR_FILTERS = `${freshnessClause(REPEATED_BREACHES_KIND)}
    ${freshForRegulator('RepeatedBreachPair')}`;

const PAIR_FILTERS = `($regulator IS NULL OR s.regulator = $regulator)
        AND ($regulation IS NULL OR s.regulationId = $regulation)
        AND ($legislation IS NULL OR $legislation IN s.legislationIds)`;

/** The full rows of the chosen pairs `s`, by the exact query's own fragments, in `s`'s order as `rows`. */
const ROWS_OF_PAIRS = `
      CALL (s) {
        MATCH (l:Location {id: s.locationId}), (g:Regulation {id: s.regulationId})
        ${REQUIRED_MATCH}
        WHERE ${PAIR_FILTER}
          AND ($from IS NULL OR i.startDate >= date($from))
          AND ($to IS NULL OR i.startDate <= date($to))
        WITH l, g, collect(DISTINCT i) AS required, collect(q) AS requirements
        ${STATED_REPEATS}
        ${ROW_EXTRAS}
        RETURN ${ROW_MAP} AS row
      }`;

export const repeatedBreachesSummaryQuery = defineQuery<
  RepeatedBreachArgs,
  SummaryAnswer<RepeatedBreachRow>
>({
  name: 'analytics.repeated-breaches.summary',
  cypher: `${FRESH_FOR_FILTERS}
    CALL (fresh) {
      WITH fresh WHERE fresh
      // rank >= 0 makes the rank index give the pairs in order, so LIMIT stops the scan early.
      MATCH (s:RepeatedBreachPair)
      WHERE s.rank >= 0 AND s.inspectionCount >= $minInspections AND ${PAIR_FILTERS}
      WITH s ORDER BY s.rank LIMIT $first
      ${ROWS_OF_PAIRS}
      WITH s, row ORDER BY s.rank
      RETURN collect(row) AS rows
    }
    RETURN fresh, rows`,
  parse: (record) => ({
    fresh: read.boolean(record, 'fresh'),
    rows: read.list(record, 'rows').map(parseRepeatedBreach),
  }),
});

/**
 * From pairs `s`: each one's count in the date window as `inspectionCount`, the distinct required
 * inspections in the window and the earlier ones they state the breach repeats, as the exact query
 * counts; pairs below minInspections dropped.
 */
const COUNT_IN_WINDOW = `
      WITH s, [k IN range(0, size(s.requiredIds) - 1)
               WHERE s.requiredDates[k] <> '' AND ($from IS NULL OR s.requiredDates[k] >= $from)
                 AND ($to IS NULL OR s.requiredDates[k] <= $to)] AS inWindow
      WHERE size(inWindow) > 0
      WITH s, inWindow, [j IN range(0, size(s.statedIds) - 1) WHERE s.statedBy[j] IN inWindow | s.statedIds[j]] AS stated
      // Required ids are distinct; only the few pairs with a stated repeat need the union counted.
      WITH s, CASE WHEN size(stated) = 0 THEN size(inWindow)
                   ELSE size(COLLECT { UNWIND [k IN inWindow | s.requiredIds[k]] + stated AS id RETURN DISTINCT id }) END AS inspectionCount
      WHERE inspectionCount >= $minInspections`;

/**
 * How many pairs, in rank order, the windowed read counts first to find its cutoff: with it a
 * window counts these and a few more instead of every pair; much smaller or larger heads were
 * slower on some windows (bench/PROFILE.md).
 */
export const WINDOW_HEAD_PAIRS = 2000;

/**
 * With a date window. No pair's count in a window exceeds its total, so only pairs whose total
 * reaches the answer's smallest count can be in it. That smallest count is at least the
 * `first`-th best window count among any pairs, so the read takes it from the pairs with the
 * largest totals (the first $headPairs by rank, off the index) and then counts only the pairs
 * whose total reaches it (off the inspectionCount index), rather than every pair.
 */
export const repeatedBreachesInWindowSummaryQuery = defineQuery<
  RepeatedBreachArgs & { headPairs: number },
  SummaryAnswer<RepeatedBreachRow>
>({
  name: 'analytics.repeated-breaches.summary.window',
  cypher: `${FRESH_FOR_FILTERS}
    CALL (fresh) {
      WITH fresh WHERE fresh
      CALL () {
        MATCH (s:RepeatedBreachPair)
        WHERE s.rank >= 0 AND s.rank < $headPairs AND s.inspectionCount >= $minInspections AND ${PAIR_FILTERS}
        ${COUNT_IN_WINDOW}
        WITH inspectionCount ORDER BY inspectionCount DESC LIMIT $first
        WITH collect(inspectionCount) AS best
        // Fewer than $first pairs bound nothing: every pair is counted.
        RETURN CASE WHEN size(best) = $first THEN best[-1] ELSE $minInspections END AS cutoff
      }
      MATCH (s:RepeatedBreachPair)
      WHERE s.inspectionCount >= cutoff AND ${PAIR_FILTERS}
      ${COUNT_IN_WINDOW}
      WITH s, inspectionCount ORDER BY inspectionCount DESC, s.locationId, s.regulationId LIMIT $first
      ${ROWS_OF_PAIRS}
      WITH s, inspectionCount, row ORDER BY inspectionCount DESC, s.locationId, s.regulationId
      RETURN collect(row) AS rows
    }
    RETURN fresh, rows`,
  parse: (record) => ({
    fresh: read.boolean(record, 'fresh'),
    rows: read.list(record, 'rows').map(parseRepeatedBreach),
  }),
});

/** The refresh's handle on this summary (graph/summaries/refresh-summaries.ts lists it). */
export const repeatedBreachesSummary: SummaryDefinition = {
  kind: REPEATED_BREACHES_KIND,
  async rebuild(tx) {
    await tx.run(deleteRepeatedBreachSummary, {});
    await tx.run(buildRepeatedBreachSummary, {});
    return true;
  },
};
