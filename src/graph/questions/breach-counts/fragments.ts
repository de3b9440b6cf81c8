/** The Cypher the exact query and the summary's read share. Private to this folder. */
import { read, type PlainRecord } from '../../../db/query.ts';
import { buildSortKey } from '../../answer-sort.ts';
import { parseOptionalNode } from '../../node-kinds.ts';
import { parsePageRecord } from '../../read-page.ts';
import { seekScope, type ScopeSeek } from '../../scope-seek.ts';
import type { BreachCountArgs, BreachCountRow, BreachCountSortField } from './types.ts';

/** The documented order: largest first, then by every key so ties are stable. */
export const GROUP_ORDER =
  'requirementCount DESC, locationCount DESC, regulationId, legislationId, regulator, year, region, localAuthority, providerId, providerGroupId';

const SORT_FIGURES: Record<BreachCountSortField, string> = {
  REQUIREMENT_COUNT: 'requirementCount',
  LOCATION_COUNT: 'locationCount',
  INSPECTION_COUNT: 'inspectionCount',
  INSPECTIONS_IN_GROUP: 'inspectionsInGroup',
  REQUIREMENTS_PER_100_INSPECTIONS: 'requirementsPer100Inspections',
};

/** The answer's order: the figure `$sort` asks for, if any, then the documented order. */
const ANSWER_ORDER = `${buildSortKey(SORT_FIGURES)}, ${GROUP_ORDER}`;

/** The nodes of the groups, as `regulation`, `legislation` and `provider`. */
export const GROUP_NODES = `head(COLLECT { MATCH (n:Regulation {id: regulationId}) RETURN properties(n) }) AS regulation,
           head(COLLECT { MATCH (n:Legislation {id: legislationId}) RETURN properties(n) }) AS legislation,
           head(COLLECT { MATCH (n:Provider {id: providerId}) RETURN properties(n) }) AS provider`;

/**
 * A cell `c`'s group keys, each as a variable of its name and null unless `$groupBy` names it;
 * the year is `year`, as each layout keeps it differently.
 */
export function selectGroupKeys(year: string): string {
  return `CASE WHEN 'REGULATION' IN $groupBy THEN c.regulationId END AS regulationId,
           CASE WHEN 'LEGISLATION' IN $groupBy THEN c.legislationId END AS legislationId,
           CASE WHEN 'REGULATOR' IN $groupBy THEN c.regulator END AS regulator,
           ${year} AS year,
           CASE WHEN 'REGION' IN $groupBy THEN c.region END AS region,
           CASE WHEN 'LOCAL_AUTHORITY' IN $groupBy THEN c.localAuthority END AS localAuthority,
           CASE WHEN 'PROVIDER' IN $groupBy THEN c.providerId END AS providerId,
           CASE WHEN 'PROVIDER_GROUP' IN $groupBy THEN c.providerGroupId END AS providerGroupId`;
}

/** The group keys and counts, as a map of the same names. */
export const GROUP_MAP = `{regulationId: regulationId, legislationId: legislationId, regulator: regulator, year: year,
                      region: region, localAuthority: localAuthority, providerId: providerId, providerGroupId: providerGroupId,
                      requirementCount: requirementCount, locationCount: locationCount, inspectionCount: inspectionCount}`;

/** Every field of a group map `c` as a variable of its name. */
const GROUP_FIELDS = `c.regulationId AS regulationId, c.legislationId AS legislationId, c.regulator AS regulator, c.year AS year,
           c.region AS region, c.localAuthority AS localAuthority, c.providerId AS providerId, c.providerGroupId AS providerGroupId,
           c.requirementCount AS requirementCount, c.locationCount AS locationCount, c.inspectionCount AS inspectionCount,
           c.inspectionsInGroup AS inspectionsInGroup, c.requirementsPer100Inspections AS requirementsPer100Inspections`;

/**
 * A location `l`'s provider and provider group, as `providerId` and `providerGroupId`, each
 * looked up only when the request groups or filters by it (it was looked up and aggregated for
 * every requirement; bench/PROFILE.md); otherwise null. A location's providers are all in one
 * group (write/group-providers.ts).
 */
export const PROVIDER_KEYS = `CALL (l) {
      WITH l WHERE 'PROVIDER' IN $groupBy OR $f.providerId IS NOT NULL
      OPTIONAL MATCH (p:Provider)-[:RUNS]->(l)
      RETURN min(p.id) AS providerId
    }
    CALL (l) {
      WITH l WHERE 'PROVIDER_GROUP' IN $groupBy OR $f.providerGroupId IS NOT NULL
      OPTIONAL MATCH (l)<-[:RUNS]-(:Provider)-[:IN_GROUP]->(pg:ProviderGroup)
      RETURN min(pg.id) AS providerGroupId
    }`;

/** The filter's provider and provider group against PROVIDER_KEYS. */
export const PROVIDER_KEYS_MATCH = `($f.providerId IS NULL OR providerId = $f.providerId)
      AND ($f.providerGroupId IS NULL OR providerGroupId = $f.providerGroupId)`;

/**
 * The rates' denominators as `cells`: per cell of the groups that can hold an inspection without
 * requirements (regulator, year, region, local authority, provider, provider group, each only
 * when grouped by),
 * the inspections whose own report is loaded, inside the filter but for regulation and
 * legislation (an inspection with no requirement is under none), whatever their requirements.
 * Read from the inspections themselves, so the summary's read counts them exactly too; from the
 * request's seek (graph/scope-seek.ts), so a filtered read does not scan every inspection.
 */
/** The `withRates` parameter: true unless the caller said no and the order needs no rate. */
export function toWithRates(args: BreachCountArgs): boolean {
  const field = args.sort?.field;
  return (
    args.withRates !== false ||
    field === 'INSPECTIONS_IN_GROUP' ||
    field === 'REQUIREMENTS_PER_100_INSPECTIONS'
  );
}

const inspectionsInCells = (seek: ScopeSeek | null) => `
    CALL () {
      UNWIND CASE WHEN $withRates THEN [true] ELSE [] END AS counted
      ${seekScope(seek, '$f.')}
      MATCH (l:Location)<-[:OF]-(i:Inspection)-[:BY]->(reg:Regulator)
      WHERE i.hasReport = true
        AND ($f.regulator IS NULL OR reg.code = $f.regulator)
        AND ($f.from IS NULL OR i.startDate >= date($f.from))
        AND ($f.to IS NULL OR i.startDate <= date($f.to))
        AND ($f.region IS NULL OR l.region = $f.region)
        AND ($f.localAuthority IS NULL OR l.localAuthority = $f.localAuthority)
        AND ($f.synthetic IS NULL OR coalesce(i.synthetic, false) = $f.synthetic)
      ${PROVIDER_KEYS}
      WITH l, i, reg, providerId, providerGroupId
      WHERE ${PROVIDER_KEYS_MATCH}
      WITH CASE WHEN 'REGULATOR' IN $groupBy THEN reg.code END AS regulator,
           CASE WHEN 'YEAR' IN $groupBy THEN i.startDate.year END AS year,
           CASE WHEN 'REGION' IN $groupBy THEN l.region END AS region,
           CASE WHEN 'LOCAL_AUTHORITY' IN $groupBy THEN l.localAuthority END AS localAuthority,
           CASE WHEN 'PROVIDER' IN $groupBy THEN providerId END AS providerId,
           CASE WHEN 'PROVIDER_GROUP' IN $groupBy THEN providerGroupId END AS providerGroupId,
           count(DISTINCT i) AS inspections
      RETURN collect({key: [regulator, year, region, localAuthority, providerId, providerGroupId], inspections: inspections}) AS cells
    }`;

/**
 * From the answer's groups as `groups` (maps of GROUP_MAP): the same groups with their rate and
 * its denominator, in the answer's order, as `groups`. Groups meet their cell by grouping both on
 * the cell's keys (one hash aggregation, not a search per group).
 */
export const ratesOfGroups = (seek: ScopeSeek | null) => `${inspectionsInCells(seek)}
    CALL (groups, cells) {
      UNWIND cells + [g IN groups | {key: [g.regulator, g.year, g.region, g.localAuthority, g.providerId, g.providerGroupId], group: g}] AS x
      WITH x.key AS key, collect(x) AS xs
      WITH [x IN xs WHERE x.inspections IS NOT NULL | x.inspections][0] AS inspections,
           [x IN xs WHERE x.group IS NOT NULL | x.group] AS inGroup
      UNWIND inGroup AS g
      WITH g {.*, inspectionsInGroup: coalesce(inspections, 0),
              requirementsPer100Inspections: CASE WHEN inspections > 0 THEN 100.0 * g.requirementCount / inspections ELSE 0.0 END} AS c
      WITH c, ${GROUP_FIELDS}
      ORDER BY ${ANSWER_ORDER}
      RETURN collect(c) AS sorted
    }
    WITH sorted AS groups`;

/**
 * From the answer's groups in order as `groups`: the page's rows with the groups' nodes, as
 * `rows`, and the number of groups as `totalCount`.
 */
export const PAGE_OF_GROUPS = `
    CALL (groups) {
      UNWIND groups[$skip..($skip + $first)] AS c
      WITH c, ${GROUP_FIELDS}
      WITH *, ${GROUP_NODES}
      ORDER BY ${ANSWER_ORDER}
      RETURN collect(c {.*, regulation: regulation, legislation: legislation, provider: provider}) AS rows
    }
    WITH size(groups) AS totalCount, rows`;

/**
 * The three summary reads' common end (shape, year and dated cells): the summed groups collected,
 * their rates counted, the page taken, inside the CALL whose freshness check comes first.
 */
export const pageOfCellGroups = (seek: ScopeSeek | null) => `WITH collect(${GROUP_MAP}) AS groups
      // The rates' denominators are not in the cells: they are counted from the inspections.
      ${ratesOfGroups(seek)}
      ${PAGE_OF_GROUPS}
      RETURN totalCount, rows
    }
    RETURN fresh, rows, totalCount`;

/** Parses a summary read's answer: whether the summary was fresh, and the page. */
export const parseCellPage = (record: PlainRecord) => ({
  fresh: read.boolean(record, 'fresh'),
  ...parsePageRecord(parseBreachCount)(record),
});

export function parseBreachCount(row: PlainRecord): BreachCountRow {
  return {
    regulationId: read.optionalString(row, 'regulationId'),
    legislationId: read.optionalString(row, 'legislationId'),
    regulator: read.optionalString(row, 'regulator'),
    year: read.optionalNumber(row, 'year'),
    region: read.optionalString(row, 'region'),
    localAuthority: read.optionalString(row, 'localAuthority'),
    providerId: read.optionalString(row, 'providerId'),
    providerGroupId: read.optionalString(row, 'providerGroupId'),
    requirementCount: read.number(row, 'requirementCount'),
    locationCount: read.number(row, 'locationCount'),
    inspectionCount: read.number(row, 'inspectionCount'),
    inspectionsInGroup: read.number(row, 'inspectionsInGroup'),
    requirementsPer100Inspections: read.number(row, 'requirementsPer100Inspections'),
    regulation: parseOptionalNode('regulation', row, 'regulation'),
    legislation: parseOptionalNode('legislation', row, 'legislation'),
    provider: parseOptionalNode('provider', row, 'provider'),
  };
}
