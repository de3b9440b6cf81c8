/** The repeatedBreaches rows two panels aggregate: by regulation, and by provider. */
import type { InsightFilters } from '../insights-filters.ts';
import { LOCATION_FIELDS, type LocationFields } from './panel.ts';
import { matchesPlace } from './place-filter.ts';
import { readAllPages, type PostGraphql } from './post-graphql.ts';

export const REPEATED_BREACHES_OPERATION = `query DashboardRepeatedBreaches($regulator: Regulator, $from: Date, $to: Date, $first: Int, $after: String) {
  repeatedBreaches(regulator: $regulator, from: $from, to: $to, first: $first, after: $after) {
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
  return { regulator: filters.regulator, from: filters.from, to: filters.to, first: 100 };
}

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
  return nodes.filter((node) => matchesPlace(node.location, filters));
}
