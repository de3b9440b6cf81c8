/**
 * repeatedBreaches from a summary: one node per location and regulation with the number of
 * inspections the question counts for the pair, the one regulator of its inspections, and its
 * rank in the question's order, so the top `first` pairs come off an index; the full rows are
 * then computed, by the exact query's own fragments, for those pairs only.
 */
import { defineQuery, defineStatement, read } from '../../db/query.ts';
import type { Database, QueryRunner } from '../../db/executor.ts';
import {
  findRepeatedBreachesExactly,
  PAIR_FILTER,
  parseRepeatedBreach,
  REQUIRED_MATCH,
  ROW_EXTRAS,
  ROW_MAP,
  STATED_REPEATS,
  type RepeatedBreachArgs,
  type RepeatedBreachRow,
} from '../analytics/repeated-breaches.ts';
import { freshnessClause, readFreshSummary, type SummaryAnswer } from './graph-version.ts';

/**
 * Versioned, with pairs under their own label: a graph stamped by the earlier layout (no
 * regulator on `RepeatedBreachSummary` nodes) is neither read nor deleted by this one.
 */
export const REPEATED_BREACHES_KIND = 'repeated-breaches-v2';

/** The regulator of a pair whose inspections are not all by one regulator: such a pair cannot be filtered by regulator. */
export const MIXED_REGULATORS = '*';

export const deleteRepeatedBreachSummary = defineStatement<object>(
  'summaries.repeated-breaches.delete',
  'MATCH (s:RepeatedBreachPair) DETACH DELETE s',
);

/** Every pair the unfiltered question counts, ranked as it orders them. */
export const buildRepeatedBreachSummary = defineStatement<object>(
  'summaries.repeated-breaches.build',
  `${REQUIRED_MATCH}
    WITH l, g, collect(DISTINCT i) AS required, collect(DISTINCT leg.id) AS legislationIds
    ${STATED_REPEATS}
    // The exact query's regulator filter picks required inspections: it keeps a pair whole or drops
    // it only when each of them has the same one regulator.
    WITH l, g, legislationIds, inspectionIds, COLLECT {
           UNWIND required AS i
           RETURN DISTINCT CASE WHEN COUNT { (i)-[:BY]->() } = 1
                                THEN head(COLLECT { MATCH (i)-[:BY]->(r:Regulator) RETURN r.code })
                                ELSE '${MIXED_REGULATORS}' END AS code
         } AS codes
    WITH l.id AS locationId, g.id AS regulationId, legislationIds, size(inspectionIds) AS inspectionCount,
         CASE WHEN size(codes) = 1 THEN codes[0] ELSE '${MIXED_REGULATORS}' END AS regulator
    ORDER BY inspectionCount DESC, locationId, regulationId
    WITH collect({locationId: locationId, regulationId: regulationId, legislationIds: legislationIds, inspectionCount: inspectionCount,
                  regulator: regulator}) AS pairs
    UNWIND range(0, size(pairs) - 1) AS rank
    WITH rank, pairs[rank] AS p
    CREATE (:RepeatedBreachPair {locationId: p.locationId, regulationId: p.regulationId, legislationIds: p.legislationIds,
                                 inspectionCount: p.inspectionCount, regulator: p.regulator, rank: rank})`,
);

/** Dates pick inspections inside a pair, which the summary does not keep; the regulator is the pair's own (or refused below). */
export function isAnsweredBySummary(args: RepeatedBreachArgs): boolean {
  return args.from === null && args.to === null;
}

export const repeatedBreachesSummaryQuery = defineQuery<RepeatedBreachArgs, SummaryAnswer<RepeatedBreachRow>>({
  name: 'analytics.repeated-breaches.summary',
  cypher: `${freshnessClause(REPEATED_BREACHES_KIND)}
    // One pair with inspections of several regulators and a regulator filter cannot be summed: stale, so exact.
    WITH fresh AND ($regulator IS NULL OR NOT EXISTS { MATCH (:RepeatedBreachPair {regulator: '${MIXED_REGULATORS}'}) }) AS fresh
    CALL (fresh) {
      WITH fresh WHERE fresh
      // rank >= 0 makes the rank index give the pairs in order, so LIMIT stops the scan early.
      MATCH (s:RepeatedBreachPair)
      WHERE s.rank >= 0 AND s.inspectionCount >= $minInspections
        AND ($regulator IS NULL OR s.regulator = $regulator)
        AND ($regulation IS NULL OR s.regulationId = $regulation)
        AND ($legislation IS NULL OR $legislation IN s.legislationIds)
      WITH s ORDER BY s.rank LIMIT $first
      CALL (s) {
        MATCH (l:Location {id: s.locationId}), (g:Regulation {id: s.regulationId})
        ${REQUIRED_MATCH}
        WHERE ${PAIR_FILTER}
        WITH l, g, collect(DISTINCT i) AS required, collect(q) AS requirements
        ${STATED_REPEATS}
        ${ROW_EXTRAS}
        RETURN ${ROW_MAP} AS row
      }
      WITH s, row ORDER BY s.rank
      RETURN collect(row) AS rows
    }
    RETURN fresh, rows`,
  parse: (record) => ({ fresh: read.boolean(record, 'fresh'), rows: read.list(record, 'rows').map(parseRepeatedBreach) }),
});

/** Through the summary when it is fresh and answers these arguments exactly, else the exact query. */
export async function findRepeatedBreaches(db: Database, args: RepeatedBreachArgs): Promise<RepeatedBreachRow[]> {
  const rows = isAnsweredBySummary(args) ? await readFreshSummary(db, repeatedBreachesSummaryQuery, args) : null;
  return rows ?? findRepeatedBreachesExactly(db, args);
}

export async function rebuildRepeatedBreachSummary(tx: QueryRunner): Promise<void> {
  await tx.run(deleteRepeatedBreachSummary, {});
  await tx.run(buildRepeatedBreachSummary, {});
}
