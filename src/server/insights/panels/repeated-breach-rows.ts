/**
 * The repeatedBreaches rows two panels aggregate: by regulation, and by provider group. The
 * question takes the regulator, the date window and the provider group; region and local
 * authority are applied here to each row's location.
 */
import type { InsightFilters } from '../insights-filters.ts';
import { LOCATION_FIELDS, type LocationFields } from './panel.ts';
import { matchesPlace, placeFilterNotes, type PlaceFilter } from './place-filter.ts';
import { readAllPages, type PostGraphql } from './post-graphql.ts';

export const REPEATED_BREACHES_OPERATION = `query DashboardRepeatedBreaches($regulator: Regulator, $from: Date, $to: Date, $providerGroupId: ID, $first: Int, $after: String) {
  repeatedBreaches(regulator: $regulator, from: $from, to: $to, providerGroupId: $providerGroupId, first: $first, after: $after) {
    nodes {
      regulation { id heading }
      inspectionCount
      ${LOCATION_FIELDS}
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

export interface RepeatedBreachNode {
  regulation: { id: string; heading: string | null };
  inspectionCount: number;
  location: LocationFields;
}

export function repeatedBreachVariables(filters: InsightFilters): Record<string, unknown> {
  return {
    regulator: filters.regulator,
    from: filters.from,
    to: filters.to,
    providerGroupId: filters.providerGroup,
    first: 100,
  };
}

const IN_PAGE: readonly PlaceFilter[] = ['region', 'localAuthority'];

export const repeatedBreachFilterNotes = placeFilterNotes('repeatedBreaches', IN_PAGE);

export async function readRepeatedBreaches(
  post: PostGraphql,
  filters: InsightFilters,
): Promise<RepeatedBreachNode[]> {
  const nodes = await readAllPages(
    post,
    REPEATED_BREACHES_OPERATION,
    repeatedBreachVariables(filters),
    (data: { repeatedBreaches: { nodes: RepeatedBreachNode[]; pageInfo: never } }) =>
      data.repeatedBreaches,
  );
  return nodes.filter((node) => matchesPlace(node.location, filters, IN_PAGE));
}
