/**
 * breachCounts from a summary. Cells hold requirement, inspection and location counts for one
 * "shape": which regulation key they keep (each regulation, each legislation, or none), whether
 * they split by year, and whether they split by region and local authority ("place"), by
 * provider ("provider") or by neither ("coarse"). Distinct counts only add up across cells that
 * no inspection or location shares, so a request is answered from the one shape whose cells it
 * sums safely: its regulation key and year split must be ones it groups by or filters to a
 * single value of; regulator, place and provider add up because the graph gives each inspection
 * one regulator and location and each location one regulator, region, authority and (as the
 * question defines it, the lowest id among those running it) provider (checked at every build;
 * the summary is not stamped otherwise). Provider cells also keep the location's provider group
 * (the lowest group id among its providers', as the question defines it), so grouping or
 * filtering by group sums them too; grouping moves only the links counter, which such a read
 * checks against the stamp's. Place and provider together are not summarised.
 */
import { defineQuery, defineStatement, read } from '../../../db/query.ts';
import type { QueryRunner } from '../../../db/executor.ts';
import { freshnessClause, type SummaryPageAnswer } from '../../summaries/graph-version.ts';
import type { SummaryDefinition } from '../../summaries/summary-definition.ts';
import { selectGroupKeys, toWithRates, pageOfCellGroups, parseCellPage } from './fragments.ts';
import { buildPerSeek, chooseScopeSeek, nameWithSeek } from '../../scope-seek.ts';
import type { BreachCountArgs, BreachCountRow } from './types.ts';

/**
 * Versioned, with cells under their own label: a graph stamped by an earlier layout
 * (`BreachCountSummary` nodes, kind 'breach-counts'; `BreachCountCell`, kind 'breach-counts-v2',
 * without provider groups) is neither read nor deleted by this one, so servers of both versions
 * can share a database during an upgrade.
 */
export const BREACH_COUNTS_KIND = 'breach-counts-v3';

/** When a read sums cells by provider group: then its freshness also checks the links counter. */
export const READS_GROUPS = `'PROVIDER_GROUP' IN $groupBy OR $f.providerGroupId IS NOT NULL`;

export type RegulationScope = 'regulation' | 'legislation' | 'all';

/**
 * The regulation key a request's cells must keep: each regulation when it groups or filters by
 * one, else each legislation when it groups or filters by one, else none (a location counts once
 * across the regulations of its cell).
 */
export function toRegulationScope({ groupBy, f }: BreachCountArgs): RegulationScope {
  return groupBy.includes('REGULATION') || f.regulation !== null
    ? 'regulation'
    : groupBy.includes('LEGISLATION') || f.legislation !== null
      ? 'legislation'
      : 'all';
}

interface CellShape {
  scope: RegulationScope;
  yearly: boolean;
}

/** Every shape, built in one pass over the requirements. */
const CELL_SHAPES: readonly CellShape[] = (['regulation', 'legislation', 'all'] as const).flatMap(
  (scope) => [true, false].map((yearly) => ({ scope, yearly })),
);

type CellSplit = 'coarse' | 'place' | 'provider';

/** The `level` property of a shape's cells (one indexed string, so a request reads one shape's cells only). */
function toCellLevel(split: CellSplit, shape: CellShape): string {
  return `${split}:${shape.scope}:${shape.yearly ? 'year' : 'all-years'}`;
}

export interface BreachSummaryParams extends BreachCountArgs {
  level: string;
  fromYear: number | null;
  toYear: number | null;
}

export const deleteBreachCountSummary = defineStatement<object>(
  'summaries.breach-counts.delete',
  'MATCH (c:BreachCountGroupedCell) DETACH DELETE c',
);

interface ShapeParam extends CellShape {
  place: string;
  provider: string;
  coarse: string;
}

/**
 * The place and provider cells of every shape from one pass: the finest cells (regulation,
 * regulator, year, place, provider) keep their inspections and locations, and each shape's cell
 * counts the distinct ones among the finest cells it merges.
 */
export const buildPlaceCells = defineStatement<{ shapes: ShapeParam[] }>(
  'summaries.breach-counts.build-place',
  `MATCH (l:Location)
   // The question's provider and provider group of a location, looked up once per location rather
   // than per requirement.
   CALL (l) { OPTIONAL MATCH (p:Provider)-[:RUNS]->(l) RETURN min(p.id) AS providerId }
   CALL (l) { OPTIONAL MATCH (l)<-[:RUNS]-(:Provider)-[:IN_GROUP]->(pg:ProviderGroup) RETURN min(pg.id) AS providerGroupId }
   MATCH (l)<-[:OF]-(i:Inspection)-[:REQUIRED]->(q:Requirement)-[:UNDER]->(g:Regulation)-[:PART_OF]->(leg:Legislation)
   MATCH (i)-[:BY]->(reg:Regulator)
   WITH g.id AS regulationId, leg.id AS legislationId, reg.code AS regulator, i.startDate.year AS year,
        l.region AS region, l.localAuthority AS localAuthority, providerId, providerGroupId,
        count(DISTINCT q) AS requirementCount, collect(DISTINCT i) AS inspections, collect(DISTINCT l) AS locations
   UNWIND $shapes AS shape
   UNWIND [true, false] AS byPlace
   WITH shape, byPlace, CASE WHEN shape.scope = 'regulation' THEN regulationId END AS regulationId,
        CASE WHEN shape.scope <> 'all' THEN legislationId END AS legislationId, regulator,
        CASE WHEN shape.yearly THEN year END AS year,
        CASE WHEN byPlace THEN region END AS region, CASE WHEN byPlace THEN localAuthority END AS localAuthority,
        CASE WHEN byPlace THEN null ELSE providerId END AS providerId,
        CASE WHEN byPlace THEN null ELSE providerGroupId END AS providerGroupId, requirementCount, inspections, locations
   WITH shape, byPlace, regulationId, legislationId, regulator, year, region, localAuthority, providerId, providerGroupId,
        sum(requirementCount) AS requirementCount, collect(inspections) AS inspectionLists, collect(locations) AS locationLists
   CREATE (:BreachCountGroupedCell {level: CASE WHEN byPlace THEN shape.place ELSE shape.provider END,
                             regulationId: regulationId, legislationId: legislationId, regulator: regulator, year: year,
                             region: region, localAuthority: localAuthority, providerId: providerId,
                             providerGroupId: providerGroupId, requirementCount: requirementCount,
                             inspectionCount: size(COLLECT { UNWIND inspectionLists AS list UNWIND list AS x RETURN DISTINCT x }),
                             locationCount: size(COLLECT { UNWIND locationLists AS list UNWIND list AS x RETURN DISTINCT x })})`,
);

/** A location has one region and authority, so a coarse cell is the sum of its shape's place cells. */
export const buildCoarseCells = defineStatement<{ shapes: ShapeParam[] }>(
  'summaries.breach-counts.build-coarse',
  `UNWIND $shapes AS shape
   MATCH (c:BreachCountGroupedCell {level: shape.place})
   WITH shape, c.regulationId AS regulationId, c.legislationId AS legislationId, c.regulator AS regulator, c.year AS year,
        sum(c.requirementCount) AS requirementCount, sum(c.inspectionCount) AS inspectionCount, sum(c.locationCount) AS locationCount
   CREATE (:BreachCountGroupedCell {level: shape.coarse, regulationId: regulationId, legislationId: legislationId, regulator: regulator, year: year,
                                requirementCount: requirementCount, inspectionCount: inspectionCount, locationCount: locationCount})`,
);

/** Relationship counts the additivity rests on; any above one and the cells are not summed. */
export const countAmbiguousPaths = defineQuery<object, { ambiguous: number }>({
  name: 'summaries.breach-counts.count-ambiguous',
  cypher: `
    CALL () { MATCH (q:Requirement) WHERE COUNT { (q)-[:UNDER]->() } > 1 OR COUNT { (q)<-[:REQUIRED]-() } > 1 RETURN count(q) AS n
              UNION ALL
              MATCH (i:Inspection) WHERE COUNT { (i)-[:BY]->() } > 1 OR COUNT { (i)-[:OF]->() } > 1 RETURN count(i) AS n
              UNION ALL
              MATCH (g:Regulation) WHERE COUNT { (g)-[:PART_OF]->() } > 1 RETURN count(g) AS n
              UNION ALL
              MATCH (l:Location) WHERE COUNT { MATCH (l)<-[:OF]-(:Inspection)-[:BY]->(r:Regulator) RETURN DISTINCT r } > 1 RETURN count(l) AS n }
    RETURN sum(n) AS ambiguous`,
  parse: (row) => ({ ambiguous: read.number(row, 'ambiguous') }),
});

const YEAR_START = /^(\d{4})-01-01$/;
const YEAR_END = /^(\d{4})-12-31$/;

/** The cells to sum for these arguments, or null when summing cells would not be exact. */
export function toBreachSummaryParams(args: BreachCountArgs): BreachSummaryParams | null {
  const { groupBy, f } = args;
  // The cells count real and generated inspections together.
  if ((f.synthetic ?? null) !== null) return null;
  const byProvider =
    groupBy.includes('PROVIDER') ||
    groupBy.includes('PROVIDER_GROUP') ||
    f.providerId !== null ||
    (f.providerGroupId ?? null) !== null;
  const fromYear = f.from === null ? null : YEAR_START.exec(f.from)?.[1];
  const toYear = f.to === null ? null : YEAR_END.exec(f.to)?.[1];
  if (fromYear === undefined || toYear === undefined) return null;
  const scope = toRegulationScope(args);
  const oneYear = groupBy.includes('YEAR') || (fromYear !== null && fromYear === toYear);
  const allYears = fromYear === null && toYear === null;
  // A window of several years, not split by year, would count a location once per year.
  if (!oneYear && !allYears) return null;
  const byPlace =
    groupBy.includes('REGION') ||
    groupBy.includes('LOCAL_AUTHORITY') ||
    f.region !== null ||
    f.localAuthority !== null;
  if (byPlace && byProvider) return null;
  return {
    ...args,
    withRates: toWithRates(args),
    level: toCellLevel(byPlace ? 'place' : byProvider ? 'provider' : 'coarse', {
      scope,
      yearly: oneYear,
    }),
    fromYear: fromYear === null ? null : Number(fromYear),
    toYear: toYear === null ? null : Number(toYear),
  };
}

/** The summary's read with each seek of the rates' inspections (graph/scope-seek.ts) and with none. */
const perSeek = buildPerSeek((seek) =>
  defineQuery<BreachSummaryParams, SummaryPageAnswer<BreachCountRow>>({
    name: nameWithSeek('analytics.breach-counts.summary', seek),
    cypher: `${freshnessClause(BREACH_COUNTS_KIND, READS_GROUPS)}
    CALL (fresh) {
      WITH fresh WHERE fresh
      MATCH (c:BreachCountGroupedCell {level: $level})
      WHERE ($f.regulator IS NULL OR c.regulator = $f.regulator)
        AND ($f.legislation IS NULL OR c.legislationId = $f.legislation)
        AND ($f.regulation IS NULL OR c.regulationId = $f.regulation)
        AND ($fromYear IS NULL OR c.year >= $fromYear)
        AND ($toYear IS NULL OR c.year <= $toYear)
        AND ($f.region IS NULL OR c.region = $f.region)
        AND ($f.localAuthority IS NULL OR c.localAuthority = $f.localAuthority)
        AND ($f.providerId IS NULL OR c.providerId = $f.providerId)
        AND ($f.providerGroupId IS NULL OR c.providerGroupId = $f.providerGroupId)
      WITH c,
           ${selectGroupKeys(`CASE WHEN 'YEAR' IN $groupBy THEN c.year END`)}
      WITH regulationId, legislationId, regulator, year, region, localAuthority, providerId, providerGroupId,
           sum(c.requirementCount) AS requirementCount, sum(c.locationCount) AS locationCount, sum(c.inspectionCount) AS inspectionCount
      ${pageOfCellGroups(seek)}`,
    parse: parseCellPage,
  }),
);

export const breachCountsSummaryQueries = perSeek.all;

/** The summary's read for these arguments: the rates' inspections from their most selective filter. */
export function breachCountsSummaryQuery(params: BreachSummaryParams) {
  return perSeek.pick(chooseScopeSeek(params.f));
}

/** Rebuilds the cells; false when the graph breaks an assumption the sums rest on (then the summary must stay unstamped). */
export async function rebuildBreachCountSummary(tx: QueryRunner): Promise<boolean> {
  const shapes = CELL_SHAPES.map((shape) => ({
    ...shape,
    place: toCellLevel('place', shape),
    provider: toCellLevel('provider', shape),
    coarse: toCellLevel('coarse', shape),
  }));
  await tx.run(deleteBreachCountSummary, {});
  await tx.run(buildPlaceCells, { shapes });
  await tx.run(buildCoarseCells, { shapes });
  const [row] = await tx.run(countAmbiguousPaths, {});
  return row?.ambiguous === 0;
}

/** The refresh's handle on this summary (graph/summaries/refresh-summaries.ts lists it). */
export const breachCountsSummary: SummaryDefinition = {
  kind: BREACH_COUNTS_KIND,
  rebuild: rebuildBreachCountSummary,
  readsProviderGroups: true,
};
