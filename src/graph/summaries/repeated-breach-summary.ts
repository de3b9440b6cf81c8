/**
 * repeatedBreaches from a summary: one node per location and regulation with the number of
 * inspections the question counts for the pair and its rank in the question's order, so the top
 * `first` pairs come off an index; the full rows are then computed, by the exact query's own
 * fragments, for those pairs only.
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

export const REPEATED_BREACHES_KIND = 'repeated-breaches';

export const deleteRepeatedBreachSummary = defineStatement<object>(
  'summaries.repeated-breaches.delete',
  'MATCH (s:RepeatedBreachSummary) DETACH DELETE s',
);

/** Every pair the unfiltered question counts, ranked as it orders them. */
export const buildRepeatedBreachSummary = defineStatement<object>(
  'summaries.repeated-breaches.build',
  `${REQUIRED_MATCH}
    WITH l, g, collect(DISTINCT i) AS required, collect(DISTINCT leg.id) AS legislationIds
    ${STATED_REPEATS}
    WITH l.id AS locationId, g.id AS regulationId, legislationIds, size(inspectionIds) AS inspectionCount
    ORDER BY inspectionCount DESC, locationId, regulationId
    WITH collect({locationId: locationId, regulationId: regulationId, legislationIds: legislationIds, inspectionCount: inspectionCount}) AS pairs
    UNWIND range(0, size(pairs) - 1) AS rank
    WITH rank, pairs[rank] AS p
    CREATE (:RepeatedBreachSummary {locationId: p.locationId, regulationId: p.regulationId, legislationIds: p.legislationIds,
                                    inspectionCount: p.inspectionCount, rank: rank})`,
);

/** The summary answers exactly when no filter reaches inside a pair (the regulator and dates pick inspections). */
export function isAnsweredBySummary(args: RepeatedBreachArgs): boolean {
  return args.regulator === null && args.from === null && args.to === null;
}

export const repeatedBreachesSummaryQuery = defineQuery<RepeatedBreachArgs, SummaryAnswer<RepeatedBreachRow>>({
  name: 'analytics.repeated-breaches.summary',
  cypher: `${freshnessClause(REPEATED_BREACHES_KIND)}
    CALL (fresh) {
      WITH fresh WHERE fresh
      // rank >= 0 makes the rank index give the pairs in order, so LIMIT stops the scan early.
      MATCH (s:RepeatedBreachSummary)
      WHERE s.rank >= 0 AND s.inspectionCount >= $minInspections
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
