/**
 * The choices the filter form offers, from the API's lookups: `regions`, `localAuthorities`
 * (of the chosen region, when one is) and `providerGroups` (groups of one provider too, the 100
 * running the most locations; a group chosen elsewhere, by URL, is kept as a choice).
 */
import type { PostGraphql } from './post-graphql.ts';

export interface ProviderGroupChoice {
  id: string;
  name: string | null;
  providerCount: number;
  locationCount: number;
}

export interface FilterOptions {
  regions: { name: string; code: string }[];
  localAuthorities: { name: string; code: string | null }[];
  providerGroups: ProviderGroupChoice[];
}

export const NO_OPTIONS: FilterOptions = { regions: [], localAuthorities: [], providerGroups: [] };

const OPERATION = `query DashboardFilterOptions($region: String) {
  regions { name code }
  localAuthorities(region: $region) { name code }
  providerGroups(minProviders: 1, first: 100) {
    nodes { id name providerCount locationCount }
  }
}`;

interface OptionsData {
  regions: FilterOptions['regions'];
  localAuthorities: FilterOptions['localAuthorities'];
  providerGroups: { nodes: ProviderGroupChoice[] };
}

export async function readFilterOptions(
  post: PostGraphql,
  region: string | null,
): Promise<FilterOptions> {
  const data = await post<OptionsData>(OPERATION, { region });
  return {
    regions: data.regions,
    localAuthorities: data.localAuthorities,
    providerGroups: data.providerGroups.nodes,
  };
}
