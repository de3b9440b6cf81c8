/**
 * The choices the filter form offers. The API has no lists of regions, local authorities or
 * provider groups yet (the `places` branch adds `regions`, `localAuthorities` and provider
 * groups): until then they are the groups breachCounts knows, i.e. the places and providers with
 * at least one requirement. Switch to the lookups here.
 */
import type { PostGraphql } from './post-graphql.ts';

export interface FilterOptions {
  regions: string[];
  localAuthorities: string[];
  providers: { id: string; name: string | null }[];
}

const OPERATION = `query DashboardFilterOptions {
  regions: breachCounts(groupBy: [REGION], first: 100) { nodes { region } }
  localAuthorities: breachCounts(groupBy: [LOCAL_AUTHORITY], first: 100) { nodes { localAuthority } }
  providers: breachCounts(groupBy: [PROVIDER], first: 100) { nodes { provider { id name } } }
}`;

interface OptionsData {
  regions: { nodes: { region: string | null }[] };
  localAuthorities: { nodes: { localAuthority: string | null }[] };
  providers: { nodes: { provider: { id: string; name: string | null } | null }[] };
}

function sortedNames(values: (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null))].sort();
}

export async function readFilterOptions(post: PostGraphql): Promise<FilterOptions> {
  const data = await post<OptionsData>(OPERATION, {});
  return {
    regions: sortedNames(data.regions.nodes.map((node) => node.region)),
    localAuthorities: sortedNames(data.localAuthorities.nodes.map((node) => node.localAuthority)),
    providers: data.providers.nodes
      .flatMap((node) => (node.provider ? [node.provider] : []))
      .sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id)),
  };
}
