/**
 * enforcementActions counted per year and type, in Cypher. The year is that of the inspection
 * that led to the action, the date enforcementActions' from/to filter by, so the counts and the
 * filter agree (an action's issue date is often unknown, and may fall in a later year).
 */
import { defineQuery, read } from '../../../db/query.ts';
import type { Database } from '../../../db/executor.ts';
import {
  isEnforcementType,
  toEnforcementTypeName,
  type EnforcementTypeName,
} from '../../../model/enforcement-type.ts';
import { PLACE_SCOPE, type GroupedCountScope } from '../../grouped-count-scope.ts';

export interface EnforcementCountArgs extends GroupedCountScope {
  /** A stored type ('warning-notice'), or null for every type. */
  type: string | null;
}

export interface EnforcementCountRow {
  year: number;
  /** As the API names it ('WARNING_NOTICE'). */
  type: EnforcementTypeName;
  actionCount: number;
}

export const enforcementCountsQuery = defineQuery<EnforcementCountArgs, EnforcementCountRow>({
  name: 'analytics.enforcement-actions.counts',
  cypher: `
    MATCH (i:Inspection)-[:LED_TO]->(m:EnforcementAction), (i)-[:OF]->(l:Location)
    WHERE ($type IS NULL OR m.type = $type)
      AND ($regulator IS NULL OR EXISTS { (i)-[:BY]->(:Regulator {code: $regulator}) })
      AND ($from IS NULL OR i.startDate >= date($from))
      AND ($to IS NULL OR i.startDate <= date($to))
      AND ($synthetic IS NULL OR coalesce(i.synthetic, false) = $synthetic)
      AND ${PLACE_SCOPE}
    WITH i.startDate.year AS year, m.type AS type, count(DISTINCT m) AS actionCount
    WHERE year IS NOT NULL
    RETURN year, type, actionCount
    ORDER BY year, type`,
  parse: (row) => ({
    year: read.number(row, 'year'),
    type: toTypeName(read.string(row, 'type')),
    actionCount: read.number(row, 'actionCount'),
  }),
});

export function countEnforcementActions(
  db: Database,
  args: EnforcementCountArgs,
): Promise<EnforcementCountRow[]> {
  return db.read(enforcementCountsQuery, args);
}

function toTypeName(stored: string): EnforcementTypeName {
  if (isEnforcementType(stored)) return toEnforcementTypeName(stored);
  throw new TypeError(`field type: unknown enforcement type ${stored}`);
}
