/**
 * Locations where the same regulation was breached at several inspections. An inspection counts
 * for a (location, regulation) pair by the kinds of evidence asked for (see BreachEvidence): by
 * default only a breach its own report documents. A date window counts only inspections that
 * start inside it.
 */
import { parsePageRecord, readAnswerPage, type PageRecord } from '../../read-page.ts';
import { defineQuery } from '../../../db/query.ts';
import { buildSortKey } from '../../answer-sort.ts';
import type { Database } from '../../../db/executor.ts';
import { matchEvidence, orderKinds, parseRepeatedBreach, ROW_OF_PAIR } from './fragments.ts';
import type { RepeatedBreachArgs, RepeatedBreachPage, RepeatedBreachRow } from './types.ts';

/** The filters on a piece of evidence `l, g, leg, i`: the pair, the regulator and the window (the grouped counts add places). */
export const EVIDENCE_FILTER = `($regulation IS NULL OR g.id = $regulation)
        AND ($legislation IS NULL OR leg.id = $legislation)
        AND ($regulator IS NULL OR EXISTS { (i)-[:BY]->(:Regulator {code: $regulator}) })
        AND ($from IS NULL OR i.startDate >= date($from))
        AND ($to IS NULL OR i.startDate <= date($to))
        AND ($synthetic IS NULL OR coalesce(i.synthetic, false) = $synthetic)
        AND ($providerGroupId IS NULL
             OR EXISTS { (l)<-[:RUNS]-(:Provider)-[:IN_GROUP]->(:ProviderGroup {id: $providerGroupId}) })`;

/** The figure `$sort` asks for, if any, then the documented order, which ends with the pair's ids. */
const PAIR_ORDER = `${buildSortKey({ INSPECTION_COUNT: 'size(inspections)' })}, size(inspections) DESC, l.id, g.id`;
const ROW_ORDER = `${buildSortKey({ INSPECTION_COUNT: 'size(row.inspectionIds)' })}, size(row.inspectionIds) DESC, row.locationId, row.regulationId`;

export const repeatedBreachesQuery = defineQuery<RepeatedBreachArgs, PageRecord<RepeatedBreachRow>>(
  {
    name: 'analytics.repeated-breaches',
    cypher: `${matchEvidence(EVIDENCE_FILTER, 'asked')}
    WITH l, g, i, collect(kind) AS found
    WITH l, g, i, ${orderKinds('found')} AS kinds
    ORDER BY i.startDate, i.id
    WITH l, g, collect(i) AS inspections, collect(kinds) AS evidence
    WHERE size(inspections) >= $minInspections
    WITH l, g, inspections, evidence ORDER BY ${PAIR_ORDER}
    WITH collect({l: l, g: g, inspections: inspections, evidence: evidence}) AS pairs
    CALL (pairs) {
      UNWIND pairs[$skip..($skip + $first)] AS pair
      WITH pair.l AS l, pair.g AS g, pair.inspections AS inspections, pair.evidence AS evidence
      ${ROW_OF_PAIR}
      WITH row ORDER BY ${ROW_ORDER}
      RETURN collect(row) AS rows
    }
    RETURN size(pairs) AS totalCount, rows`,
    parse: parsePageRecord(parseRepeatedBreach),
  },
);

/** The exact query, whatever the arguments and the state of the summaries. */
export async function findRepeatedBreachesExactly(
  db: Database,
  args: RepeatedBreachArgs,
): Promise<RepeatedBreachPage> {
  return readAnswerPage(db, repeatedBreachesQuery, {
    ...args,
    sort: args.sort ?? null,
    synthetic: args.synthetic ?? null,
    providerGroupId: args.providerGroupId ?? null,
  });
}
