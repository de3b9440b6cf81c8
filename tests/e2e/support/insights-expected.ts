/**
 * What each dashboard panel must plot, computed here from the API's own rows by the test (not by
 * the page's panel modules): the plain lists (repeatedBreaches, ratingChanges,
 * enforcementActions, themeTrends, inspections with their requirements) grouped and counted in
 * the simplest way.
 */
import type { InsightFilters } from '../../../src/server/insights/insights-filters.ts';

type Post = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

export function createTestPost(graphqlUrl: string): Post {
  return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length || !body.data) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
}

interface Loc {
  id: string;
  name: string | null;
  region: string | null;
  regionCode: string | null;
  localAuthority: string | null;
  localAuthorityCode: string | null;
  providerGroup: { id: string; name: string | null } | null;
}

/** Every place filter applied to the row's location (by name or code, any case). */
function inPlace(location: Loc, filters: InsightFilters): boolean {
  const same = (wanted: string | null, ...names: (string | null)[]) =>
    wanted === null || names.some((name) => name?.toLowerCase() === wanted.toLowerCase());
  return (
    same(filters.region, location.region, location.regionCode) &&
    same(filters.localAuthority, location.localAuthority, location.localAuthorityCode) &&
    (filters.providerGroup === null || location.providerGroup?.id === filters.providerGroup)
  );
}

function countBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

const LOC =
  'location { id name region regionCode localAuthority localAuthorityCode providerGroup { id name } }';

async function repeatedBreaches(post: Post, filters: InsightFilters) {
  const data = await post<{
    repeatedBreaches: {
      nodes: {
        regulation: { id: string; heading: string | null };
        inspectionCount: number;
        location: Loc;
      }[];
      pageInfo: { hasNextPage: boolean };
    };
  }>(
    `query ($regulator: Regulator, $from: Date, $to: Date) {
      repeatedBreaches(regulator: $regulator, from: $from, to: $to, first: 100) {
        nodes { regulation { id heading } inspectionCount ${LOC} }
        pageInfo { hasNextPage }
      }
    }`,
    { regulator: filters.regulator, from: filters.from, to: filters.to },
  );
  if (data.repeatedBreaches.pageInfo.hasNextPage) throw new Error('fixture grew past one page');
  return data.repeatedBreaches.nodes.filter((node) => inPlace(node.location, filters));
}

export async function expectRepeatedRegulations(post: Post, filters: InsightFilters) {
  const nodes = await repeatedBreaches(post, filters);
  return [...countBy(nodes, (node) => node.regulation.id)].map(([regulation, group]) => ({
    regulation,
    heading: group[0]!.regulation.heading,
    locations: group.length,
    inspections: group.reduce((sum, node) => sum + node.inspectionCount, 0),
    locationList: group.map((node) => ({
      id: node.location.id,
      name: node.location.name,
      inspections: node.inspectionCount,
    })),
  }));
}

export async function expectProviderGroups(post: Post, filters: InsightFilters) {
  const nodes = await repeatedBreaches(post, filters);
  return [
    ...countBy(nodes, (node) => node.location.providerGroup?.id ?? '(no provider group)'),
  ].map(([group, items]) => ({
    group,
    name: items[0]!.location.providerGroup?.name ?? null,
    repeatedBreaches: items.length,
    locations: new Set(items.map((item) => item.location.id)).size,
  }));
}

interface ListedInspection {
  startDate: string | null;
  regulator: string | null;
  location: Loc;
  requirements: { id: string }[];
}

/** Every inspection whose report is in the graph, with its requirements. */
async function reportedInspections(post: Post, filters: InsightFilters, withPlace: boolean) {
  const data = await post<{
    inspections: { nodes: ListedInspection[]; pageInfo: { hasNextPage: boolean } };
  }>(
    `query ($filter: InspectionFilter) {
      inspections(first: 100, filter: $filter) {
        nodes { startDate regulator requirements { id } ${LOC} }
        pageInfo { hasNextPage }
      }
    }`,
    {
      filter: {
        hasReport: true,
        from: filters.from,
        to: filters.to,
        ...(withPlace ? { regulator: filters.regulator } : {}),
      },
    },
  );
  if (data.inspections.pageInfo.hasNextPage) throw new Error('fixture grew past one page');
  return data.inspections.nodes.filter((node) => !withPlace || inPlace(node.location, filters));
}

/** The page rounds the API's rates to one decimal; the same rounding of the test's own ratio. */
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/**
 * One cell per region and year with a requirement (breachCounts has no row without one): the
 * requirements and inspections counted here from the inspections list, not the API's rates.
 */
export async function expectRequirementRates(post: Post, filters: InsightFilters) {
  const inspections = await reportedInspections(post, filters, true);
  const key = (node: ListedInspection) =>
    `${node.location.region ?? '(no region)'}|${node.startDate!.slice(0, 4)}`;
  const cells = countBy(inspections, key);
  return [...cells]
    .map(([cell, nodes]) => {
      const [region, year] = cell.split('|');
      const requirements = nodes.reduce((sum, node) => sum + node.requirements.length, 0);
      return {
        region: region!,
        year: Number(year),
        requirements,
        inspections: nodes.length,
        per100Inspections: oneDecimal((requirements * 100) / nodes.length),
      };
    })
    .filter((row) => row.requirements > 0);
}

/**
 * Shares of the year's inspections (counted here from the inspections list) from themeTrends'
 * plain counts (`inspectionCount`, `findingCount`), not its rates.
 */
export async function expectThemeRates(post: Post, filters: InsightFilters) {
  const inspections = await reportedInspections(post, filters, false);
  const rows = [];
  for (const polarity of ['CONCERN', 'STRENGTH'] as const) {
    const data = await post<{
      themeTrends: {
        theme: { id: string; label: string };
        period: string;
        findingCount: number;
        inspectionCount: number;
      }[];
    }>(
      `query ($from: Date, $to: Date, $polarity: Polarity) {
        themeTrends(from: $from, to: $to, interval: YEAR, polarity: $polarity) {
          theme { id label } period findingCount inspectionCount
        }
      }`,
      { from: filters.from, to: filters.to, polarity },
    );
    for (const point of data.themeTrends) {
      const of = inspections.filter((node) => node.startDate?.startsWith(point.period)).length;
      rows.push({
        polarity,
        theme: point.theme.id,
        label: point.theme.label,
        year: Number(point.period),
        inspectionsWithTheme: point.inspectionCount,
        inspections: of,
        percentOfInspections: oneDecimal((point.inspectionCount / of) * 100),
        findings: point.findingCount,
        findingsPerInspection: Math.round((point.findingCount / of) * 100) / 100,
      });
    }
  }
  return rows;
}

export async function expectRatingChanges(post: Post, filters: InsightFilters) {
  const data = await post<{
    ratingChanges: {
      nodes: {
        direction: string;
        after: { startDate: string; regulator: string | null };
        location: Loc;
      }[];
      pageInfo: { hasNextPage: boolean };
    };
  }>(
    `query ($regulator: Regulator, $from: Date, $to: Date) {
      ratingChanges(regulator: $regulator, from: $from, to: $to, first: 100) {
        nodes { direction after { startDate regulator } ${LOC} }
        pageInfo { hasNextPage }
      }
    }`,
    { regulator: filters.regulator, from: filters.from, to: filters.to },
  );
  if (data.ratingChanges.pageInfo.hasNextPage) throw new Error('fixture grew past one page');
  const nodes = data.ratingChanges.nodes.filter((node) => inPlace(node.location, filters));
  return [
    ...countBy(
      nodes,
      (node) =>
        `${node.after.regulator ?? 'UNKNOWN'}|${node.after.startDate.slice(0, 4)}|${node.direction}`,
    ),
  ].map(([key, items]) => {
    const [regulator, year, direction] = key.split('|');
    return {
      regulator: regulator!,
      year: Number(year),
      direction: direction!,
      changes: items.length,
    };
  });
}

export async function expectEnforcement(post: Post, filters: InsightFilters) {
  const data = await post<{
    enforcementActions: {
      nodes: {
        type: string;
        issuedOn: string | null;
        inspection: { startDate: string; location: Loc };
      }[];
      pageInfo: { hasNextPage: boolean };
    };
  }>(
    `query ($regulator: Regulator, $from: Date, $to: Date) {
      enforcementActions(regulator: $regulator, from: $from, to: $to, first: 100) {
        nodes { type issuedOn inspection { startDate ${LOC} } }
        pageInfo { hasNextPage }
      }
    }`,
    { regulator: filters.regulator, from: filters.from, to: filters.to },
  );
  if (data.enforcementActions.pageInfo.hasNextPage) throw new Error('fixture grew past one page');
  const nodes = data.enforcementActions.nodes.filter((node) =>
    inPlace(node.inspection.location, filters),
  );
  return [
    ...countBy(
      nodes,
      (node) => `${(node.issuedOn ?? node.inspection.startDate).slice(0, 4)}|${node.type}`,
    ),
  ].map(([key, items]) => {
    const [year, type] = key.split('|');
    return { year: Number(year), type: type!, actions: items.length };
  });
}
