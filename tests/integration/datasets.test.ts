/**
 * Data files into the real Neo4j: rows and reports of the same home, LA or CQC location meet on
 * one node; providers of different sources are linked SAME_AS with the rule that matched them;
 * re-ingesting changes nothing; a bad row is reported and the rest loads.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineQuery, defineStatement, read } from '../../src/db/query.ts';
import { runMigrations } from '../../src/app/prepare-graph.ts';
import type { DataFileKind } from '../../src/ingest/datasets/detect.ts';
import { ingestDataFile, type DataFileResult } from '../../src/load/ingest-data-file.ts';
import { linkProviders } from '../../src/graph/write/link-providers.ts';
import { ingestFile } from '../../src/load/ingest-files.ts';
import { startServer } from '../../src/server/app.ts';
import { askGraphQL } from '../support/http.ts';
import { connectTestGraph, resetTestGraph, type TestGraph } from '../support/test-graph.ts';

const FIXTURES = 'tests/fixtures/corpus/datasets';

const inspectionsOf = defineQuery<
  { locationId: string },
  {
    id: string;
    hasReport: boolean;
    grade: string | null;
    publishedOn: string | null;
    eventNumber: string | null;
    previous: string | null;
    judgements: number;
  }
>({
  name: 'test.datasets.inspections-of',
  cypher: `MATCH (:Location {id: $locationId})<-[:OF]-(i:Inspection)
           OPTIONAL MATCH (i)-[:PREVIOUS]->(p:Inspection)
           RETURN i.id AS id, i.hasReport AS hasReport, i.overallGrade AS grade, toString(i.publishedOn) AS publishedOn,
                  i.eventNumber AS eventNumber, p.id AS previous, COUNT { (i)-[:HAS_JUDGEMENT]->() } AS judgements
           ORDER BY i.startDate`,
  parse: (row) => ({
    id: read.string(row, 'id'),
    hasReport: read.boolean(row, 'hasReport'),
    grade: read.optionalString(row, 'grade'),
    publishedOn: read.optionalString(row, 'publishedOn'),
    eventNumber: read.optionalString(row, 'eventNumber'),
    previous: read.optionalString(row, 'previous'),
    judgements: read.number(row, 'judgements'),
  }),
});

const locationFacts = defineQuery<
  { id: string },
  { nodes: number; props: Record<string, unknown>; recordedIn: string[]; reportedIn: number }
>({
  name: 'test.datasets.location',
  cypher: `MATCH (l:Location {id: $id})
           RETURN count(l) AS nodes, properties(l) AS props,
                  [(l)-[rec:RECORDED_IN]->(r:Report) | r.family + ' row ' + toString(rec.row)] AS recordedIn,
                  COUNT { (l)<-[:OF]-(:Inspection)-[:REPORTED_IN]->(:Report) } AS reportedIn`,
  parse: (row) => ({
    nodes: read.number(row, 'nodes'),
    props: read.map(row, 'props') as Record<string, unknown>,
    recordedIn: read.strings(row, 'recordedIn'),
    reportedIn: read.number(row, 'reportedIn'),
  }),
});

const judgementsOf = defineQuery<
  { id: string },
  { area: string; grade: string | null; family: string }
>({
  name: 'test.datasets.judgements-of',
  cypher:
    'MATCH (:Inspection {id: $id})-[:HAS_JUDGEMENT]->(j:Judgement) RETURN j.area AS area, j.grade AS grade, j.family AS family ORDER BY j.ordinal',
  parse: (row) => ({
    area: read.string(row, 'area'),
    grade: read.optionalString(row, 'grade'),
    family: read.string(row, 'family'),
  }),
});

const recordedRows = defineQuery<{ id: string }, { family: string; fileName: string; row: number }>(
  {
    name: 'test.datasets.recorded-rows',
    cypher:
      'MATCH (:Inspection {id: $id})-[rec:RECORDED_IN]->(r:Report) RETURN r.family AS family, r.fileName AS fileName, rec.row AS row ORDER BY family',
    parse: (row) => ({
      family: read.string(row, 'family'),
      fileName: read.string(row, 'fileName'),
      row: read.number(row, 'row'),
    }),
  },
);

const sameAsLinks = defineQuery<object, { from: string; to: string; rule: string; value: string }>({
  name: 'test.datasets.same-as',
  cypher:
    'MATCH (a:Provider)-[s:SAME_AS]->(b:Provider) RETURN a.id AS from, b.id AS to, s.rule AS rule, s.value AS value ORDER BY from, to',
  parse: (row) => ({
    from: read.string(row, 'from'),
    to: read.string(row, 'to'),
    rule: read.string(row, 'rule'),
    value: read.string(row, 'value'),
  }),
});

const graphSize = defineQuery<object, { nodes: number; relationships: number }>({
  name: 'test.datasets.graph-size',
  cypher: 'MATCH (n) RETURN count(n) AS nodes, COUNT { ()-[]->() } AS relationships',
  parse: (row) => ({
    nodes: read.number(row, 'nodes'),
    relationships: read.number(row, 'relationships'),
  }),
});

/** No Ofsted file in the corpus gives a Companies House number; a future source would set it like this. */
const setCompaniesHouseNumber = defineStatement<{ id: string; number: string }>(
  'test.datasets.set-companies-house-number',
  'MATCH (p:Provider {id: $id}) SET p.companiesHouseNumber = $number',
);

describe('data files in the real Neo4j', () => {
  let graph: TestGraph;

  const ingest = (name: string, kind: DataFileKind, force = false): Promise<DataFileResult> =>
    ingestDataFile(path.join(FIXTURES, name), kind, { db: graph.db, force });
  const ingestReport = async (file: string) => {
    const result = await ingestFile(file, { db: graph.db, force: false, meta: null });
    expect([file, result.status]).toEqual([file, 'loaded']);
  };

  beforeAll(async () => {
    graph = connectTestGraph();
    await resetTestGraph(graph);
    await runMigrations(graph.db, { seedDir: null, log: () => {} });
  });
  afterAll(async () => graph.close());

  it('an Ofsted data row and the report of the same inspection meet on one Location and one Inspection', async () => {
    await ingestReport('tests/fixtures/reports/sc999001-2023-02-14.txt');
    const result = await ingest('ofsted_sc_inspections_seed_urn.csv', 'ofsted-sc-inspections');
    expect([result.status, result.message]).toEqual([
      'loaded',
      'ofsted-sc-inspections, 3 rows, 1 locations, 0 providers, 3 inspections',
    ]);

    const location = (await graph.db.read(locationFacts, { id: 'ofsted:SC999001' }))[0]!;
    expect(location.nodes).toBe(1);
    // The report's values stay; the row fills what the report does not give.
    expect(location.props).toMatchObject({
      urn: 'SC999001',
      capacity: 4,
      region: 'North West',
      localAuthority: 'Cheshire West and Chester',
      registrationStatus: 'Active',
      sector: 'Private',
    });
    expect(location.props).not.toHaveProperty('name');
    expect(location.recordedIn).toEqual(['ofsted-sc-inspections row 5']);

    const inspections = await graph.db.read(inspectionsOf, { locationId: 'ofsted:SC999001' });
    expect(
      inspections.map((i) => [
        i.id,
        i.hasReport,
        i.grade,
        i.publishedOn,
        i.eventNumber,
        i.judgements,
      ]),
    ).toEqual([
      ['ofsted:SC999001:2019-11-04:full', false, 'GOOD', null, null, 0],
      ['ofsted:SC999001:2021-07-21:full', false, 'GOOD', null, null, 0],
      // A history row of the report; the data row adds its publication date and event number, and its judgements.
      [
        'ofsted:SC999001:2022-03-08:full',
        false,
        'REQUIRES_IMPROVEMENT',
        '2022-04-05',
        '10212345',
        3,
      ],
      // The report's own inspection: its three judgements, not three more from the row.
      ['ofsted:SC999001:2023-02-14:full', true, 'INADEQUATE', '2023-03-16', '10234567', 3],
      // A monitoring visit no report describes.
      ['ofsted:SC999001:2023-06-20:monitoring', false, null, '2023-07-11', '10245678', 0],
    ]);
    expect(inspections.map((i) => i.previous)).toEqual([
      null,
      ...inspections.slice(0, -1).map((i) => i.id),
    ]);
    expect(await graph.db.read(recordedRows, { id: 'ofsted:SC999001:2023-02-14:full' })).toEqual([
      { family: 'ofsted-sc-inspections', fileName: 'ofsted_sc_inspections_seed_urn.csv', row: 4 },
    ]);
  });

  it("a report loaded after the data row takes over the row's judgements instead of adding its own beside them", async () => {
    const before = await graph.db.read(judgementsOf, { id: 'ofsted:SC999001:2022-03-08:full' });
    expect(before.map((j) => j.family)).toEqual([
      'ofsted-sc-inspections',
      'ofsted-sc-inspections',
      'ofsted-sc-inspections',
    ]);
    await ingestReport('tests/fixtures/reports/sc999001-2022-03-08.txt');
    const after = await graph.db.read(judgementsOf, { id: 'ofsted:SC999001:2022-03-08:full' });
    expect(after.map((j) => [j.area, j.grade, j.family])).toEqual([
      [
        'Overall experiences and progress of children and young people',
        'REQUIRES_IMPROVEMENT',
        'ofsted-childrens-home',
      ],
      [
        'How well children and young people are helped and protected',
        'REQUIRES_IMPROVEMENT',
        'ofsted-childrens-home',
      ],
      [
        'The effectiveness of leaders and managers',
        'REQUIRES_IMPROVEMENT',
        'ofsted-childrens-home',
      ],
    ]);
  });

  it('the 2023 ILACS row of Barnsley and its ILACS report meet on one inspection, and the LA lookup adds its codes', async () => {
    await ingestReport('tests/fixtures/corpus/text/ofsted-ilacs_80426_barnsley_2018-11-19.txt');
    expect(
      (await ingest('ofsted_la_ilacs_judgements_2023_slice.csv', 'ofsted-la-ilacs-judgements'))
        .status,
    ).toBe('loaded');
    expect((await ingest('ofsted_la_urn_lookup_slice.csv', 'ofsted-la-urn-lookup')).status).toBe(
      'loaded',
    );
    const inspections = await graph.db.read(inspectionsOf, { locationId: 'la:80426' });
    expect(inspections.map((i) => [i.id, i.hasReport, i.grade, i.judgements])).toEqual([
      ['la:80426:2018-10-08:full', true, 'GOOD', 4],
    ]);
    const location = (await graph.db.read(locationFacts, { id: 'la:80426' }))[0]!;
    expect(location.props).toMatchObject({
      name: 'Barnsley',
      laCode: '370',
      onsCode: 'E08000038',
      region: 'Yorkshire and the Humber',
    });
    expect(location.recordedIn.sort()).toEqual([
      'ofsted-la-ilacs-judgements row 4',
      'ofsted-la-urn-lookup row 4',
    ]);
  });

  it('a CQC API record and the CQC listing give one Location for the same location id', async () => {
    await ingestReport('tests/fixtures/corpus/cqc/cqc_1-119142905_api-location.json');
    const result = await ingest(
      'cqc_api_oldham_2025/locations_slice.json',
      'cqc-api-location-listing',
    );
    expect([result.status, result.rows, result.rowProblems]).toEqual(['loaded', 21, []]);
    const location = (await graph.db.read(locationFacts, { id: 'cqc:1-119142905' }))[0]!;
    expect(location.nodes).toBe(1);
    expect(location.props).toMatchObject({
      cqcId: '1-119142905',
      name: 'Care at Parkside',
      postcode: 'OL9 7QW',
    });
    expect(location.reportedIn).toBeGreaterThan(0);
    expect(location.recordedIn).toHaveLength(1);
  });

  it('links an Ofsted owner and a CQC provider by normalised name, then by Companies House number, and re-running changes nothing', async () => {
    expect(
      (
        await ingest(
          'ofsted_childrens_homes_private_ownership_buzzfeed_2018_slice.csv',
          'ofsted-ch-ownership',
        )
      ).status,
    ).toBe('loaded');
    expect(
      (
        await ingest(
          'cqc_adult_social_care_locations_market_characteristics_slice.csv',
          'cqc-asc-market',
        )
      ).status,
    ).toBe('loaded');
    expect(await linkProviders(graph.db)).toBe(2);
    expect(await graph.db.read(sameAsLinks, {})).toEqual([
      {
        from: 'cqc-provider:1-101683680',
        to: 'ofsted-provider:potensial-limited',
        rule: 'normalised-name',
        value: 'potensial',
      },
      {
        from: 'cqc-provider:1-119235696',
        to: 'ofsted-provider:consensus-support-services-limited',
        rule: 'normalised-name',
        value: 'consensus support services',
      },
    ]);
    const size = await graph.db.read(graphSize, {});
    expect(await linkProviders(graph.db)).toBe(2);
    expect(await graph.db.read(graphSize, {})).toEqual(size);

    // The Ofsted owner gets Potensial's Companies House number: the link is upgraded, not doubled.
    await graph.db.write(setCompaniesHouseNumber, {
      id: 'ofsted-provider:potensial-limited',
      number: '05846789',
    });
    // A conflicting number on the Consensus owner: same name, different companies, so no link.
    await graph.db.write(setCompaniesHouseNumber, {
      id: 'ofsted-provider:consensus-support-services-limited',
      number: '99999999',
    });
    expect(await linkProviders(graph.db)).toBe(1);
    expect(await graph.db.read(sameAsLinks, {})).toEqual([
      {
        from: 'cqc-provider:1-101683680',
        to: 'ofsted-provider:potensial-limited',
        rule: 'companies-house-number',
        value: '05846789',
      },
    ]);
    expect(await linkProviders(graph.db)).toBe(1);
  });

  it('serves the match through GraphQL from either side, with its rule and the Companies House number', async () => {
    const server = await startServer({ host: '127.0.0.1', port: 0, ingestToken: null }, graph.db);
    try {
      type Match = {
        rule: string;
        value: string;
        provider: { id: string; name: string | null; companiesHouseNumber: string | null };
      };
      const data = await askGraphQL<{
        cqc: { companiesHouseNumber: string | null; sameAs: Match[] };
        ofsted: { sameAs: Match[] };
        alone: { sameAs: Match[] };
      }>(
        server.url,
        `{ cqc: provider(id: "cqc-provider:1-101683680") { companiesHouseNumber sameAs { rule value provider { id name companiesHouseNumber } } }
           ofsted: provider(id: "ofsted-provider:potensial-limited") { sameAs { rule value provider { id name companiesHouseNumber } } }
           alone: provider(id: "ofsted-provider:consensus-support-services-limited") { sameAs { rule value provider { id name companiesHouseNumber } } } }`,
      );
      expect(data.cqc).toEqual({
        companiesHouseNumber: '05846789',
        sameAs: [
          {
            rule: 'COMPANIES_HOUSE_NUMBER',
            value: '05846789',
            provider: {
              id: 'ofsted-provider:potensial-limited',
              name: 'Potensial Ltd',
              companiesHouseNumber: '05846789',
            },
          },
        ],
      });
      expect(data.ofsted.sameAs).toEqual([
        {
          rule: 'COMPANIES_HOUSE_NUMBER',
          value: '05846789',
          provider: {
            id: 'cqc-provider:1-101683680',
            name: 'Potensial Limited',
            companiesHouseNumber: '05846789',
          },
        },
      ]);
      expect(data.alone.sameAs).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  it('loads a data file once: the same bytes again are unchanged, unless forced, and forcing changes nothing', async () => {
    const again = await ingest(
      'ofsted_childrens_homes_private_ownership_buzzfeed_2018_slice.csv',
      'ofsted-ch-ownership',
    );
    expect(again.status).toBe('unchanged');
    const size = await graph.db.read(graphSize, {});
    const forced = await ingest(
      'ofsted_childrens_homes_private_ownership_buzzfeed_2018_slice.csv',
      'ofsted-ch-ownership',
      true,
    );
    expect(forced.status).toBe('loaded');
    expect(await graph.db.read(graphSize, {})).toEqual(size);
  });

  it('a file with bad rows loads the rest and reports each bad row in one line', async () => {
    const result = await ingest('ofsted_sc_inspections_bad_rows.csv', 'ofsted-sc-inspections');
    expect(result.status).toBe('loaded');
    expect(result.rows).toBe(8);
    expect(result.rowProblems).toEqual([
      { row: 6, message: 'inspection date "31/02/2018" is not a valid dd/mm/yyyy date' },
      { row: 7, message: 'URN "n/a" is not an Ofsted URN' },
      { row: 8, message: 'malformed CSV: text after a closing quote in column 6' },
    ]);
    // The good rows around the bad ones are in; the home of the bad-date row got nothing from it.
    for (const [urn, id] of [
      ['1027077', 'ofsted:1027077:2017-10-06:full'],
      ['1027083', 'ofsted:1027083:2017-08-17:full'],
    ]) {
      expect(
        (await graph.db.read(inspectionsOf, { locationId: `ofsted:${urn}` })).map((i) => i.id),
      ).toEqual([id]);
    }
    expect(await graph.db.read(inspectionsOf, { locationId: 'ofsted:1027158' })).toEqual([]);
  });

  it('loads every other fixture slice without a failure', async () => {
    const files: [string, DataFileKind][] = [
      ['ofsted_sc_inspections_in_year_2017-18_slice.csv', 'ofsted-sc-inspections'],
      ['ofsted_sc_providers_as_at_2018-03-31_slice.csv', 'ofsted-sc-providers'],
      ['cqc_care_directory_head_slice.csv', 'cqc-care-directory'],
      ['cqc_api_locations_devon_carehomes_2021_slice.csv', 'cqc-api-locations-csv'],
      ['cqc_api_oldham_2025/providers.json', 'cqc-api-provider-listing'],
      ['cqc_api_oldham_2025/provider_details.jsonl', 'cqc-api-provider-details'],
    ];
    for (const [name, kind] of files) {
      const result = await ingest(name, kind);
      expect([name, result.status, result.rowProblems]).toEqual([name, 'loaded', []]);
    }
    const devon = await graph.db.read(inspectionsOf, { locationId: 'cqc:1-1000587219' });
    // The current rating's report rated all five key questions: a full inspection.
    expect(devon.map((i) => i.id)).toContain('cqc:1-1000587219:2020-01-17:full');
    expect(devon.every((i) => !i.hasReport)).toBe(true);
  });
});
