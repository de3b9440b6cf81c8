/**
 * Issue 18, items 1 and 3, against the real Neo4j: regions and local authorities line up whatever
 * the source wrote, filters take any case, name or code, and provider groups join providers by
 * SAME_AS and by an ownership row. Expected values are hand-checked rows of the fixture files
 * (tests/fixtures/corpus/datasets/README.md) and counts taken from the parsed report documents,
 * not from the graph.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../../src/app/prepare-graph.ts';
import type { DataFileKind } from '../../src/ingest/datasets/detect.ts';
import { buildReportDocument } from '../../src/ingest/pipeline.ts';
import { completePostLoadSteps } from '../../src/graph/write/post-load-steps.ts';
import { ingestDataFile } from '../../src/load/ingest-data-file.ts';
import { ingestFile } from '../../src/load/ingest-files.ts';
import { startServer, type RunningServer } from '../../src/server/app.ts';
import { askGraphQL } from '../support/http.ts';
import { connectTestGraph, resetTestGraph, type TestGraph } from '../support/test-graph.ts';

const DATASETS = 'tests/fixtures/corpus/datasets';
const REPORTS = 'tests/fixtures/reports';
const FIXTURE_REPORTS = [
  'sc999001-2022-03-08.txt',
  'sc999001-2023-02-14.txt',
  'sc999002-2023-05-10.txt',
];

/** CQC locations in London: care-directory Region "London" and ASC-market "Greater London (ADASS Region)" rows. */
const LONDON = [
  'cqc:1-14251653878', // ASC market, Greenwich
  'cqc:1-1435221697', // ASC market, Enfield
  'cqc:1-19508334125', // care directory, Tower Hamlets
  'cqc:1-2214255895', // care directory, Bexley
  'cqc:1-23272936544', // care directory, Redbridge
  'cqc:1-416824371', // care directory, Westminster
];

const MEADOWBANK_GROUP = 'provider-group:ofsted-provider:meadowbank-care-group-limited';

let graph: TestGraph;
let server: RunningServer;

async function ask<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return askGraphQL<T>(server.url, query, variables);
}

beforeAll(async () => {
  graph = connectTestGraph();
  await resetTestGraph(graph);
  await runMigrations(graph.db, { seedDir: null, log: () => {} });
  for (const name of FIXTURE_REPORTS) {
    const result = await ingestFile(path.join(REPORTS, name), {
      db: graph.db,
      force: false,
      meta: null,
    });
    if (result.status !== 'loaded') throw new Error(`${name}: ${result.message}`);
  }
  const files: [string, DataFileKind][] = [
    ['ofsted_sc_inspections_seed_urn.csv', 'ofsted-sc-inspections'],
    ['cqc_care_directory_head_slice.csv', 'cqc-care-directory'],
    ['cqc_adult_social_care_locations_market_characteristics_slice.csv', 'cqc-asc-market'],
    ['ofsted_childrens_homes_private_ownership_buzzfeed_2018_slice.csv', 'ofsted-ch-ownership'],
    ['ofsted_ownership_fixture_homes.csv', 'ofsted-ch-ownership'],
  ];
  for (const [name, kind] of files) {
    const result = await ingestDataFile(path.join(DATASETS, name), kind, {
      db: graph.db,
      force: false,
    });
    if (result.status !== 'loaded') throw new Error(`${name}: ${result.message}`);
  }
  await completePostLoadSteps(graph.db);
  server = await startServer({ host: '127.0.0.1', port: 0, ingestToken: null }, graph.db);
});

afterAll(async () => {
  await server?.stop();
  await graph?.close();
});

type Ids = { locations: { totalCount: number; nodes: { id: string }[] } };

describe('places that line up', () => {
  it('a region filter by any case, ONS code or alias gives the rows "London" gives', async () => {
    const query = `query ($region: String) { locations(first: 100, sort: { field: ID }, filter: { region: $region }) { totalCount nodes { id } } }`;
    const answers = await Promise.all(
      ['London', 'london', 'E12000007', 'LONDON', 'Greater London'].map((region) =>
        ask<Ids>(query, { region }),
      ),
    );
    expect(answers[0]!.locations.nodes.map((n) => n.id)).toEqual(LONDON);
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
  });

  it('normalises what each source wrote and keeps the text', async () => {
    const data = await ask<Record<string, Record<string, string | null>>>(`{
      east: location(id: "cqc:1-11647306224") { region regionCode regionText localAuthority localAuthorityCode localAuthorityText }
      yorks: location(id: "cqc:1-388952317") { region regionCode regionText localAuthority localAuthorityCode localAuthorityText }
      noRegion: location(id: "cqc:1-1435221697") { region regionCode regionText localAuthority localAuthorityCode localAuthorityText }
      home: location(id: "ofsted:SC999001") { region regionCode regionText localAuthority localAuthorityCode localAuthorityText }
    }`);
    expect(data).toEqual({
      // Care directory: Region "East", Local authority "Essex".
      east: {
        region: 'East of England',
        regionCode: 'E12000006',
        regionText: 'East',
        localAuthority: 'Essex',
        localAuthorityCode: 'E10000012',
        localAuthorityText: 'Essex',
      },
      // Care directory: "Yorkshire & Humberside", "Kingston upon Hull, City of".
      yorks: {
        region: 'Yorkshire and the Humber',
        regionCode: 'E12000003',
        regionText: 'Yorkshire & Humberside',
        localAuthority: 'Kingston upon Hull',
        localAuthorityCode: 'E06000010',
        localAuthorityText: 'Kingston upon Hull, City of',
      },
      // ASC market: only "Location Local Authority" Enfield is read, so the region is Enfield's.
      noRegion: {
        region: 'London',
        regionCode: 'E12000007',
        regionText: null,
        localAuthority: 'Enfield',
        localAuthorityCode: 'E09000010',
        localAuthorityText: 'Enfield',
      },
      // The report names no region; the Ofsted export's row does.
      home: {
        region: 'North West',
        regionCode: 'E12000002',
        regionText: 'North West',
        localAuthority: 'Cheshire West and Chester',
        localAuthorityCode: 'E06000050',
        localAuthorityText: 'Cheshire West and Chester',
      },
    });
  });

  it('breachCounts and the inspection list filter a region by name, code or case alike', async () => {
    type Counts = {
      breachCounts: { nodes: { region: string; requirementCount: number }[] };
      inspections: { totalCount: number };
    };
    const query = `query ($region: String) {
      breachCounts(groupBy: [REGION], filter: { region: $region }) { nodes { region requirementCount } }
      inspections(first: 100, filter: { region: $region }) { totalCount } }`;
    const answers = await Promise.all(
      ['North West', 'north west', 'E12000002', 'NW'].map((region) =>
        ask<Counts>(query, { region }),
      ),
    );
    // SC999001 is the one North West location with requirements: its two reports' tables.
    const requirements = ['sc999001-2022-03-08.txt', 'sc999001-2023-02-14.txt']
      .map(parseFixture)
      .reduce((n, doc) => n + doc.requirements.length, 0);
    expect(answers[0]!.breachCounts.nodes).toEqual([
      { region: 'North West', requirementCount: requirements },
    ]);
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
  });

  it('lists the regions and local authorities with codes and counts', async () => {
    const data = await ask<{
      regions: { name: string; code: string; locationCount: number }[];
      localAuthorities: { name: string; code: string | null; locationCount: number }[];
      reportFamilies: { family: string; reportCount: number }[];
    }>(`{ regions { name code locationCount }
          localAuthorities(region: "e12000007") { name code locationCount }
          reportFamilies { family reportCount } }`);
    expect(data.regions).toHaveLength(9);
    expect(data.regions.find((r) => r.code === 'E12000007')).toEqual({
      name: 'London',
      code: 'E12000007',
      locationCount: LONDON.length,
    });
    expect(data.localAuthorities).toHaveLength(33);
    expect(data.localAuthorities.filter((la) => la.locationCount > 0)).toEqual([
      { name: 'Bexley', code: 'E09000004', locationCount: 1 },
      { name: 'Enfield', code: 'E09000010', locationCount: 1 },
      { name: 'Greenwich', code: 'E09000011', locationCount: 1 },
      { name: 'Redbridge', code: 'E09000026', locationCount: 1 },
      { name: 'Tower Hamlets', code: 'E09000030', locationCount: 1 },
      { name: 'Westminster', code: 'E09000033', locationCount: 1 },
    ]);
    expect(data.reportFamilies.find((f) => f.family === 'ofsted-childrens-home')).toEqual({
      family: 'ofsted-childrens-home',
      reportCount: 3,
    });
  });
  it('gives the catalogue lists themes and legislation their counts, as the parsed reports give them', async () => {
    const docs = FIXTURE_REPORTS.map(parseFixture);
    const data = await ask<{
      themes: { id: string; findingCount: number }[];
      legislation: { id: string; requirementCount: number }[];
    }>(`{ themes { id findingCount } legislation { id requirementCount } }`);
    for (const theme of data.themes) {
      const expected = docs
        .flatMap((d) => d.findings)
        .filter((f) => f.themes.some((t) => t.id === theme.id)).length;
      expect([theme.id, theme.findingCount]).toEqual([theme.id, expected]);
    }
    expect(data.themes.some((t) => t.findingCount > 0)).toBe(true);
    for (const legislation of data.legislation) {
      const expected = docs
        .flatMap((d) => d.requirements)
        .filter((r) => r.regulation?.legislation === legislation.id).length;
      expect([legislation.id, legislation.requirementCount]).toEqual([legislation.id, expected]);
    }
  });
});

function parseFixture(name: string) {
  const text = readFileSync(path.join(REPORTS, name), 'utf8');
  const result = buildReportDocument({ text, fileName: name, format: 'txt' });
  if (!result.ok) throw new Error(`${name}: ${result.message}`);
  return result.document;
}

describe('provider groups', () => {
  it('joins a registered provider and the owner an ownership row names', async () => {
    const data = await ask<{
      providerGroup: {
        name: string;
        providers: { id: string }[];
        locations: { totalCount: number; nodes: { id: string }[] };
      };
      location: { providerGroup: { id: string } };
    }>(`{ providerGroup(id: "${MEADOWBANK_GROUP}") {
            name providers { id } locations(first: 10) { totalCount nodes { id } } }
          location(id: "ofsted:SC999001") { providerGroup { id } } }`);
    expect(data.providerGroup).toEqual({
      // Meadowbank Care Services Limited runs both homes, the owner one.
      name: 'Meadowbank Care Services Limited',
      providers: [
        { id: 'ofsted-provider:meadowbank-care-group-limited' },
        { id: 'ofsted-provider:meadowbank-care-services-limited' },
      ],
      locations: {
        totalCount: 2,
        nodes: [{ id: 'ofsted:SC999001' }, { id: 'ofsted:SC999002' }],
      },
    });
    expect(data.location.providerGroup.id).toBe(MEADOWBANK_GROUP);
  });

  it('joins providers of two sources linked SAME_AS', async () => {
    const data = await ask<{
      provider: { group: { id: string; providers: { id: string }[] } };
      providerGroups: { nodes: { id: string; providerCount: number }[] };
    }>(`{ provider(id: "ofsted-provider:potensial-limited") { group { id providers { id } } }
          providerGroups(nameContains: "potensial") { nodes { id providerCount } } }`);
    expect(data.provider.group.providers).toEqual([
      { id: 'cqc-provider:1-101683680' },
      { id: 'ofsted-provider:potensial-limited' },
    ]);
    expect(data.providerGroups.nodes).toEqual([{ id: data.provider.group.id, providerCount: 2 }]);
  });

  it('breachCounts by PROVIDER_GROUP counts what the reports of the group’s homes require', async () => {
    const docs = FIXTURE_REPORTS.map(parseFixture);
    const withRequirements = docs.filter((d) => d.requirements.length > 0);
    const expected = {
      providerGroup: { id: MEADOWBANK_GROUP },
      requirementCount: docs.reduce((n, d) => n + d.requirements.length, 0),
      locationCount: new Set(withRequirements.map((d) => d.location.id)).size,
      inspectionCount: withRequirements.length,
    };
    const data = await ask<{
      all: { nodes: unknown[] };
      one: { nodes: { requirementCount: number }[] };
    }>(`{ all: breachCounts(groupBy: [PROVIDER_GROUP]) {
            nodes { providerGroup { id } requirementCount locationCount inspectionCount } }
          one: breachCounts(groupBy: [REGULATION], filter: { providerGroupId: "${MEADOWBANK_GROUP}" }) {
            nodes { requirementCount } } }`);
    expect(data.all.nodes).toEqual([expected]);
    expect(data.one.nodes.reduce((n, row) => n + row.requirementCount, 0)).toBe(
      expected.requirementCount,
    );
  });

  it('repeatedBreaches filtered by a group keeps only its homes’ pairs', async () => {
    type Pairs = {
      nodes: { location: { id: string }; regulation: { id: string }; inspectionCount: number }[];
    };
    const query = `query ($group: ID) { repeatedBreaches(providerGroupId: $group, first: 100) {
      nodes { location { id } regulation { id } inspectionCount } } }`;
    const all = await ask<{ repeatedBreaches: Pairs }>(query, { group: null });
    const meadowbank = await ask<{ repeatedBreaches: Pairs }>(query, { group: MEADOWBANK_GROUP });
    const potensial = await ask<{ repeatedBreaches: Pairs }>(query, {
      group: 'provider-group:cqc-provider:1-101683680',
    });
    // Only the Meadowbank homes have reports, so every pair is theirs; SC999001's two inspections
    // both require under CHR2015:12 (tests/golden/answers/repeated-breaches.json).
    expect(all.repeatedBreaches.nodes).toContainEqual({
      location: { id: 'ofsted:SC999001' },
      regulation: { id: 'CHR2015:12' },
      inspectionCount: 2,
    });
    expect(meadowbank.repeatedBreaches.nodes).toEqual(all.repeatedBreaches.nodes);
    expect(potensial.repeatedBreaches.nodes).toEqual([]);
  });
});
