/**
 * Locations required to act under the same regulation at several inspections. A report's own
 * statement that a shortfall repeats an earlier inspection counts that inspection too, when the
 * statement's finding cites the regulation or is about a theme the regulation covers.
 */
import { defineQuery, read } from '../../../db/query.ts';
import type { Database } from '../../../db/executor.ts';
import {
  PAIR_FILTER,
  parseRepeatedBreach,
  REQUIRED_MATCH,
  ROW_EXTRAS,
  ROW_MAP,
  STATED_REPEATS,
} from './fragments.ts';
import type { RepeatedBreachArgs, RepeatedBreachRow } from './types.ts';

export const repeatedBreachesQuery = defineQuery<RepeatedBreachArgs, RepeatedBreachRow>({
  name: 'analytics.repeated-breaches',
  cypher: `${REQUIRED_MATCH}
    WHERE ${PAIR_FILTER}
      AND ($regulator IS NULL OR EXISTS { (i)-[:BY]->(:Regulator {code: $regulator}) })
      AND ($from IS NULL OR i.startDate >= date($from))
      AND ($to IS NULL OR i.startDate <= date($to))
    WITH l, g, collect(DISTINCT i) AS required, collect(q) AS requirements
    ${STATED_REPEATS}
    WITH l, g, requirements, statements, inspectionIds, inspections
    WHERE size(inspectionIds) >= $minInspections
    WITH * ORDER BY size(inspectionIds) DESC, l.id, g.id LIMIT $first
    ${ROW_EXTRAS}
    RETURN ${ROW_MAP} AS row
    ORDER BY size(row.inspectionIds) DESC, row.locationId, row.regulationId`,
  parse: (record) => parseRepeatedBreach(read.map(record, 'row')),
});

/** The exact query, whatever the arguments and the state of the summaries. */
export function findRepeatedBreachesExactly(
  db: Database,
  args: RepeatedBreachArgs,
): Promise<RepeatedBreachRow[]> {
  return db.read(repeatedBreachesQuery, args);
}
