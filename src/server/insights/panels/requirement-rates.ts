/**
 * Panel: requirements per 100 inspections by region and year (a heatmap), read as the API gives
 * them: breachCounts grouped by region and year, with each cell's inspections
 * (`inspectionsInGroup`, those whose report is in the graph) and `requirementsPer100Inspections`.
 * A cell is a region and year with at least one requirement (breachCounts has no row for none).
 */
import { groupedCountVariables } from './grouped-count-panel.ts';
import type { PanelData } from './panel.ts';
import { readAllPages } from './post-graphql.ts';

export const NO_REGION = '(no region)';

export interface RequirementRateRow {
  region: string;
  year: number;
  requirements: number;
  inspections: number;
  per100Inspections: number;
}

const OPERATION = `query DashboardRequirementsByRegionYear($filter: BreachFilter, $first: Int, $after: String) {
  breachCounts(groupBy: [REGION, YEAR], filter: $filter, first: $first, after: $after) {
    nodes { region year requirementCount inspectionsInGroup requirementsPer100Inspections }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface BreachNode {
  region: string | null;
  year: number | null;
  requirementCount: number;
  inspectionsInGroup: number;
  requirementsPer100Inspections: number;
}

/** breachCounts' filter takes every filter of the dashboard, named as the grouped counts name them. */
const breachFilter = groupedCountVariables;

/** To one decimal, as the heatmap labels its cells. */
export function roundRate(rate: number): number {
  return Math.round(rate * 10) / 10;
}

export const requirementRatesPanel: PanelData<RequirementRateRow> = {
  id: 'requirement-rates',
  title: 'Requirements per 100 inspections, by region and year',
  description:
    'Requirements made, per 100 inspections whose report is in the graph, for each region and year of inspection with a requirement.',
  operation: OPERATION,
  variables: (filters) => ({ filter: breachFilter(filters), first: 100 }),
  async load(post, filters) {
    const nodes = await readAllPages(
      post,
      OPERATION,
      { filter: breachFilter(filters) },
      (data: { breachCounts: { nodes: BreachNode[]; pageInfo: never } }) => data.breachCounts,
    );
    return nodes
      .filter((node): node is BreachNode & { year: number } => node.year !== null)
      .map((node) => ({
        region: node.region ?? NO_REGION,
        year: node.year,
        requirements: node.requirementCount,
        inspections: node.inspectionsInGroup,
        per100Inspections: roundRate(node.requirementsPer100Inspections),
      }));
  },
  columns: [
    { header: 'region', value: (row) => row.region },
    { header: 'year', value: (row) => row.year },
    { header: 'requirements', value: (row) => row.requirements },
    { header: 'inspections', value: (row) => row.inspections },
    { header: 'requirements per 100 inspections', value: (row) => row.per100Inspections },
  ],
  markTitle: (row) =>
    `${row.region}, ${row.year}: ${row.per100Inspections} per 100 inspections (${row.requirements} requirements, ${row.inspections} inspections)`,
  filterNotes: () => [],
  exportPath: (filters) => {
    const params = new URLSearchParams({ groupBy: 'REGION,YEAR' });
    for (const [name, value] of Object.entries(breachFilter(filters)))
      if (value !== null) params.set(name, String(value));
    return `/export/breach-counts.csv?${params.toString()}`;
  },
};
