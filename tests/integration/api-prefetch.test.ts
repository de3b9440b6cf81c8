/**
 * Reading ahead: nested levels read with their list in one query, question rows carrying their
 * nodes, counts only when totalCount is selected, and the same answers as resolving every
 * field through the DataLoaders alone.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NESTED_READ } from '../../bench/query-cases.ts';
import { PROJECT_ROOT } from '../../src/config.ts';
import { listParams, listQuery } from '../../src/graph/lists.ts';
import { refreshSummaries } from '../../src/graph/summaries/refresh-summaries.ts';
import { startServer, type RunningServer } from '../../src/server/app.ts';
import { startApiFixture, type ApiFixture } from '../support/api-fixture.ts';
import { askGraphQL, postGraphQL } from '../support/http.ts';

type Json = Record<string, unknown>;

const EXAMPLES_DIR = path.join(PROJECT_ROOT, 'operations/examples');

/** Every example operation with its variables file, when it has one. */
function readExamples(): { name: string; query: string; variables: Json }[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const variablesFile = path.join(EXAMPLES_DIR, file.replace(/\.graphql$/, '.variables.json'));
      return {
        name: file,
        query: readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'),
        variables: existsSync(variablesFile)
          ? (JSON.parse(readFileSync(variablesFile, 'utf8')) as Json)
          : {},
      };
    });
}

/** Shapes beyond the examples that exercise every level the plan reads ahead. */
const NESTED_SHAPES = [
  NESTED_READ.ours,
  `{ locations(first: 4, sort: { field: ID, direction: ASC }) { totalCount pageInfo { hasNextPage endCursor }
       edges { cursor node { id regulators provider { name locations(first: 5) { totalCount nodes { id } } }
         inspections(first: 2) { totalCount pageInfo { hasNextPage } nodes { id regulator previous { id } location { id }
           judgements { area grade } recommendations { text } enforcementActions { type regulation { id } inspection { id } }
           requirements { id text regulation { id heading legislation { id } themes { id } } inspection { id } enforcementAction { id type complyBy regulation { id } } }
           findings(first: 3) { totalCount nodes { id themes { theme { id } terms } citations { id } inspection { id } } } } } } } } }`,
  '{ providers(first: 3) { nodes { id locations(first: 2) { nodes { id inspections(first: 1) { nodes { id } } } } } } }',
  '{ inspections(first: 5, filter: { regulator: OFSTED }) { nodes { id location { id name } requirements { regulation { id } enforcementAction { id } } } } }',
  '{ findings(first: 10) { nodes { id themes { theme { id } terms } inspection { id location { id } } } } }',
  '{ enforcementActions(first: 5) { nodes { id regulation { id } inspection { id location { id } } } } }',
  // Two aliases asking different pages of the same connection: not read ahead, still right.
  '{ locations(first: 4, sort: { field: ID, direction: ASC }) { nodes { a: inspections(first: 1) { nodes { id } } b: inspections(first: 3, after: "b2Zmc2V0OjA") { nodes { id } } } } }',
  // A nested filter the plan does not cover falls back to the loader.
  '{ locations(first: 4, sort: { field: ID, direction: ASC }) { nodes { inspections(first: 10) { nodes { id findings(first: 3, filter: { polarity: CONCERN }) { totalCount nodes { id polarity } } } } } } }',
  // Fragments and @include/@skip.
  `query ($withReqs: Boolean = true) { locations(first: 3, sort: { field: ID, direction: ASC }) { nodes { ...L } } }
   fragment L on Location { id inspections(first: 3) { nodes { id requirements @include(if: $withReqs) { id } judgements @skip(if: true) { id } } } }`,
  // Aliases and fragments asking different fields of the same nodes: each gets what it asked.
  `{ locations(first: 4, sort: { field: ID, direction: ASC }) { nodes { name n: name ...Where
       inspections(first: 5) { nodes { a: requirements { text } b: requirements { dueDate complianceNotice source { line offset } }
         findings(first: 4) { nodes { polarity ... on Finding { label { id name score } source { line } } } } } } } } }
   fragment Where on Location { region localAuthority address }`,
  // Only keys and relations selected under a level: the rows hold their key alone.
  '{ inspections(first: 5) { nodes { location { provider { id } } regulator } } }',
];

describe('reading ahead', () => {
  let api: ApiFixture;
  let plain: RunningServer;
  const ask = <T = Json>(query: string, variables: Json = {}) =>
    askGraphQL<T>(api.server.url, query, variables);

  beforeAll(async () => {
    api = await startApiFixture();
    plain = await startServer({ host: '127.0.0.1', port: 0, ingestToken: null }, api.graph.db, {
      readAhead: false,
    });
  });
  afterAll(async () => {
    await plain.stop();
    await api.close();
  });

  it('gives the same JSON with and without reading ahead, for every example operation and nested shape', async () => {
    const examples = readExamples();
    expect(examples.length).toBeGreaterThan(5);
    const cases = [
      ...examples,
      ...NESTED_SHAPES.map((query, i) => ({ name: `shape ${i}`, query, variables: {} })),
    ];
    for (const { name, query, variables } of cases) {
      const ahead = await postGraphQL(api.server.url, query, variables);
      const alone = await postGraphQL(plain.url, query, variables);
      expect(ahead.body.errors, name).toBeUndefined();
      expect(ahead.body, name).toEqual(alone.body);
    }
  });

  it('reads the nested read in one query, for 1 location or 4', async () => {
    const nested = (first: number) =>
      `{ locations(first: ${first}, sort: { field: ID, direction: ASC }) { nodes { id name provider { name }
           inspections(first: 100) { nodes { id startDate requirements { text regulation { id heading } } } } } } }`;
    await ask(nested(1));
    const one = api.requestQueries.at(-1)!;
    await ask(nested(4));
    const four = api.requestQueries.at(-1)!;
    expect(four).toEqual(one);
    expect(four).toHaveLength(1);
    expect(four[0]).toMatch(/^list\.locations\.ID\.ASC\.uncounted\.with\(/);
  });

  it('reads of each node only the fields the selection asks for, through aliases and fragments', async () => {
    await ask(`{ locations(first: 2, sort: { field: ID, direction: ASC }) { nodes { n: name ...Cap
         inspections(first: 3) { nodes { startDate requirements { ... on Requirement { dueDate } source { line } } } } } } }
       fragment Cap on Location { capacity }`);
    const [name] = api.requestQueries.at(-1)!;
    // Location: its key, name (aliased) and capacity (in a fragment); nothing else, e.g. no description.
    expect(name).toMatch(/\)\[capacity,id,name\]$/);
    expect(name).toContain(
      'locationInspections[id,startDate](inspectionRequirements[dueDate,id,position])',
    );

    // A field not selected is not fetched: the rows the query returns carry only the projected properties.
    const steps = [
      {
        kind: 'page' as const,
        page: 'locationInspections' as const,
        request: { skip: 0, limit: 3 },
        count: false,
        fields: ['id', 'type'],
        children: [],
      },
    ];
    const { query, params } = listQuery('locations', 'ID', 'ASC', false, steps, ['id', 'name']);
    const [row] = await api.graph.db.read(query, {
      ...params,
      skip: 0,
      limit: 4,
      f: listParams.locations(null),
    });
    const items = row!.items;
    expect(items).toHaveLength(4);
    // Each item is its node's properties with the levels read under it beside them (`@s0`).
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual(['@s0', 'id', 'name']);
      const inspections = (item['@s0'] as { items: Json[] }).items;
      expect(inspections.length).toBeGreaterThan(0);
      for (const inspection of inspections)
        expect(Object.keys(inspection).sort()).toEqual(['id', 'type']);
    }
    // The same list read whole has more than that.
    const whole = await api.graph.db.read(listQuery('locations', 'ID', 'ASC', false).query, {
      skip: 0,
      limit: 4,
      f: listParams.locations(null),
    });
    expect(
      whole[0]!.items.some((item) =>
        Object.keys(item).some((key) => key !== 'id' && key !== 'name'),
      ),
    ).toBe(true);
  });

  it('reads a node whole where it has no row fields to project (a regulator code), and the rest by key', async () => {
    await ask('{ locations(first: 1) { nodes { __typename id regulators } } }');
    expect(api.requestQueries.at(-1)).toEqual([
      'list.locations.NAME.ASC.uncounted.with(locationRegulators)[id]',
    ]);
  });

  it('leaves a nested connection with a filter to its loader, with the right results', async () => {
    const data = await ask<{
      locations: { nodes: { inspections: { nodes: { id: string; findings: Json }[] } }[] };
    }>(
      `{ locations(first: 4, sort: { field: ID, direction: ASC }) { nodes { inspections(first: 10) { nodes { id
           findings(first: 3, filter: { polarity: CONCERN }) { totalCount nodes { id polarity } } } } } } }`,
    );
    const names = api.requestQueries.at(-1)!;
    expect(names).toContain('page.inspectionFindings');
    expect(names).toHaveLength(2);
    const inspections = data.locations.nodes.flatMap((l) => l.inspections.nodes);
    expect(inspections.length).toBeGreaterThan(4);
    for (const inspection of inspections) {
      const alone = await ask<{ inspection: { findings: Json } }>(
        'query ($id: ID!) { inspection(id: $id) { findings(first: 3, filter: { polarity: CONCERN }) { totalCount nodes { id polarity } } } }',
        { id: inspection.id },
      );
      expect(inspection.findings).toEqual(alone.inspection.findings);
    }
    const concerns = inspections.flatMap(
      (i) => (i.findings as { nodes: { polarity: string }[] }).nodes,
    );
    expect(concerns.length).toBeGreaterThan(0);
    expect(concerns.every((f) => f.polarity === 'CONCERN')).toBe(true);
  });

  it('still refuses a bad cursor in a nested connection', async () => {
    const response = await postGraphQL(
      api.server.url,
      '{ locations(first: 2) { nodes { inspections(after: "nope") { nodes { id } } } } }',
    );
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('counts only when totalCount is selected, and knows hasNextPage either way', async () => {
    const page = await ask<{ locations: { nodes: Json[]; pageInfo: { hasNextPage: boolean } } }>(
      '{ locations(first: 2) { nodes { id } pageInfo { hasNextPage } } }',
    );
    expect(api.requestQueries.at(-1)).toEqual(['list.locations.NAME.ASC.uncounted[id]']);
    expect(page.locations).toMatchObject({ pageInfo: { hasNextPage: true } });
    expect(page.locations.nodes).toHaveLength(2);
    const last = await ask<{ locations: { pageInfo: { hasNextPage: boolean } } }>(
      '{ locations(first: 4) { pageInfo { hasNextPage } } }',
    );
    expect(last.locations.pageInfo.hasNextPage).toBe(false);
    const counted = await ask<{ locations: { totalCount: number } }>(
      '{ locations(first: 2) { totalCount } }',
    );
    expect(api.requestQueries.at(-1)).toEqual(['list.locations.NAME.ASC[id]']);
    expect(counted.locations.totalCount).toBe(4);

    await ask(
      '{ location(id: "ofsted:1247390") { inspections(first: 2) { pageInfo { hasNextPage } nodes { id } } } }',
    );
    expect(api.requestQueries.at(-1)).toEqual([
      'nodes.location',
      'page.locationInspections.uncounted',
    ]);
    expect(listQuery('locations', 'NAME', 'ASC', false).query.cypher).not.toMatch(/count\(/);
    expect(listQuery('locations', 'NAME', 'ASC', true).query.cypher).toMatch(/count\(m\)/);
  });

  it('tests only the filters a list request sets, false and empty lists included as set or not as they mean', async () => {
    await ask('{ locations(first: 2) { nodes { id } } }');
    expect(api.requestQueries.at(-1)).toEqual(['list.locations.NAME.ASC.uncounted[id]']);
    const none = await ask<{ locations: { nodes: Json[] } }>(
      '{ locations(first: 2, filter: { region: "Nowhere" }) { nodes { id } } }',
    );
    expect(api.requestQueries.at(-1)).toEqual([
      'list.locations.NAME.ASC.uncounted.where(region)[id]',
    ]);
    expect(none.locations.nodes).toEqual([]);
    const all = await ask<{ inspections: { totalCount: number } }>(
      '{ inspections(filter: { grades: [] }) { totalCount } }',
    );
    expect(api.requestQueries.at(-1)![0]).not.toMatch(/\.where\(/);
    const withReport = await ask<{
      inspections: { totalCount: number; nodes: { hasReport: boolean }[] };
    }>(
      '{ inspections(first: 100, filter: { hasReport: true }) { totalCount nodes { hasReport } } }',
    );
    const without = await ask<{
      inspections: { totalCount: number; nodes: { hasReport: boolean }[] };
    }>(
      '{ inspections(first: 100, filter: { hasReport: false }) { totalCount nodes { hasReport } } }',
    );
    expect(api.requestQueries.at(-1)![0]).toMatch(/\.where\(hasReport\)/);
    expect(withReport.inspections.nodes.every((i) => i.hasReport)).toBe(true);
    expect(without.inspections.nodes.every((i) => !i.hasReport)).toBe(true);
    expect(withReport.inspections.totalCount + without.inspections.totalCount).toBe(
      all.inspections.totalCount,
    );
    expect(without.inspections.totalCount).toBeGreaterThan(0);
  });

  it('answers each cross-report question as the benchmark asks it in one query, from its summary when it has a fresh one', async () => {
    await refreshSummaries(api.graph.db);
    const search = await ask<{ search: { finding: { id: string } | null }[] }>(
      '{ search(text: "medication", first: 5) { finding { id } } }',
    );
    const findingId = search.search.find((hit) => hit.finding)!.finding!.id;
    const questions: [string, string][] = [
      [
        'analytics.repeated-breaches',
        '{ repeatedBreaches(minInspections: 2, first: 20) { nodes { location { id name } provider { name } regulation { id heading } inspectionCount inspections { id } requirements { text dueDate } } } }',
      ],
      [
        'analytics.breach-counts',
        '{ breachCounts(groupBy: [REGULATION, LEGISLATION, PROVIDER, YEAR], first: 50) { nodes { regulation { id heading } legislation { id } provider { name } year requirementCount } } }',
      ],
      [
        'analytics.theme-trends',
        '{ themeTrends(interval: YEAR) { theme { id label } period findingCount } }',
      ],
      [
        'analytics.theme-cooccurrence',
        '{ themeCooccurrence(first: 20) { nodes { first { id } second { id label } findingCount } } }',
      ],
      [
        'analytics.rating-changes',
        '{ ratingChanges(first: 50) { nodes { location { id name } provider { name } before { id overallGrade } after { id overallGrade } direction } } }',
      ],
      [
        'search.fulltext',
        '{ search(text: "medication records", first: 20) { kind finding { id text } requirement { id text } inspection { id } location { id } } }',
      ],
      [
        'search.related-findings',
        `{ relatedFindings(findingId: "${findingId}", first: 10) { score finding { id text } } }`,
      ],
    ];
    for (const [name, query] of questions) {
      const ahead = await postGraphQL(api.server.url, query);
      expect(ahead.body.errors, name).toBeUndefined();
      const sent = api.requestQueries.at(-1)!;
      expect(sent, name).toHaveLength(1);
      expect([name, `${name}.summary`], name).toContain(sent[0]);
      expect(ahead.body, name).toEqual((await postGraphQL(plain.url, query)).body);
    }
  });
});
