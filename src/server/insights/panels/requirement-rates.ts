/**
 * Panel: requirements per 100 inspections by region and year (a heatmap). Requirements come from
 * breachCounts grouped by region and year; the inspections (with their report in the graph) from
 * inspection counts, the locations without a region as the year's total less the named regions.
 * When breachCounts has its own rate (`rates-export` branch), read it here instead.
 */
import type { InsightFilters } from '../insights-filters.ts';
import { countInspections, per100, spanYears } from './inspection-counts.ts';
import type { PanelData } from './panel.ts';
import { readAllPages } from './post-graphql.ts';

export const NO_REGION = '(no region)';

export interface RequirementRateRow {
  region: string;
  year: number;
  requirements: number;
  inspections: number;
  per100Inspections: number | null;
}

const OPERATION = `query DashboardRequirementsByRegionYear($filter: BreachFilter, $first: Int, $after: String) {
  breachCounts(groupBy: [REGION, YEAR], filter: $filter, first: $first, after: $after) {
    nodes { region year requirementCount }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface BreachNode {
  region: string | null;
  year: number | null;
  requirementCount: number;
}

function breachFilter(filters: InsightFilters): Record<string, unknown> {
  return {
    regulator: filters.regulator,
    from: filters.from,
    to: filters.to,
    region: filters.region,
    localAuthority: filters.localAuthority,
    providerId: filters.provider,
  };
}

export const requirementRatesPanel: PanelData<RequirementRateRow> = {
  id: 'requirement-rates',
  title: 'Requirements per 100 inspections, by region and year',
  description:
    'Requirements made, per 100 inspections whose report is in the graph, for each region and year of inspection.',
  operation: OPERATION,
  variables: (filters) => ({ filter: breachFilter(filters), first: 100 }),
  async load(post, filters) {
    const nodes = await readAllPages(
      post,
      OPERATION,
      { filter: breachFilter(filters) },
      (data: { breachCounts: { nodes: BreachNode[]; pageInfo: never } }) => data.breachCounts,
    );
    const requirements = new Map<string, number>();
    const regions = new Set<string>();
    const years = new Set<number>();
    for (const node of nodes) {
      if (node.year === null) continue;
      const region = node.region ?? NO_REGION;
      regions.add(region);
      years.add(node.year);
      requirements.set(`${region}|${node.year}`, node.requirementCount);
    }
    const named = [...regions].filter((region) => region !== NO_REGION).sort();
    // Every count at once: one request each, answered in parallel.
    const yearRows = await Promise.all(
      spanYears(years).map(async (year) => {
        const [total, ...perRegion] = await Promise.all(
          [null, ...named].map((region) =>
            countInspections(post, { year, region, withFilters: true }, filters),
          ),
        );
        const rows = named.map((region, index) =>
          rateRow(region, year, requirements, perRegion[index]!),
        );
        const inNamed = perRegion.reduce((sum, count) => sum + count, 0);
        if (filters.region === null && (regions.has(NO_REGION) || total! > inNamed))
          rows.push(rateRow(NO_REGION, year, requirements, total! - inNamed));
        return rows;
      }),
    );
    const rows = yearRows.flat();
    return rows;
  },
  columns: [
    { header: 'region', value: (row) => row.region },
    { header: 'year', value: (row) => row.year },
    { header: 'requirements', value: (row) => row.requirements },
    { header: 'inspections', value: (row) => row.inspections },
    { header: 'requirements per 100 inspections', value: (row) => row.per100Inspections },
  ],
  markTitle: (row) =>
    `${row.region}, ${row.year}: ${row.per100Inspections ?? 'no'} per 100 inspections (${row.requirements} requirements, ${row.inspections} inspections)`,
  filterNotes: () => [],
};

function rateRow(
  region: string,
  year: number,
  requirements: Map<string, number>,
  inspections: number,
): RequirementRateRow {
  const count = requirements.get(`${region}|${year}`) ?? 0;
  return {
    region,
    year,
    requirements: count,
    inspections,
    per100Inspections: per100(count, inspections),
  };
}
