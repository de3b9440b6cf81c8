/**
 * breachCounts from year cells: for requests with no place, provider or provider group (to group
 * or filter by), whatever their window, flag and regulation key. The dated cells
 * (dated-summary.ts) answer such a request too, but by reading every cell of the scope, each
 * location's keys apart (63,420 regulation cells at tier L, 0.5 to 0.9 s for a window of a
 * regulation key); these cells hold only what such a request can ask: one cell per regulation key
 * of a scope (as in summary.ts), regulator and year of the inspection's start (null: undated),
 * with every inspection having requirements there as one element of parallel lists: its day
 * (`yyyymmdd`, -1 undated), generated flag, requirement count, and `prev`, the day of the same
 * location's element before it in the key's history (any year, undated first; -9 for none), and
 * `prevSameFlag`, the same among the elements of its flag.
 *
 * A location counts once in a window [from, to] at its first element there, the one whose `prev`
 * is before `from`; so the locations of a window are counted, cell by cell, as the kept elements
 * with `prev < from`, and those counts add up across years (and regulators: a location has one)
 * exactly as the exact query's distinct count. Split by year, the same holds with `from` moved up
 * to the year's first day, and a year wholly inside the window is read from its cell's totals.
 * The cells read are those of the years the window touches. Kept under a stamp kind of their own,
 * rebuilt in their own transaction; the sums rest on the assumptions summary.ts checks.
 */
import { defineQuery, defineStatement } from '../../../db/query.ts';
import type { QueryRunner } from '../../../db/executor.ts';
import { freshnessClause, type SummaryPageAnswer } from '../../summaries/graph-version.ts';
import type { SummaryDefinition } from '../../summaries/summary-definition.ts';
import { buildPerSeek, chooseScopeSeek, nameWithSeek } from '../../scope-seek.ts';
import { toDayNumber } from './dated-summary.ts';
import { selectGroupKeys, toWithRates, pageOfCellGroups, parseCellPage } from './fragments.ts';
import { countAmbiguousPaths, toRegulationScope, type RegulationScope } from './summary.ts';
import type { BreachCountArgs, BreachCountRow } from './types.ts';

export const BREACH_COUNTS_YEARS_KIND = 'breach-counts-years';

const SCOPES: readonly RegulationScope[] = ['regulation', 'legislation', 'all'];

/** The day of an undated inspection: outside every window (as in dated-summary.ts). */
const UNDATED = -1;
/** `prev` of a location's first element: before every day, undated included. */
const NO_PREVIOUS = -9;
/** The lower bound of a read without a window: above NO_PREVIOUS, below UNDATED, so each location counts at its first element. */
const BEFORE_UNDATED = -5;

export interface YearCellParams extends BreachCountArgs {
  scope: RegulationScope;
  windowed: boolean;
  /** The window as `yyyymmdd`, each end inclusive (open: 0 and past every day). */
  fromDay: number;
  toDay: number;
  fromYear: number;
  toYear: number;
  /** The first day a location's element must not be preceded from: the window's start, or below every day. */
  lowDay: number;
}

/** The year cells' read parameters, or null when the request groups or filters by a place, provider or group, or a bound is not a date. */
export function toYearCellParams(args: BreachCountArgs): YearCellParams | null {
  const { f, groupBy } = args;
  if (
    groupBy.some((g) => ['REGION', 'LOCAL_AUTHORITY', 'PROVIDER', 'PROVIDER_GROUP'].includes(g)) ||
    f.region !== null ||
    f.localAuthority !== null ||
    f.providerId !== null ||
    (f.providerGroupId ?? null) !== null
  )
    return null;
  const fromDay = f.from === null ? 0 : toDayNumber(f.from);
  const toDay = f.to === null ? 99_999_999 : toDayNumber(f.to);
  if (fromDay === null || toDay === null) return null;
  const windowed = f.from !== null || f.to !== null;
  return {
    ...args,
    withRates: toWithRates(args),
    scope: toRegulationScope(args),
    windowed,
    fromDay,
    toDay,
    fromYear: Math.floor(fromDay / 10_000),
    toYear: Math.floor(toDay / 10_000),
    lowDay: windowed ? fromDay : BEFORE_UNDATED,
  };
}

export const deleteYearCells = defineStatement<object>(
  'summaries.breach-counts-years.delete',
  'MATCH (c:BreachCountYearCell) DETACH DELETE c',
);

/**
 * Every scope's cells from one pass over the requirements: an element per scope key and
 * inspection, each location's elements of a key in day order (undated first) to find each one's
 * previous day (of any flag, and of its own flag), then the cells per key, regulator and year.
 */
export const buildYearCells = defineStatement<{ scopes: readonly RegulationScope[] }>(
  'summaries.breach-counts-years.build',
  `MATCH (l:Location)<-[:OF]-(i:Inspection)-[:REQUIRED]->(q:Requirement)-[:UNDER]->(g:Regulation)-[:PART_OF]->(leg:Legislation)
   MATCH (i)-[:BY]->(reg:Regulator)
   WITH l, i, reg.code AS regulator, g.id AS regulationId, leg.id AS legislationId, count(DISTINCT q) AS requirements
   UNWIND $scopes AS scope
   WITH scope, l, i, regulator,
        CASE WHEN scope = 'regulation' THEN regulationId END AS regulationId,
        CASE WHEN scope <> 'all' THEN legislationId END AS legislationId, sum(requirements) AS requirements
   WITH scope, regulationId, legislationId, regulator, l,
        collect({day: coalesce(i.startDate.year * 10000 + i.startDate.month * 100 + i.startDate.day, ${UNDATED}),
                 generated: coalesce(i.synthetic, false), requirements: requirements}) AS unsorted
   WITH scope, regulationId, legislationId, regulator,
        COLLECT { UNWIND unsorted AS e RETURN e ORDER BY e.day } AS elements
   UNWIND range(0, size(elements) - 1) AS k
   WITH scope, regulationId, legislationId, regulator, elements[k] AS e,
        CASE WHEN k = 0 THEN ${NO_PREVIOUS} ELSE elements[k - 1].day END AS prev,
        coalesce(last([j IN range(0, k - 1) WHERE elements[j].generated = elements[k].generated | elements[j].day]), ${NO_PREVIOUS}) AS prevSameFlag
   WITH scope, regulationId, legislationId, regulator, CASE WHEN e.day < 0 THEN null ELSE e.day / 10000 END AS year,
        collect(e.day) AS days, collect(e.generated) AS flags, collect(e.requirements) AS counts,
        collect(prev) AS prevs, collect(prevSameFlag) AS prevsSameFlag
   CREATE (:BreachCountYearCell {scope: scope, regulationId: regulationId, legislationId: legislationId,
           regulator: regulator, year: year, days: days, generated: flags, requirements: counts,
           prev: prevs, prevSameFlag: prevsSameFlag,
           requirementCount: reduce(s = 0, n IN counts | s + n), inspectionCount: size(days),
           // The year's locations: each counts at its first element of the year.
           locationCount: size([p IN prevs WHERE p < coalesce(year * 10000 + 101, ${BEFORE_UNDATED})])})`,
);

/** The year cells' read with each seek of the rates' inspections (graph/scope-seek.ts) and with none. */
const perSeek = buildPerSeek((seek) =>
  defineQuery<YearCellParams, SummaryPageAnswer<BreachCountRow>>({
    name: nameWithSeek('analytics.breach-counts.summary.years', seek),
    cypher: `${freshnessClause(BREACH_COUNTS_YEARS_KIND)}
    CALL (fresh) {
      WITH fresh WHERE fresh
      MATCH (c:BreachCountYearCell {scope: $scope})
      WHERE ($f.regulator IS NULL OR c.regulator = $f.regulator)
        AND ($f.legislation IS NULL OR c.legislationId = $f.legislation)
        AND ($f.regulation IS NULL OR c.regulationId = $f.regulation)
        AND (NOT $windowed OR (c.year >= $fromYear AND c.year <= $toYear))
      // Split by year, a location counts once a year: from the year's first day, or the window's when later.
      WITH c, CASE WHEN 'YEAR' IN $groupBy AND c.year * 10000 + 101 > $lowDay THEN c.year * 10000 + 101 ELSE $lowDay END AS low,
           // A year wholly inside the window, split by year, with no flag: its totals.
           'YEAR' IN $groupBy AND $f.synthetic IS NULL
             AND (NOT $windowed OR (c.year * 10000 + 101 >= $fromDay AND c.year * 10000 + 1231 <= $toDay)) AS whole
      // The lists only when elements are read: a read of the totals leaves them in the store.
      WITH c, low, whole, CASE WHEN whole THEN null ELSE c.days END AS days,
           CASE WHEN whole THEN null ELSE c.requirements END AS counts,
           CASE WHEN whole THEN null WHEN $f.synthetic IS NULL THEN c.prev ELSE c.prevSameFlag END AS prevs,
           CASE WHEN whole OR $f.synthetic IS NULL THEN null ELSE c.generated END AS flags
      WITH c, low, days, counts, prevs,
           CASE WHEN whole THEN null
                ELSE [k IN range(0, size(days) - 1)
                      WHERE (NOT $windowed OR (days[k] >= $fromDay AND days[k] <= $toDay))
                        AND ($f.synthetic IS NULL OR flags[k] = $f.synthetic)] END AS kept
      WHERE kept IS NULL OR size(kept) > 0
      WITH ${selectGroupKeys(`CASE WHEN 'YEAR' IN $groupBy THEN c.year END`)},
           CASE WHEN kept IS NULL THEN c.requirementCount ELSE reduce(s = 0, k IN kept | s + counts[k]) END AS requirements,
           CASE WHEN kept IS NULL THEN c.inspectionCount ELSE size(kept) END AS inspections,
           CASE WHEN kept IS NULL THEN c.locationCount ELSE size([k IN kept WHERE prevs[k] < low]) END AS locations
      WITH regulationId, legislationId, regulator, year, region, localAuthority, providerId, providerGroupId,
           sum(requirements) AS requirementCount, sum(locations) AS locationCount, sum(inspections) AS inspectionCount
      ${pageOfCellGroups(seek)}`,
    parse: parseCellPage,
  }),
);

export const breachCountsYearCellQueries = perSeek.all;

/** The year cells' read for these arguments: the rates' inspections from their most selective filter. */
export function breachCountsYearCellQuery(params: YearCellParams) {
  return perSeek.pick(chooseScopeSeek(params.f));
}

/** Rebuilds the cells; false when the graph breaks an assumption the sums rest on (then the summary must stay unstamped). */
export async function rebuildYearCells(tx: QueryRunner): Promise<boolean> {
  await tx.run(deleteYearCells, {});
  await tx.run(buildYearCells, { scopes: SCOPES });
  const [row] = await tx.run(countAmbiguousPaths, {});
  return row?.ambiguous === 0;
}

/** The refresh's handle on the year cells (graph/summaries/refresh-summaries.ts lists it). */
export const breachCountsYearCellSummary: SummaryDefinition = {
  kind: BREACH_COUNTS_YEARS_KIND,
  rebuild: rebuildYearCells,
};
