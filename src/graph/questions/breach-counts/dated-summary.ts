/**
 * breachCounts from dated cells, for what the shape cells (summary.ts) cannot sum: a window not
 * on year boundaries (or of several years without the year split), a generated-or-real filter,
 * and place with provider together. A distinct location count does not add up across months or
 * years, so these cells are not cut by time: one cell per regulation key of a scope (as in
 * summary.ts: each regulation, each legislation, or none) and per combination of the location's
 * keys (regulator, region, local authority, provider, provider group), holding every inspection
 * of its locations that has requirements there as one element of parallel lists: its start day
 * (`yyyymmdd`, -1 without a date), its generated flag, its requirement count, and its location's
 * ordinal in the cell, the elements of one location side by side. A read keeps the elements in
 * the window and the flag, and counts per cell (and year) the requirements, the elements
 * (inspections) and the ordinals that change from one kept element to the next (locations).
 * Cells of one scope share no location, so those counts add up across cells exactly as the exact
 * query counts, on the assumptions summary.ts checks at every build. Totals per cell serve a
 * read that keeps every element. Kept under a stamp kind of their own, rebuilt in their own
 * transaction.
 */
import { defineQuery, defineStatement } from '../../../db/query.ts';
import type { QueryRunner } from '../../../db/executor.ts';
import { freshnessClause, type SummaryPageAnswer } from '../../summaries/graph-version.ts';
import type { SummaryDefinition } from '../../summaries/summary-definition.ts';
import { buildPerSeek, chooseScopeSeek, nameWithSeek, type ScopeSeek } from '../../scope-seek.ts';
import { selectGroupKeys, toWithRates, pageOfCellGroups, parseCellPage } from './fragments.ts';
import {
  countAmbiguousPaths,
  READS_GROUPS,
  toRegulationScope,
  type RegulationScope,
} from './summary.ts';
import type { BreachCountArgs, BreachCountRow } from './types.ts';

export const BREACH_COUNTS_DATED_KIND = 'breach-counts-dated';

const SCOPES: readonly RegulationScope[] = ['regulation', 'legislation', 'all'];

/** The day of an inspection without a start date: outside every window, in no year. */
const UNDATED = -1;

export interface DatedSummaryParams extends BreachCountArgs {
  scope: RegulationScope;
  /** Whether elements are read one by one (a window, a flag or a year split), not the cell's totals. */
  scan: boolean;
  windowed: boolean;
  /** The window as `yyyymmdd`, each end inclusive; an open end is past every day (but UNDATED). */
  fromDay: number;
  toDay: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `yyyymmdd` of an ISO date, or null when it is not a real calendar date. */
export function toDayNumber(date: string): number | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day)
    return null;
  return year * 10_000 + month * 100 + day;
}

/** The dated read's parameters, or null when a bound is not a date (the exact query then answers, or refuses). */
export function toDatedSummaryParams(args: BreachCountArgs): DatedSummaryParams | null {
  const { f } = args;
  const fromDay = f.from === null ? 0 : toDayNumber(f.from);
  const toDay = f.to === null ? 99_999_999 : toDayNumber(f.to);
  if (fromDay === null || toDay === null) return null;
  const windowed = f.from !== null || f.to !== null;
  return {
    ...args,
    withRates: toWithRates(args),
    scope: toRegulationScope(args),
    scan: windowed || (f.synthetic ?? null) !== null || args.groupBy.includes('YEAR'),
    windowed,
    fromDay,
    toDay,
  };
}

export const deleteDatedCells = defineStatement<object>(
  'summaries.breach-counts-dated.delete',
  'MATCH (c:BreachCountDatedCell) DETACH DELETE c',
);

/**
 * Every scope's cells from one pass over the requirements: an element per scope, cell and
 * inspection first, then per location, then the cell's lists, each location's elements in a run.
 */
export const buildDatedCells = defineStatement<{ scopes: readonly RegulationScope[] }>(
  'summaries.breach-counts-dated.build',
  `MATCH (l:Location)
   // The question's provider and provider group of a location, looked up once per location.
   CALL (l) { OPTIONAL MATCH (p:Provider)-[:RUNS]->(l) RETURN min(p.id) AS providerId }
   CALL (l) { OPTIONAL MATCH (l)<-[:RUNS]-(:Provider)-[:IN_GROUP]->(pg:ProviderGroup) RETURN min(pg.id) AS providerGroupId }
   MATCH (l)<-[:OF]-(i:Inspection)-[:REQUIRED]->(q:Requirement)-[:UNDER]->(g:Regulation)-[:PART_OF]->(leg:Legislation)
   MATCH (i)-[:BY]->(reg:Regulator)
   WITH l, providerId, providerGroupId, i, reg.code AS regulator, g.id AS regulationId, leg.id AS legislationId,
        count(DISTINCT q) AS requirements
   UNWIND $scopes AS scope
   WITH scope, l, providerId, providerGroupId, i, regulator,
        CASE WHEN scope = 'regulation' THEN regulationId END AS regulationId,
        CASE WHEN scope <> 'all' THEN legislationId END AS legislationId, sum(requirements) AS requirements
   WITH scope, regulationId, legislationId, regulator, l.region AS region, l.localAuthority AS localAuthority,
        providerId, providerGroupId, l,
        collect(coalesce(i.startDate.year * 10000 + i.startDate.month * 100 + i.startDate.day, ${UNDATED})) AS days,
        collect(coalesce(i.synthetic, false)) AS flags, collect(requirements) AS counts
   WITH scope, regulationId, legislationId, regulator, region, localAuthority, providerId, providerGroupId,
        collect({days: days, flags: flags, counts: counts}) AS locations
   CALL (locations) {
     UNWIND range(0, size(locations) - 1) AS o
     UNWIND range(0, size(locations[o].days) - 1) AS k
     RETURN collect(o) AS ordinals, collect(locations[o].days[k]) AS days, collect(locations[o].flags[k]) AS flags,
            collect(locations[o].counts[k]) AS counts
   }
   CREATE (:BreachCountDatedCell {scope: scope, regulationId: regulationId, legislationId: legislationId,
           regulator: regulator, region: region, localAuthority: localAuthority, providerId: providerId,
           providerGroupId: providerGroupId, locations: ordinals, days: days, generated: flags, requirements: counts,
           requirementCount: reduce(s = 0, n IN counts | s + n), inspectionCount: size(days),
           locationCount: size(locations)})`,
);

/** The bucket of a read without the year split. */
const ALL_YEARS = -2;
/** The year bucket of element `k`: its year, or UNDATED. */
const yearOf = (k: string) =>
  `CASE WHEN days[${k}] < 0 THEN ${UNDATED} ELSE days[${k}] / 10000 END`;

/**
 * The cells a read starts from: those of the filter's place or provider through its index when
 * the request seeks by one (graph/scope-seek.ts), else its scope's.
 */
function datedCellsOf(seek: ScopeSeek | null): string {
  const key: Partial<Record<ScopeSeek, string>> = {
    'local-authority': 'localAuthority',
    region: 'region',
    provider: 'providerId',
    'provider-group': 'providerGroupId',
  };
  const property = seek === null ? undefined : key[seek];
  return property === undefined
    ? 'MATCH (c:BreachCountDatedCell {scope: $scope})'
    : `MATCH (c:BreachCountDatedCell {${property}: $f.${property}}) WHERE c.scope = $scope`;
}

/** The dated read with each seek (its cells' and its rates' inspections) and with none. */
const perSeek = buildPerSeek((seek) =>
  defineQuery<DatedSummaryParams, SummaryPageAnswer<BreachCountRow>>({
    name: nameWithSeek('analytics.breach-counts.summary.dated', seek),
    cypher: `${freshnessClause(BREACH_COUNTS_DATED_KIND, READS_GROUPS)}
    CALL (fresh) {
      WITH fresh WHERE fresh
      ${datedCellsOf(seek)}
      WITH c WHERE ($f.regulator IS NULL OR c.regulator = $f.regulator)
        AND ($f.legislation IS NULL OR c.legislationId = $f.legislation)
        AND ($f.regulation IS NULL OR c.regulationId = $f.regulation)
        AND ($f.region IS NULL OR c.region = $f.region)
        AND ($f.localAuthority IS NULL OR c.localAuthority = $f.localAuthority)
        AND ($f.providerId IS NULL OR c.providerId = $f.providerId)
        AND ($f.providerGroupId IS NULL OR c.providerGroupId = $f.providerGroupId)
      // The lists only when elements are read: a read of the totals leaves them in the store.
      WITH c, CASE WHEN $scan THEN c.days END AS days, CASE WHEN $scan THEN c.locations END AS ordinals,
           CASE WHEN $scan THEN c.requirements END AS counts, CASE WHEN $scan THEN c.generated END AS flags
      // The elements kept (in list order, so a location's stay side by side); null: all, from the totals.
      WITH c, days, ordinals, counts,
           CASE WHEN $scan THEN [k IN range(0, size(days) - 1)
                                 WHERE (NOT $windowed OR (days[k] >= $fromDay AND days[k] <= $toDay))
                                   AND ($f.synthetic IS NULL OR flags[k] = $f.synthetic)] END AS kept
      WHERE kept IS NULL OR size(kept) > 0
      UNWIND CASE WHEN 'YEAR' IN $groupBy
                  THEN reduce(years = [], k IN kept | CASE WHEN ${yearOf('k')} IN years THEN years ELSE years + ${yearOf('k')} END)
                  ELSE [${ALL_YEARS}] END AS bucket
      WITH c, ordinals, counts, bucket,
           CASE WHEN bucket = ${ALL_YEARS} THEN kept ELSE [k IN kept WHERE ${yearOf('k')} = bucket] END AS inBucket
      WITH ${selectGroupKeys(`CASE WHEN bucket < 0 THEN null ELSE bucket END`)},
           CASE WHEN inBucket IS NULL THEN c.requirementCount ELSE reduce(s = 0, k IN inBucket | s + counts[k]) END AS requirements,
           CASE WHEN inBucket IS NULL THEN c.inspectionCount ELSE size(inBucket) END AS inspections,
           CASE WHEN inBucket IS NULL THEN c.locationCount
                ELSE size([j IN range(0, size(inBucket) - 1) WHERE j = 0 OR ordinals[inBucket[j]] <> ordinals[inBucket[j - 1]]]) END AS locations
      WITH regulationId, legislationId, regulator, year, region, localAuthority, providerId, providerGroupId,
           sum(requirements) AS requirementCount, sum(locations) AS locationCount, sum(inspections) AS inspectionCount
      ${pageOfCellGroups(seek)}`,
    parse: parseCellPage,
  }),
);

export const breachCountsDatedQueries = perSeek.all;

/** The dated read for these arguments: the rates' inspections from their most selective filter. */
export function breachCountsDatedQuery(params: DatedSummaryParams) {
  return perSeek.pick(chooseScopeSeek(params.f));
}

/** Rebuilds the cells; false when the graph breaks an assumption the sums rest on (then the summary must stay unstamped). */
export async function rebuildDatedCells(tx: QueryRunner): Promise<boolean> {
  await tx.run(deleteDatedCells, {});
  await tx.run(buildDatedCells, { scopes: SCOPES });
  const [row] = await tx.run(countAmbiguousPaths, {});
  return row?.ambiguous === 0;
}

/** The refresh's handle on the dated cells (graph/summaries/refresh-summaries.ts lists it). */
export const breachCountsDatedSummary: SummaryDefinition = {
  kind: BREACH_COUNTS_DATED_KIND,
  rebuild: rebuildDatedCells,
  readsProviderGroups: true,
};
