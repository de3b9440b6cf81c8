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

interface Page<Node> {
  nodes: Node[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * Every row of a connection, page by page: `query` takes `$first` and `$after` and names the
 * connection `page` (an alias), so one loop serves every list.
 */
async function readAll<Node>(
  post: Post,
  query: string,
  variables: Record<string, unknown>,
): Promise<Node[]> {
  const nodes: Node[] = [];
  let after: string | null = null;
  for (;;) {
    const { page }: { page: Page<Node> } = await post<{ page: Page<Node> }>(query, {
      ...variables,
      first: 100,
      after,
    });
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

const PAGE_INFO = 'pageInfo { hasNextPage endCursor }';

const LOC =
  'location { id name region regionCode localAuthority localAuthorityCode providerGroup { id name } }';

interface RepeatedBreachNode {
  regulation: { id: string; heading: string | null };
  inspectionCount: number;
  location: Loc;
}

/** Every repeatedBreaches row for the filters, the place filters applied here by location. */
export async function readRepeatedBreachRows(post: Post, filters: InsightFilters) {
  const nodes = await readAll<RepeatedBreachNode>(
    post,
    `query ($regulator: Regulator, $from: Date, $to: Date, $first: Int, $after: String) {
      page: repeatedBreaches(regulator: $regulator, from: $from, to: $to, first: $first, after: $after) {
        nodes { regulation { id heading } inspectionCount ${LOC} }
        ${PAGE_INFO}
      }
    }`,
    { regulator: filters.regulator, from: filters.from, to: filters.to },
  );
  return nodes.filter((node) => inPlace(node.location, filters));
}

/** The panels draw the top 15 bars: most first, ties by the next figure, then by name. */
const TOP = 15;
const LOCATIONS_PER_BAR = 10;

export async function expectRepeatedRegulations(post: Post, filters: InsightFilters) {
  const nodes = await readRepeatedBreachRows(post, filters);
  return [...countBy(nodes, (node) => node.regulation.id)]
    .map(([regulation, group]) => ({
      regulation,
      heading: group[0]!.regulation.heading,
      locations: group.length,
      inspections: group.reduce((sum, node) => sum + node.inspectionCount, 0),
      // The panel lists the ten locations with the most inspections under each bar, then by id.
      locationList: [...group]
        .sort(
          (a, b) =>
            b.inspectionCount - a.inspectionCount || (a.location.id < b.location.id ? -1 : 1),
        )
        .slice(0, LOCATIONS_PER_BAR)
        .map((node) => ({
          id: node.location.id,
          name: node.location.name,
          inspections: node.inspectionCount,
        })),
    }))
    .sort(
      (a, b) =>
        b.locations - a.locations ||
        b.inspections - a.inspections ||
        (a.regulation < b.regulation ? -1 : 1),
    )
    .slice(0, TOP);
}

export async function expectProviderGroups(post: Post, filters: InsightFilters) {
  const nodes = await readRepeatedBreachRows(post, filters);
  return [...countBy(nodes, (node) => node.location.providerGroup?.id ?? '(no provider group)')]
    .map(([group, items]) => ({
      group,
      name: items[0]!.location.providerGroup?.name ?? null,
      repeatedBreaches: items.length,
      locations: new Set(items.map((item) => item.location.id)).size,
    }))
    .sort(
      (a, b) =>
        b.repeatedBreaches - a.repeatedBreaches ||
        b.locations - a.locations ||
        (a.group < b.group ? -1 : 1),
    )
    .slice(0, TOP);
}

interface ListedInspection {
  startDate: string | null;
  regulator: string | null;
  location: Loc;
  requirements: { id: string }[];
}

/** Every inspection whose report is in the graph, with its requirements. */
async function reportedInspections(post: Post, filters: InsightFilters) {
  const nodes = await readAll<ListedInspection>(
    post,
    `query ($filter: InspectionFilter, $first: Int, $after: String) {
      page: inspections(first: $first, after: $after, filter: $filter) {
        nodes { startDate regulator requirements { id } ${LOC} }
        ${PAGE_INFO}
      }
    }`,
    {
      filter: {
        hasReport: true,
        from: filters.from,
        to: filters.to,
        regulator: filters.regulator,
      },
    },
  );
  return nodes.filter((node) => inPlace(node.location, filters));
}

/** The page rounds the API's rates to one decimal; the same rounding of the test's own ratio. */
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/**
 * One cell per region and year with a requirement (breachCounts has no row without one): the
 * requirements and inspections counted here from the inspections list, not the API's rates.
 */
export async function expectRequirementRates(post: Post, filters: InsightFilters) {
  const inspections = await reportedInspections(post, filters);
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

interface ListedFinding {
  polarity: string;
  themes: { theme: { id: string; label: string } }[];
  inspection: { id: string; startDate: string | null; location: Loc };
}

/**
 * Per polarity, theme and year: the findings and the inspections with one, counted here from the
 * findings list (filtered by place here, not by the API's themeTrends), over the year's
 * inspections counted from the inspections list.
 */
export async function expectThemeRates(post: Post, filters: InsightFilters) {
  const inspections = await reportedInspections(post, filters);
  const findings = (
    await readAll<ListedFinding>(
      post,
      `query ($filter: FindingFilter, $first: Int, $after: String) {
        page: findings(first: $first, after: $after, filter: $filter) {
          nodes { polarity themes { theme { id label } } inspection { id startDate ${LOC} } }
          ${PAGE_INFO}
        }
      }`,
      { filter: { regulator: filters.regulator, from: filters.from, to: filters.to } },
    )
  ).filter((finding) => inPlace(finding.inspection.location, filters));
  const rows = [];
  for (const polarity of ['CONCERN', 'STRENGTH'] as const) {
    const points = new Map<
      string,
      { id: string; label: string; year: string; findings: number; inspections: Set<string> }
    >();
    for (const finding of findings) {
      if (finding.polarity.toUpperCase() !== polarity || !finding.inspection.startDate) continue;
      const year = finding.inspection.startDate.slice(0, 4);
      for (const { theme } of finding.themes) {
        const key = `${theme.id}|${year}`;
        const point = points.get(key) ?? {
          ...theme,
          year,
          findings: 0,
          inspections: new Set<string>(),
        };
        point.findings += 1;
        point.inspections.add(finding.inspection.id);
        points.set(key, point);
      }
    }
    for (const point of points.values()) {
      const of = inspections.filter((node) => node.startDate?.startsWith(point.year)).length;
      rows.push({
        polarity,
        theme: point.id,
        label: point.label,
        year: Number(point.year),
        inspectionsWithTheme: point.inspections.size,
        inspections: of,
        percentOfInspections: oneDecimal((point.inspections.size / of) * 100),
        findings: point.findings,
        findingsPerInspection: Math.round((point.findings / of) * 100) / 100,
      });
    }
  }
  return rows;
}

interface ListedChange {
  direction: string;
  after: { startDate: string; regulator: string | null };
  location: Loc;
}

export async function expectRatingChanges(post: Post, filters: InsightFilters) {
  const nodes = (
    await readAll<ListedChange>(
      post,
      `query ($regulator: Regulator, $from: Date, $to: Date, $first: Int, $after: String) {
        page: ratingChanges(regulator: $regulator, from: $from, to: $to, first: $first, after: $after) {
          nodes { direction after { startDate regulator } ${LOC} }
          ${PAGE_INFO}
        }
      }`,
      { regulator: filters.regulator, from: filters.from, to: filters.to },
    )
  ).filter((node) => inPlace(node.location, filters));
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

interface ListedAction {
  type: string;
  inspection: { startDate: string; location: Loc };
}

export async function expectEnforcement(post: Post, filters: InsightFilters) {
  const nodes = (
    await readAll<ListedAction>(
      post,
      `query ($regulator: Regulator, $from: Date, $to: Date, $first: Int, $after: String) {
        page: enforcementActions(regulator: $regulator, from: $from, to: $to, first: $first, after: $after) {
          nodes { type inspection { startDate ${LOC} } }
          ${PAGE_INFO}
        }
      }`,
      { regulator: filters.regulator, from: filters.from, to: filters.to },
    )
  ).filter((node) => inPlace(node.inspection.location, filters));
  return [
    ...countBy(
      nodes,
      // By the year of the inspection's start, the date enforcementActions' from/to filter by.
      (node) => `${node.inspection.startDate.slice(0, 4)}|${node.type}`,
    ),
  ].map(([key, items]) => {
    const [year, type] = key.split('|');
    return { year: Number(year), type: type!, actions: items.length };
  });
}
