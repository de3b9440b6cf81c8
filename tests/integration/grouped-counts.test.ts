/**
 * The grouped counts (schema/analytics-groups.graphql) against the real Neo4j, on the seed sample
 * (real and generated): each one must equal the rows of the question it summarises, read page by
 * page through the API and grouped here, with the place and group filters the ungrouped
 * questions do not take applied here to each row's location. Several filter sets, each checked
 * to have rows, so no comparison is of two empty answers.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../../src/app/prepare-graph.ts';
import { PROJECT_ROOT } from '../../src/config.ts';
import { refreshSummaries } from '../../src/graph/summaries/refresh-summaries.ts';
import { startServer, type RunningServer } from '../../src/server/app.ts';
import { askGraphQL } from '../support/http.ts';
import { connectTestGraph, resetTestGraph, type TestGraph } from '../support/test-graph.ts';

let graph: TestGraph;
let server: RunningServer;

interface Place {
  id: string;
  region: string | null;
  localAuthority: string | null;
  providerGroup: { id: string } | null;
}

type Filters = {
  regulator?: string;
  from?: string;
  to?: string;
  region?: string;
  localAuthority?: string;
  providerGroupId?: string;
  synthetic?: boolean;
};

const PLACE = 'location { id region localAuthority providerGroup { id } }';

/** Every row of a paged question: the connection at `field`, asked with `args`. */
async function readAll<Node>(field: string, args: string, nodeFields: string, variables: object) {
  const nodes: Node[] = [];
  let after: string | null = null;
  // Only repeatedBreaches takes a provider group; an unused variable fails validation.
  const groupVariable = args.includes('$providerGroupId') ? ', $providerGroupId: ID' : '';
  for (;;) {
    const data: Record<
      string,
      { nodes: Node[]; pageInfo: { hasNextPage: boolean; endCursor: string } }
    > = await askGraphQL(
      server.url,
      `query ($regulator: Regulator, $from: Date, $to: Date, $synthetic: Boolean${groupVariable}, $after: String) {
        ${field}(${args}, first: 100, after: $after) { nodes { ${nodeFields} } pageInfo { hasNextPage endCursor } } }`,
      { ...variables, after },
    );
    const connection = data[field]!;
    nodes.push(...connection.nodes);
    if (!connection.pageInfo.hasNextPage) return nodes;
    after = connection.pageInfo.endCursor;
  }
}

/** The place filters the ungrouped questions do not take, applied to a row's location. */
function inPlace(location: Place, filters: Filters): boolean {
  return (
    (filters.region === undefined || location.region === filters.region) &&
    (filters.localAuthority === undefined || location.localAuthority === filters.localAuthority) &&
    (filters.providerGroupId === undefined ||
      location.providerGroup?.id === filters.providerGroupId)
  );
}

function countBy<Row>(rows: Row[], keyOf: (row: Row) => string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row]);
  return groups;
}

const yearOf = (date: string | null) => (date ? Number(date.slice(0, 4)) : null);

interface BreachRow {
  regulation: { id: string };
  inspectionCount: number;
  location: Place;
}

const breachRowsByFilters = new Map<string, Promise<BreachRow[]>>();

/** repeatedBreaches rows for the filters, read once per filter set (two tests group them). */
function readRepeatedBreaches(filters: Filters): Promise<BreachRow[]> {
  const key = JSON.stringify(filters);
  if (!breachRowsByFilters.has(key)) breachRowsByFilters.set(key, readBreachRows(filters));
  return breachRowsByFilters.get(key)!;
}

async function readBreachRows(filters: Filters): Promise<BreachRow[]> {
  const rows = await readAll<BreachRow>(
    'repeatedBreaches',
    'regulator: $regulator, from: $from, to: $to, synthetic: $synthetic, providerGroupId: $providerGroupId',
    `regulation { id } inspectionCount ${PLACE}`,
    filters,
  );
  return rows.filter((row) => inPlace(row.location, filters));
}

const GROUP_ARGS = `$regulator: Regulator, $from: Date, $to: Date, $region: String, $localAuthority: String, $providerGroupId: ID, $synthetic: Boolean`;
const PASS_ARGS = `regulator: $regulator, from: $from, to: $to, region: $region, localAuthority: $localAuthority, providerGroupId: $providerGroupId, synthetic: $synthetic`;

beforeAll(async () => {
  graph = connectTestGraph();
  await resetTestGraph(graph);
  await runMigrations(graph.db, { seedDir: path.join(PROJECT_ROOT, 'seed'), log: () => {} });
  // As npm start does: the unfiltered repeatedBreaches pages then come from its summary, a read
  // path apart from the grouped counts' Cypher.
  await refreshSummaries(graph.db, { onlyStale: true });
  server = await startServer({ host: '127.0.0.1', port: 0, ingestToken: null }, graph.db);
}, 600_000);

afterAll(async () => {
  await server?.stop();
  await graph?.close();
});

/** Filter sets over the seed sample; the busiest region and group are found from the rows. */
async function chooseFilterSets(): Promise<[string, Filters][]> {
  const all = await readRepeatedBreaches({});
  const busiest = (keyOf: (row: BreachRow) => string | undefined) =>
    [...countBy(all, (row) => keyOf(row) ?? '').entries()]
      .filter(([key]) => key !== '')
      .sort((a, b) => b[1].length - a[1].length)[0]![0];
  const region = busiest((row) => row.location.region ?? undefined);
  const localAuthority = busiest((row) => row.location.localAuthority ?? undefined);
  const providerGroupId = busiest((row) => row.location.providerGroup?.id);
  return [
    ['no filter', {}],
    ['Ofsted since 2019', { regulator: 'OFSTED', from: '2019-01-01' }],
    ['a window', { from: '2018-01-01', to: '2022-12-31' }],
    [`region ${region}`, { region }],
    [`local authority ${localAuthority}`, { localAuthority }],
    [`provider group ${providerGroupId}`, { providerGroupId }],
    ['generated only', { synthetic: true }],
    ['real only', { synthetic: false }],
  ];
}

describe('grouped counts equal the grouped rows of the questions they summarise', () => {
  let filterSets: [string, Filters][];
  beforeAll(async () => {
    filterSets = await chooseFilterSets();
  });

  it('repeatedBreachesByRegulation counts repeatedBreaches rows per regulation', async () => {
    let nonEmpty = 0;
    for (const [name, filters] of filterSets) {
      const rows = await readRepeatedBreaches(filters);
      const expected = [...countBy(rows, (row) => row.regulation.id).entries()]
        .map(([regulation, pairs]) => ({
          regulation: { id: regulation },
          locationCount: pairs.length,
          inspectionCount: pairs.reduce((sum, pair) => sum + pair.inspectionCount, 0),
          topLocations: pairs
            .sort(
              (a, b) =>
                b.inspectionCount - a.inspectionCount || (a.location.id < b.location.id ? -1 : 1),
            )
            .slice(0, 3)
            .map((pair) => ({
              location: { id: pair.location.id },
              inspectionCount: pair.inspectionCount,
            })),
        }))
        .sort(
          (a, b) =>
            b.locationCount - a.locationCount ||
            b.inspectionCount - a.inspectionCount ||
            (a.regulation.id < b.regulation.id ? -1 : 1),
        );
      const data = await askGraphQL<{ repeatedBreachesByRegulation: unknown[] }>(
        server.url,
        `query (${GROUP_ARGS}) { repeatedBreachesByRegulation(${PASS_ARGS}, first: 100, locationsPerGroup: 3) {
          regulation { id } locationCount inspectionCount topLocations { location { id } inspectionCount } } }`,
        filters,
      );
      expect(data.repeatedBreachesByRegulation, name).toEqual(expected);
      if (expected.length > 0) nonEmpty += 1;
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(6);
  });

  it('repeatedBreachesByProviderGroup counts them per location group', async () => {
    let nonEmpty = 0;
    for (const [name, filters] of filterSets) {
      const rows = await readRepeatedBreaches(filters);
      const expected = [...countBy(rows, (row) => row.location.providerGroup?.id ?? '').entries()]
        .map(([group, pairs]) => ({
          providerGroup: group === '' ? null : { id: group },
          repeatedBreachCount: pairs.length,
          locationCount: new Set(pairs.map((pair) => pair.location.id)).size,
          inspectionCount: pairs.reduce((sum, pair) => sum + pair.inspectionCount, 0),
        }))
        .sort(
          (a, b) =>
            b.repeatedBreachCount - a.repeatedBreachCount ||
            b.locationCount - a.locationCount ||
            ((a.providerGroup?.id ?? '') < (b.providerGroup?.id ?? '') ? -1 : 1),
        );
      const data = await askGraphQL<{ repeatedBreachesByProviderGroup: unknown[] }>(
        server.url,
        `query (${GROUP_ARGS}) { repeatedBreachesByProviderGroup(${PASS_ARGS}, first: 100) {
          providerGroup { id } repeatedBreachCount locationCount inspectionCount } }`,
        filters,
      );
      expect(data.repeatedBreachesByProviderGroup, name).toEqual(expected);
      if (expected.some((row) => row.providerGroup !== null)) nonEmpty += 1;
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(4);
  });

  it('ratingChangeCounts counts ratingChanges rows per regulator, year and direction', async () => {
    let nonEmpty = 0;
    for (const [name, filters] of filterSets) {
      const rows = (
        await readAll<{
          direction: string;
          after: { startDate: string; regulator: string | null };
          location: Place;
        }>(
          'ratingChanges',
          'regulator: $regulator, from: $from, to: $to, synthetic: $synthetic',
          `direction after { startDate regulator } ${PLACE}`,
          filters,
        )
      ).filter((row) => inPlace(row.location, filters));
      const key = (regulator: string | null, year: number | null, direction: string) =>
        `${regulator ?? ''}|${year}|${direction}`;
      const expected = [
        ...countBy(rows, (row) =>
          key(row.after.regulator, yearOf(row.after.startDate), row.direction),
        ).entries(),
      ]
        .map(([k, changes]) => ({ key: k, changeCount: changes.length }))
        .sort((a, b) => (a.key < b.key ? -1 : 1));
      const data = await askGraphQL<{
        ratingChangeCounts: {
          regulator: string | null;
          year: number;
          direction: string;
          changeCount: number;
        }[];
      }>(
        server.url,
        `query (${GROUP_ARGS}) { ratingChangeCounts(${PASS_ARGS}) { regulator year direction changeCount } }`,
        filters,
      );
      const actual = data.ratingChangeCounts.map((row) => ({
        key: key(row.regulator, row.year, row.direction),
        changeCount: row.changeCount,
      }));
      // The documented order: regulator, year, direction (the keys sort the same way).
      expect(actual, name).toEqual(expected);
      if (expected.length > 0) nonEmpty += 1;
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(6);
  });

  it('enforcementActionCounts counts enforcementActions rows per inspection year and type', async () => {
    let nonEmpty = 0;
    for (const [name, filters] of filterSets) {
      const rows = (
        await readAll<{ type: string; inspection: { startDate: string; location: Place } }>(
          'enforcementActions',
          'regulator: $regulator, from: $from, to: $to, synthetic: $synthetic',
          `type inspection { startDate ${PLACE} }`,
          filters,
        )
      ).filter((row) => inPlace(row.inspection.location, filters));
      const expected = [
        ...countBy(rows, (row) => `${yearOf(row.inspection.startDate)}|${row.type}`).entries(),
      ]
        .map(([k, actions]) => ({
          year: Number(k.split('|')[0]),
          type: k.split('|')[1]!,
          actionCount: actions.length,
        }))
        .sort((a, b) => a.year - b.year || (a.type < b.type ? -1 : 1));
      const data = await askGraphQL<{ enforcementActionCounts: typeof expected }>(
        server.url,
        `query (${GROUP_ARGS}) { enforcementActionCounts(${PASS_ARGS}) { year type actionCount } }`,
        filters,
      );
      const actual = [...data.enforcementActionCounts].sort(
        (a, b) => a.year - b.year || (a.type < b.type ? -1 : 1),
      );
      expect(actual, name).toEqual(expected);
      expect(data.enforcementActionCounts.map((row) => row.year)).toEqual(
        actual.map((row) => row.year),
      );
      if (expected.length > 0) nonEmpty += 1;
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(4);
  });

  it('says a bad argument in one line', async () => {
    const answer = await askGraphQL(
      server.url,
      '{ repeatedBreachesByRegulation(first: 0) { locationCount } }',
    ).catch((error: Error) => error.message);
    expect(answer).toMatch(/first must be between 1 and 100/);
  });
});
