/**
 * The rates beside the counts, and the sort argument, on the seeds and fixtures: rates against
 * hand-checked rows (the five reports are five inspections: Ofsted 2019, 2022, 2023 twice and
 * CQC 2023; see tests/golden/answers/breach-counts-rates.json) and against counts made apart;
 * sorted answers against their figure and the documented tie-break, through pages; and each
 * summary's answer against the exact query's, sorted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/executor.ts';
import { defineQuery, read } from '../../src/db/query.ts';
import { toFindingParams } from '../../src/graph/filters.ts';
import {
  countBreaches,
  countBreachesExactly,
  type BreachCountArgs,
} from '../../src/graph/questions/breach-counts/index.ts';
import {
  findThemeCooccurrence,
  findThemeCooccurrenceExactly,
} from '../../src/graph/questions/theme-cooccurrence/index.ts';
import {
  findThemeTrends,
  findThemeTrendsExactly,
  type ThemeTrendArgs,
} from '../../src/graph/questions/theme-trends/index.ts';
import { refreshSummaries } from '../../src/graph/summaries/refresh-summaries.ts';
import { startApiFixture, type ApiFixture } from '../support/api-fixture.ts';
import { askGraphQL } from '../support/http.ts';

type Json = Record<string, unknown>;

/** Inspections with a concern about each theme, per year, counted from the inspections' side. */
const concernInspectionsByYear = defineQuery<object, { key: string; n: number }>({
  name: 'test.rates.concern-inspections-by-year',
  cypher: `
    MATCH (i:Inspection) WHERE i.hasReport = true
    MATCH (i)-[:FOUND]->(f:Finding)-[:ABOUT]->(t:Theme) WHERE f.polarity = 'concern'
    RETURN t.id + ' ' + toString(i.startDate.year) AS key, count(DISTINCT i) AS n`,
  parse: (row) => ({ key: read.string(row, 'key'), n: read.number(row, 'n') }),
});

const NO_FILTER: BreachCountArgs['f'] = {
  regulator: null,
  legislation: null,
  regulation: null,
  from: null,
  to: null,
  region: null,
  localAuthority: null,
  providerId: null,
};

describe('rates and sorting', () => {
  let api: ApiFixture;
  const ask = <T>(query: string) => askGraphQL<T>(api.server.url, query);

  async function routed<T>(
    question: (db: Database) => Promise<T>,
  ): Promise<{ answer: T; queries: string[] }> {
    const queries: string[] = [];
    const answer = await question(api.graph.db.withObserver((name) => queries.push(name)));
    return { answer, queries };
  }

  beforeAll(async () => {
    api = await startApiFixture();
    await refreshSummaries(api.graph.db);
  });
  afterAll(async () => api.close());

  it('divides requirements by every inspection of the group, with or without requirements', async () => {
    const inYear = await ask<{ breachCounts: { nodes: Json[] } }>(`{
      breachCounts(groupBy: [REGULATION], filter: { from: "2023-01-01", to: "2023-12-31" }) {
        nodes { regulation { id } requirementCount inspectionsInGroup requirementsPer100Inspections } } }`);
    // 2023: SC999001 (two requirements), SC999002 (none) and the CQC seed (none).
    expect(inYear.breachCounts.nodes).toEqual([
      {
        regulation: { id: 'CHR2015:12' },
        requirementCount: 1,
        inspectionsInGroup: 3,
        requirementsPer100Inspections: 100 / 3,
      },
      {
        regulation: { id: 'CHR2015:13' },
        requirementCount: 1,
        inspectionsInGroup: 3,
        requirementsPer100Inspections: 100 / 3,
      },
    ]);
    const ofsted = await ask<{ breachCounts: { nodes: Json[] } }>(`{
      breachCounts(groupBy: [LEGISLATION], filter: { regulator: OFSTED }) {
        nodes { legislation { id } requirementCount inspectionCount inspectionsInGroup requirementsPer100Inspections } } }`);
    // Eleven requirements at three of Ofsted's four inspections.
    expect(ofsted.breachCounts.nodes).toEqual([
      {
        legislation: { id: 'CHR2015' },
        requirementCount: 11,
        inspectionCount: 3,
        inspectionsInGroup: 4,
        requirementsPer100Inspections: 275,
      },
    ]);
  });

  it('counts the rates only where a request reads them, through nodes, edges or a fragment', async () => {
    type Counts = { breachCounts: { nodes?: Json[]; edges?: { node: Json }[] } };
    const filter = 'groupBy: [REGULATION], filter: { from: "2023-01-01", to: "2023-12-31" }';
    const plain = await ask<Counts>(
      `{ breachCounts(${filter}) { nodes { regulation { id } requirementCount } } }`,
    );
    const viaEdges = await ask<Counts>(`{ breachCounts(${filter}) {
      edges { node { regulation { id } requirementCount inspectionsInGroup } } } }`);
    const viaFragment = await ask<Counts>(`{ breachCounts(${filter}) { nodes { ...rate } } }
      fragment rate on BreachCount { regulation { id } requirementCount requirementsPer100Inspections }`);
    // The same two 2023 regulations as above, each at one of the year's three inspections.
    expect(plain.breachCounts.nodes).toEqual([
      { regulation: { id: 'CHR2015:12' }, requirementCount: 1 },
      { regulation: { id: 'CHR2015:13' }, requirementCount: 1 },
    ]);
    expect(viaEdges.breachCounts.edges!.map((e) => e.node.inspectionsInGroup)).toEqual([3, 3]);
    expect(viaFragment.breachCounts.nodes!.map((n) => n.requirementsPer100Inspections)).toEqual([
      100 / 3,
      100 / 3,
    ]);
  });

  it('sorts breachCounts by its rate either way, ties in the documented order, the same through pages', async () => {
    const query = (direction: string, first: number, after: string | null) => `{
      breachCounts(groupBy: [REGULATOR, YEAR], sort: { field: REQUIREMENTS_PER_100_INSPECTIONS, direction: ${direction} },
                   first: ${first}${after ? `, after: "${after}"` : ''}) {
        nodes { year requirementsPer100Inspections } pageInfo { hasNextPage endCursor } } }`;
    type Page = {
      breachCounts: { nodes: Json[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    };
    expect((await ask<Page>(query('ASC', 10, null))).breachCounts.nodes).toEqual([
      { year: 2023, requirementsPer100Inspections: 100 },
      { year: 2022, requirementsPer100Inspections: 200 },
      { year: 2019, requirementsPer100Inspections: 700 },
    ]);
    const whole = (await ask<Page>(query('DESC', 10, null))).breachCounts.nodes;
    expect(whole.map((n) => n.year)).toEqual([2019, 2022, 2023]);
    const paged: Json[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = await ask<Page>(query('DESC', 1, after));
      paged.push(...page.breachCounts.nodes);
      if (!page.breachCounts.pageInfo.hasNextPage) break;
      after = page.breachCounts.pageInfo.endCursor;
    }
    expect(paged).toEqual(whole);
    // Two regulations tied on every figure keep the documented order, regulation id last.
    const tied = await ask<{ breachCounts: { nodes: Json[] } }>(`{
      breachCounts(groupBy: [REGULATION], filter: { from: "2023-01-01" }, sort: { field: INSPECTIONS_IN_GROUP, direction: ASC }) {
        nodes { regulation { id } } } }`);
    expect(tied.breachCounts.nodes).toEqual([
      { regulation: { id: 'CHR2015:12' } },
      { regulation: { id: 'CHR2015:13' } },
    ]);
  });

  it('gives breachCounts the same rates and order from its summary as from the exact query', async () => {
    for (const sort of [
      null,
      { field: 'REQUIREMENTS_PER_100_INSPECTIONS', direction: 'ASC' },
      { field: 'INSPECTIONS_IN_GROUP', direction: 'DESC' },
    ] as const)
      for (const groupBy of [['REGULATOR', 'YEAR'], ['REGULATION'], ['REGION', 'YEAR']] as const) {
        const args: BreachCountArgs = {
          groupBy: [...groupBy],
          f: NO_FILTER,
          sort,
          skip: 0,
          first: 100,
          withTotal: true,
        };
        const { answer, queries } = await routed((db) => countBreaches(db, args));
        expect(queries).toEqual(['analytics.breach-counts.summary']);
        expect(answer).toEqual(await countBreachesExactly(api.graph.db, args));
      }
  });

  it('divides themeTrends by the inspections of the period, and counts inspections with a concern', async () => {
    const data = await ask<{ themeTrends: Json[] }>(`{
      themeTrends(interval: YEAR) { theme { id } period findingCount concernInspectionCount inspectionsInPeriod findingsPerInspection concernShare } }`);
    const perYear: Record<string, number> = { '2019': 1, '2022': 1, '2023': 3 };
    const concern = new Map(
      (await api.graph.db.read(concernInspectionsByYear, {})).map((r) => [r.key, r.n]),
    );
    expect(data.themeTrends.length).toBeGreaterThan(0);
    for (const row of data.themeTrends) {
      const period = row.period as string;
      const key = `${(row.theme as { id: string }).id} ${period}`;
      expect(row.inspectionsInPeriod, key).toBe(perYear[period]);
      expect(row.findingsPerInspection, key).toBe((row.findingCount as number) / perYear[period]!);
      expect(row.concernInspectionCount, key).toBe(concern.get(key) ?? 0);
      expect(row.concernShare, key).toBe((concern.get(key) ?? 0) / perYear[period]!);
    }
    expect([...concern.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('gives themeTrends the same rates and order from its summary, with part months, as from the exact query', async () => {
    const variants: ThemeTrendArgs[] = [
      {
        themes: null,
        from: null,
        to: null,
        interval: 'YEAR',
        polarity: null,
        withRates: true,
        sort: null,
      },
      {
        themes: null,
        from: '2019-07-24',
        to: '2023-05-09',
        interval: 'QUARTER',
        polarity: 'strength',
        // A sort by a rate counts the rates without withRates.
        sort: { field: 'CONCERN_SHARE', direction: 'DESC' },
      },
      {
        themes: null,
        from: '2022-01-01',
        to: '2023-12-31',
        interval: 'MONTH',
        polarity: 'concern',
        withRates: true,
        sort: { field: 'FINDING_COUNT', direction: 'ASC' },
      },
    ];
    for (const args of variants) {
      const { answer, queries } = await routed((db) => findThemeTrends(db, args));
      expect(queries).toContain('analytics.theme-trends.summary');
      expect(answer).toEqual(await findThemeTrendsExactly(api.graph.db, args));
      expect(answer.length).toBeGreaterThan(0);
      expect(answer.every((row) => row.inspectionsInPeriod! > 0)).toBe(true);
    }
    // Without the rates asked for, one query and no denominator.
    const { answer, queries } = await routed((db) =>
      findThemeTrends(db, { ...variants[0]!, withRates: false }),
    );
    expect(queries).toEqual(['analytics.theme-trends.summary']);
    expect(answer.every((row) => row.inspectionsInPeriod === null)).toBe(true);
  });

  it('sorts themeTrends, themeCooccurrence and repeatedBreaches by a figure, then in the documented order', async () => {
    const trends = await ask<{
      themeTrends: { theme: { id: string }; period: string; concernShare: number }[];
    }>(`{
      themeTrends(sort: { field: CONCERN_SHARE, direction: DESC }) { theme { id } period concernShare } }`);
    expectSorted(
      trends.themeTrends,
      (a, b) =>
        b.concernShare - a.concernShare ||
        compare(a.theme.id, b.theme.id) ||
        compare(a.period, b.period),
    );
    const pairs = await ask<{
      themeCooccurrence: {
        nodes: {
          first: { id: string };
          second: { id: string };
          findingCount: number;
          jaccard: number;
        }[];
      };
    }>(`{
      themeCooccurrence(sort: { field: JACCARD, direction: ASC }, first: 100) { nodes { first { id } second { id } findingCount jaccard } } }`);
    expectSorted(
      pairs.themeCooccurrence.nodes,
      (a, b) =>
        a.jaccard - b.jaccard ||
        b.findingCount - a.findingCount ||
        compare(a.first.id, b.first.id) ||
        compare(a.second.id, b.second.id),
    );
    const breaches = await ask<{
      repeatedBreaches: {
        nodes: { location: { id: string }; regulation: { id: string }; inspectionCount: number }[];
      };
    }>(`{
      repeatedBreaches(minInspections: 1, sort: { field: INSPECTION_COUNT, direction: ASC }, first: 100) {
        nodes { location { id } regulation { id } inspectionCount } } }`);
    expectSorted(
      breaches.repeatedBreaches.nodes,
      (a, b) =>
        a.inspectionCount - b.inspectionCount ||
        compare(a.location.id, b.location.id) ||
        compare(a.regulation.id, b.regulation.id),
    );
    expect(breaches.repeatedBreaches.nodes.at(-1)!.inspectionCount).toBe(2);
  });

  it('gives themeCooccurrence the same sorted page from its summary as from the exact query', async () => {
    const args = {
      f: toFindingParams(null),
      sort: { field: 'JACCARD', direction: 'ASC' } as const,
      skip: 1,
      first: 5,
      withTotal: true,
    };
    const { answer, queries } = await routed((db) => findThemeCooccurrence(db, args));
    expect(queries).toEqual(['analytics.theme-cooccurrence.summary']);
    expect(answer).toEqual(await findThemeCooccurrenceExactly(api.graph.db, args));
  });
});

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The rows are in `order` and no two rows tie on it (the documented order ends with ids). */
function expectSorted<T>(rows: readonly T[], order: (a: T, b: T) => number): void {
  expect(rows.length).toBeGreaterThan(1);
  expect([...rows].sort(order)).toEqual(rows);
  for (let i = 1; i < rows.length; i += 1) expect(order(rows[i - 1]!, rows[i]!)).toBeLessThan(0);
}
