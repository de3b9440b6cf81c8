/**
 * Denominators for rates: inspections whose own report is in the graph, per year (and region).
 * The `rates-export` branch adds the rates to breachCounts and themeTrends; until then the
 * panels divide by these counts, from `inspections { totalCount }`.
 */
import type { InsightFilters } from '../insights-filters.ts';
import type { PostGraphql } from './post-graphql.ts';

export const INSPECTION_COUNT_OPERATION = `query DashboardInspectionCount($filter: InspectionFilter) {
  inspections(first: 1, filter: $filter) { totalCount }
}`;

export interface CountScope {
  year: number;
  /** A region to count in; null counts every region. */
  region: string | null;
  /** false: the regulator and place filters are left out (themeTrends takes none). */
  withFilters: boolean;
}

/** The year clipped to the date window of the filters. */
function yearWindow(year: number, filters: InsightFilters): { from: string; to: string } {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  return {
    from: filters.from !== null && filters.from > from ? filters.from : from,
    to: filters.to !== null && filters.to < to ? filters.to : to,
  };
}

export function inspectionCountFilter(
  scope: CountScope,
  filters: InsightFilters,
): Record<string, unknown> {
  const places = scope.withFilters
    ? {
        regulator: filters.regulator,
        region: scope.region ?? filters.region,
        localAuthority: filters.localAuthority,
        providerId: filters.provider,
      }
    : { region: scope.region };
  return { ...places, ...yearWindow(scope.year, filters), hasReport: true };
}

export async function countInspections(
  post: PostGraphql,
  scope: CountScope,
  filters: InsightFilters,
): Promise<number> {
  const data = await post<{ inspections: { totalCount: number } }>(INSPECTION_COUNT_OPERATION, {
    filter: inspectionCountFilter(scope, filters),
  });
  return data.inspections.totalCount;
}

/** Every year from the first to the last of `years`. */
export function spanYears(years: Iterable<number>): number[] {
  const list = [...years];
  if (list.length === 0) return [];
  const span: number[] = [];
  for (let year = Math.min(...list); year <= Math.max(...list); year += 1) span.push(year);
  return span;
}

/** Per 100, to one decimal; null when there is nothing to divide by. */
export function per100(count: number, of: number): number | null {
  return of > 0 ? Math.round((count * 1000) / of) / 10 : null;
}
