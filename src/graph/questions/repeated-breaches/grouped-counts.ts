/**
 * repeatedBreaches counted per regulation and per provider group, in Cypher, for the dashboard's
 * two ranked panels: the pairs (location, regulation) are the exact query's (same evidence, same
 * window, same minInspections), narrowed by the place filters the grouped counts take, and only
 * the top groups come back instead of every pair.
 */
import { defineQuery, read, type PlainRecord } from '../../../db/query.ts';
import type { Database } from '../../../db/executor.ts';
import { parseNode } from '../../node-kinds.ts';
import type { LocationRow, RegulationRow } from '../../rows.ts';
import {
  GROUP_ID_OF_LOCATION,
  PLACE_SCOPE,
  type GroupedCountScope,
} from '../../grouped-count-scope.ts';
import { EVIDENCE_FILTER } from './exact-query.ts';
import { matchEvidence } from './fragments.ts';
import type { BreachEvidence } from './types.ts';

export interface RepeatedBreachGroupArgs extends GroupedCountScope {
  minInspections: number;
  /** The kinds counted: distinct, never empty. */
  evidence: BreachEvidence[];
  /** How many groups, most first. */
  first: number;
}

export interface RepeatedBreachRegulationArgs extends RepeatedBreachGroupArgs {
  /** How many of each regulation's locations to list, most inspections first. */
  locationsPerGroup: number;
}

export interface LocationInspectionCountRow {
  locationId: string;
  location: LocationRow;
  inspectionCount: number;
}

export interface RepeatedBreachRegulationCountRow {
  regulationId: string;
  regulation: RegulationRow;
  /** Locations where the regulation was breached at minInspections or more inspections. */
  locationCount: number;
  /** The inspections counted at those locations (the sum of their repeatedBreaches inspectionCount). */
  inspectionCount: number;
  topLocations: LocationInspectionCountRow[];
}

export interface RepeatedBreachGroupCountRow {
  /** Null for the locations in no provider group. */
  providerGroupId: string | null;
  /** The (location, regulation) pairs: repeatedBreaches rows. */
  repeatedBreachCount: number;
  locationCount: number;
  inspectionCount: number;
}

/** Every qualifying pair as `l, g, inspections` (its count of distinct inspections). */
const QUALIFYING_PAIRS = `${matchEvidence(
  // The questions' regulation and legislation arguments are not asked here: bound to null.
  `${EVIDENCE_FILTER}
        AND ${PLACE_SCOPE}`,
  'asked',
)}
    WITH DISTINCT l, g, i
    WITH l, g, count(i) AS inspections
    WHERE inspections >= $minInspections`;

export const repeatedBreachesByRegulationQuery = defineQuery<
  RepeatedBreachRegulationArgs & { regulation: null; legislation: null },
  RepeatedBreachRegulationCountRow
>({
  name: 'analytics.repeated-breaches.by-regulation',
  cypher: `${QUALIFYING_PAIRS}
    WITH l, g, inspections ORDER BY inspections DESC, l.id
    WITH g, count(l) AS locationCount, sum(inspections) AS inspectionCount,
         collect({locationId: l.id, location: properties(l), inspectionCount: inspections}) AS locations
    WITH g, locationCount, inspectionCount, locations[..$locationsPerGroup] AS topLocations
    ORDER BY locationCount DESC, inspectionCount DESC, g.id
    LIMIT $first
    RETURN g.id AS regulationId, properties(g) AS regulation, locationCount, inspectionCount, topLocations
    ORDER BY locationCount DESC, inspectionCount DESC, regulationId`,
  parse: (row) => ({
    regulationId: read.string(row, 'regulationId'),
    regulation: parseNode('regulation', row, 'regulation'),
    locationCount: read.number(row, 'locationCount'),
    inspectionCount: read.number(row, 'inspectionCount'),
    topLocations: read.list(row, 'topLocations').map(parseLocationCount),
  }),
});

export const repeatedBreachesByProviderGroupQuery = defineQuery<
  RepeatedBreachGroupArgs & { regulation: null; legislation: null },
  RepeatedBreachGroupCountRow
>({
  name: 'analytics.repeated-breaches.by-provider-group',
  cypher: `${QUALIFYING_PAIRS}
    WITH l, count(g) AS pairs, sum(inspections) AS inspections
    WITH l, pairs, inspections, ${GROUP_ID_OF_LOCATION} AS groupId
    WITH groupId, sum(pairs) AS repeatedBreachCount, count(l) AS locationCount, sum(inspections) AS inspectionCount
    ORDER BY repeatedBreachCount DESC, locationCount DESC, coalesce(groupId, '')
    LIMIT $first
    RETURN groupId, repeatedBreachCount, locationCount, inspectionCount
    ORDER BY repeatedBreachCount DESC, locationCount DESC, coalesce(groupId, '')`,
  parse: (row) => ({
    providerGroupId: read.optionalString(row, 'groupId'),
    repeatedBreachCount: read.number(row, 'repeatedBreachCount'),
    locationCount: read.number(row, 'locationCount'),
    inspectionCount: read.number(row, 'inspectionCount'),
  }),
});

function parseLocationCount(row: PlainRecord): LocationInspectionCountRow {
  return {
    locationId: read.string(row, 'locationId'),
    location: parseNode('location', row, 'location'),
    inspectionCount: read.number(row, 'inspectionCount'),
  };
}

export function countRepeatedBreachesByRegulation(
  db: Database,
  args: RepeatedBreachRegulationArgs,
): Promise<RepeatedBreachRegulationCountRow[]> {
  return db.read(repeatedBreachesByRegulationQuery, {
    ...args,
    regulation: null,
    legislation: null,
  });
}

export function countRepeatedBreachesByProviderGroup(
  db: Database,
  args: RepeatedBreachGroupArgs,
): Promise<RepeatedBreachGroupCountRow[]> {
  return db.read(repeatedBreachesByProviderGroupQuery, {
    ...args,
    regulation: null,
    legislation: null,
  });
}
