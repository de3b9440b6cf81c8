/**
 * repeatedBreaches counted per regulation and per provider group, in Cypher, for the dashboard's
 * two ranked panels: the pairs (location, regulation) are repeatedBreaches' own (same evidence,
 * same window, same minInspections, from its summary when fresh as repeatedBreaches reads it),
 * narrowed by the place filters the grouped counts take, and only the top groups come back
 * instead of every pair.
 */
import { defineQuery, read, type NamedQuery, type PlainRecord } from '../../../db/query.ts';
import type { Database } from '../../../db/executor.ts';
import { parseNode } from '../../node-kinds.ts';
import type { LocationRow, RegulationRow } from '../../rows.ts';
import {
  GROUP_ID_OF_LOCATION,
  PLACE_SCOPE,
  type GroupedCountScope,
} from '../../grouped-count-scope.ts';
import { readFreshSummary, type SummaryAnswer } from '../../summaries/graph-version.ts';
import { EVIDENCE_FILTER } from './exact-query.ts';
import { matchEvidence } from './fragments.ts';
import { COUNT_PAIR, FRESH_FOR_FILTERS, PAIR_FILTERS } from './summary.ts';
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

/** Every qualifying pair as `l, g, inspections` (its count of distinct inspections), exactly. */
const QUALIFYING_PAIRS = `${matchEvidence(
  // The questions' regulation and legislation arguments are not asked here: bound to null.
  `${EVIDENCE_FILTER}
        AND ${PLACE_SCOPE}`,
  'asked',
)}
    WITH DISTINCT l, g, i
    WITH l, g, count(i) AS inspections
    WHERE inspections >= $minInspections`;

/**
 * The same pairs from the repeatedBreaches summary (one node per pair, counted from its lists by
 * the summary reads' own COUNT_PAIR), each with its location for the place filters: a few
 * thousand nodes at tier M instead of every piece of evidence. `fresh` is false when the summary
 * is stale or a regulator filter meets a pair of mixed regulators (the exact query answers then).
 */
function summarisedPairs(tail: string): string {
  return `${FRESH_FOR_FILTERS}
    CALL (fresh) {
      CALL (fresh) {
        WITH fresh WHERE fresh
        MATCH (s:RepeatedBreachInspections)
        WHERE s.allCount >= $minInspections AND ${PAIR_FILTERS}
        ${COUNT_PAIR}
        MATCH (l:Location {id: s.locationId}), (g:Regulation {id: s.regulationId})
        WHERE ${PLACE_SCOPE}
        WITH l, g, inspectionCount AS inspections
        ${tail}
      }
      // Over no row (a stale summary) collect still gives one: an empty list.
      RETURN collect(row) AS rows
    }
    RETURN fresh, rows`;
}

/** From pairs `l, g, inspections`: one `row` per regulation, the top `$first`. */
const BY_REGULATION = `WITH l, g, inspections ORDER BY inspections DESC, l.id
    WITH g, count(l) AS locationCount, sum(inspections) AS inspectionCount,
         collect({locationId: l.id, location: properties(l), inspectionCount: inspections}) AS locations
    WITH g, locationCount, inspectionCount, locations[..$locationsPerGroup] AS topLocations
    ORDER BY locationCount DESC, inspectionCount DESC, g.id
    LIMIT $first
    RETURN {regulationId: g.id, regulation: properties(g), locationCount: locationCount,
            inspectionCount: inspectionCount, topLocations: topLocations} AS row`;

/** From pairs `l, g, inspections`: one `row` per provider group of the location, the top `$first`. */
const BY_PROVIDER_GROUP = `WITH l, count(g) AS pairs, sum(inspections) AS inspections
    WITH l, pairs, inspections, ${GROUP_ID_OF_LOCATION} AS groupId
    WITH groupId, sum(pairs) AS repeatedBreachCount, count(l) AS locationCount, sum(inspections) AS inspectionCount
    ORDER BY repeatedBreachCount DESC, locationCount DESC, coalesce(groupId, '')
    LIMIT $first
    RETURN {groupId: groupId, repeatedBreachCount: repeatedBreachCount, locationCount: locationCount,
            inspectionCount: inspectionCount} AS row`;

type ExactParams<Args> = Args & { regulation: null; legislation: null };

function parseRegulationCount(row: PlainRecord): RepeatedBreachRegulationCountRow {
  return {
    regulationId: read.string(row, 'regulationId'),
    regulation: parseNode('regulation', row, 'regulation'),
    locationCount: read.number(row, 'locationCount'),
    inspectionCount: read.number(row, 'inspectionCount'),
    topLocations: read.list(row, 'topLocations').map(parseLocationCount),
  };
}

function parseGroupCount(row: PlainRecord): RepeatedBreachGroupCountRow {
  return {
    providerGroupId: read.optionalString(row, 'groupId'),
    repeatedBreachCount: read.number(row, 'repeatedBreachCount'),
    locationCount: read.number(row, 'locationCount'),
    inspectionCount: read.number(row, 'inspectionCount'),
  };
}

function parseLocationCount(row: PlainRecord): LocationInspectionCountRow {
  return {
    locationId: read.string(row, 'locationId'),
    location: parseNode('location', row, 'location'),
    inspectionCount: read.number(row, 'inspectionCount'),
  };
}

/** Each `row` the exact query returns; the order is the tail's (the ranking before LIMIT). */
function parseRows<Row>(parse: (row: PlainRecord) => Row) {
  return (record: PlainRecord): Row => parse(read.map(record, 'row'));
}

function parseSummaryRows<Row>(parse: (row: PlainRecord) => Row) {
  return (record: PlainRecord): SummaryAnswer<Row> => ({
    fresh: read.boolean(record, 'fresh'),
    rows: read.list(record, 'rows').map(parse),
  });
}

export const repeatedBreachesByRegulationQuery = defineQuery<
  ExactParams<RepeatedBreachRegulationArgs>,
  RepeatedBreachRegulationCountRow
>({
  name: 'analytics.repeated-breaches.by-regulation',
  cypher: `${QUALIFYING_PAIRS}
    ${BY_REGULATION}`,
  parse: parseRows(parseRegulationCount),
});

export const repeatedBreachesByRegulationSummaryQuery = defineQuery<
  ExactParams<RepeatedBreachRegulationArgs>,
  SummaryAnswer<RepeatedBreachRegulationCountRow>
>({
  name: 'analytics.repeated-breaches.by-regulation.summary',
  cypher: summarisedPairs(BY_REGULATION),
  parse: parseSummaryRows(parseRegulationCount),
});

export const repeatedBreachesByProviderGroupQuery = defineQuery<
  ExactParams<RepeatedBreachGroupArgs>,
  RepeatedBreachGroupCountRow
>({
  name: 'analytics.repeated-breaches.by-provider-group',
  cypher: `${QUALIFYING_PAIRS}
    ${BY_PROVIDER_GROUP}`,
  parse: parseRows(parseGroupCount),
});

export const repeatedBreachesByProviderGroupSummaryQuery = defineQuery<
  ExactParams<RepeatedBreachGroupArgs>,
  SummaryAnswer<RepeatedBreachGroupCountRow>
>({
  name: 'analytics.repeated-breaches.by-provider-group.summary',
  cypher: summarisedPairs(BY_PROVIDER_GROUP),
  parse: parseSummaryRows(parseGroupCount),
});

/**
 * From the summary when it is fresh (COUNT_PAIR reads each inspection's generated-or-real flag,
 * so a synthetic filter is answered there too), else exactly.
 */
async function countGroups<Args extends RepeatedBreachGroupArgs, Row>(
  db: Database,
  args: Args,
  summary: NamedQuery<ExactParams<Args>, SummaryAnswer<Row>>,
  exact: NamedQuery<ExactParams<Args>, Row>,
): Promise<Row[]> {
  const params = { ...args, regulation: null, legislation: null };
  return (await readFreshSummary(db, summary, params)) ?? db.read(exact, params);
}

export function countRepeatedBreachesByRegulation(
  db: Database,
  args: RepeatedBreachRegulationArgs,
): Promise<RepeatedBreachRegulationCountRow[]> {
  return countGroups(
    db,
    args,
    repeatedBreachesByRegulationSummaryQuery,
    repeatedBreachesByRegulationQuery,
  );
}

export function countRepeatedBreachesByProviderGroup(
  db: Database,
  args: RepeatedBreachGroupArgs,
): Promise<RepeatedBreachGroupCountRow[]> {
  return countGroups(
    db,
    args,
    repeatedBreachesByProviderGroupSummaryQuery,
    repeatedBreachesByProviderGroupQuery,
  );
}
