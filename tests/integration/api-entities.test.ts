/** Entities, navigation, pagination, filters, limits, round trips and the ingest mutation over HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { askGraphQL, postGraphQL } from '../support/http.ts';
import {
  FIXTURE_DIR,
  INGEST_TOKEN,
  startApiFixture,
  type ApiFixture,
} from '../support/api-fixture.ts';

type Json = Record<string, unknown>;

describe('entities and navigation', () => {
  let api: ApiFixture;
  const ask = <T = Json>(query: string, variables: Json = {}) =>
    askGraphQL<T>(api.server.url, query, variables);

  beforeAll(async () => {
    api = await startApiFixture();
  });
  afterAll(async () => api.close());

  it('navigates provider → locations → inspections (newest first) → requirements → regulation → legislation, and back', async () => {
    const data = await ask<{ location: Json }>(`{
      location(id: "ofsted:1247390") {
        urn name capacity regulators
        provider { name locations { totalCount nodes { id } } }
        inspections(first: 10) {
          totalCount
          nodes { id startDate hasReport previous { id } }
        }
      }
    }`);
    const location = data.location as {
      urn: string;
      capacity: number;
      regulators: string[];
      provider: Json;
      inspections: { totalCount: number; nodes: Json[] };
    };
    expect(location).toMatchObject({ urn: '1247390', capacity: 8, regulators: ['OFSTED'] });
    expect(location.provider).toEqual({
      name: 'Partnerships In Care 1 Limited',
      locations: { totalCount: 1, nodes: [{ id: 'ofsted:1247390' }] },
    });
    expect(location.inspections.totalCount).toBe(5);
    expect(location.inspections.nodes.map((i) => i.startDate)).toEqual([
      '2019-07-23',
      '2019-02-20',
      '2018-09-26',
      '2018-01-05',
      '2017-07-12',
    ]);
    expect(location.inspections.nodes[0]).toMatchObject({
      hasReport: true,
      previous: { id: 'ofsted:1247390:2019-02-20:interim' },
    });

    const inspection = await ask<{ inspection: Json }>(`{
      inspection(id: "ofsted:1247390:2019-07-23:full") {
        overallGrade regulator people
        judgements { area grade gradeText inspection { id } }
        requirements { paragraphs dueDate complianceNotice regulation { id heading legislation { id } requirements { totalCount } } source { line report { fileName family } } }
        findings(first: 3) { totalCount pageInfo { hasNextPage } nodes { text themes { theme { id } terms } inspection { id } } }
        location { id }
      }
    }`);
    const i = inspection.inspection as Json & {
      requirements: Json[];
      judgements: Json[];
      findings: { totalCount: number; nodes: Json[]; pageInfo: Json };
    };
    expect(i.overallGrade).toBe('INADEQUATE');
    expect(i.regulator).toBe('OFSTED');
    expect(i.judgements).toHaveLength(3);
    expect(
      i.judgements.every((j) => (j.inspection as Json).id === 'ofsted:1247390:2019-07-23:full'),
    ).toBe(true);
    expect(i.requirements).toHaveLength(7);
    expect(i.requirements[0]).toMatchObject({
      dueDate: '2019-09-12',
      regulation: {
        id: 'CHR2015:5',
        legislation: { id: 'CHR2015' },
        requirements: { totalCount: 1 },
      },
      source: { report: { fileName: '000_573f2340e3d978e1.txt', family: 'ofsted-childrens-home' } },
    });
    expect((i.requirements[0]!.source as Json).line).toBeGreaterThan(1);
    expect(i.findings.nodes).toHaveLength(3);
    expect(i.findings.pageInfo).toEqual({ hasNextPage: true });
    expect(
      i.findings.nodes.every((f) => (f.inspection as Json).id === 'ofsted:1247390:2019-07-23:full'),
    ).toBe(true);
  });

  it('links a recommendation back to its inspection and its source line', async () => {
    const data = await ask<{
      inspection: {
        recommendations: { text: string; inspection: { id: string }; source: { line: number } }[];
      };
    }>(
      '{ inspection(id: "ofsted:SC999002:2023-05-10:full") { recommendations { text inspection { id } source { line } } } }',
    );
    expect(data.inspection.recommendations).toHaveLength(1);
    expect(data.inspection.recommendations[0]).toMatchObject({
      text: expect.stringContaining(
        'records of the use of restraint include the views of the child',
      ),
      inspection: { id: 'ofsted:SC999002:2023-05-10:full' },
    });
    expect(data.inspection.recommendations[0]!.source.line).toBeGreaterThan(1);
  });

  it('lists the theme taxonomy and the regulation catalogue with their links', async () => {
    const data = await ask<{ themes: Json[]; regulation: Json }>(`{
      themes { id label }
      regulation(id: "CHR2015:23") { heading themes { id } legislation { id title } }
    }`);
    expect(data.themes).toHaveLength(16);
    expect(data.regulation).toMatchObject({ heading: 'Medicines', legislation: { id: 'CHR2015' } });
    expect((data.regulation.themes as Json[]).map((t) => t.id)).toContain('medication');
    const theme = await ask<{
      theme: {
        findings: {
          totalCount: number;
          nodes: { themes: { theme: { id: string }; terms: string[] }[] }[];
        };
      };
    }>(
      '{ theme(id: "medication") { findings(first: 50) { totalCount nodes { themes { theme { id } terms } } } } }',
    );
    expect(theme.theme.findings.totalCount).toBeGreaterThan(0);
    for (const finding of theme.theme.findings.nodes) {
      const tag = finding.themes.find((t) => t.theme.id === 'medication');
      expect(tag?.terms.length).toBeGreaterThan(0);
    }
  });

  it('pages with cursors and totalCount, and caps first at 100', async () => {
    const first = await ask<{
      locations: {
        totalCount: number;
        edges: { cursor: string; node: { id: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    }>(
      '{ locations(first: 2, sort: { field: ID, direction: ASC }) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }',
    );
    expect(first.locations.totalCount).toBe(4);
    expect(first.locations.pageInfo.hasNextPage).toBe(true);
    const second = await ask<{
      locations: {
        edges: { node: { id: string } }[];
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean };
      };
    }>(
      'query ($after: String) { locations(first: 2, after: $after, sort: { field: ID, direction: ASC }) { edges { node { id } } pageInfo { hasNextPage hasPreviousPage } } }',
      { after: first.locations.pageInfo.endCursor },
    );
    const ids = [...first.locations.edges, ...second.locations.edges].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(4);
    expect(ids).toEqual([...ids].sort());
    expect(second.locations.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });

    const capped = await ask<{ findings: { totalCount: number; nodes: unknown[] } }>(
      '{ findings(first: 1000) { totalCount nodes { id } } }',
    );
    expect(capped.findings.nodes.length).toBe(Math.min(100, capped.findings.totalCount));

    const bad = await postGraphQL(
      api.server.url,
      '{ locations(after: "not-a-cursor") { totalCount } }',
    );
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('filters by regulator, grade, date range, provider, theme and polarity', async () => {
    const inadequate = await ask<{ inspections: { nodes: { id: string }[] } }>(
      '{ inspections(filter: { grades: [INADEQUATE], regulator: OFSTED }) { nodes { id } } }',
    );
    expect(inadequate.inspections.nodes.map((n) => n.id).sort()).toEqual([
      'ofsted:1247390:2019-07-23:full',
      'ofsted:SC999001:2023-02-14:full',
    ]);
    const dated = await ask<{ inspections: { totalCount: number } }>(
      '{ inspections(filter: { from: "2023-01-01", to: "2023-12-31" }) { totalCount } }',
    );
    expect(dated.inspections.totalCount).toBe(3);
    const byProvider = await ask<{ locations: { nodes: { id: string }[] } }>(
      '{ locations(filter: { providerId: "ofsted-provider:meadowbank-care-services-limited" }) { nodes { id } } }',
    );
    expect(byProvider.locations.nodes.map((n) => n.id).sort()).toEqual([
      'ofsted:SC999001',
      'ofsted:SC999002',
    ]);
    const strengths = await ask<{ findings: { nodes: { polarity: string }[] } }>(
      '{ findings(filter: { polarity: STRENGTH, regulator: CQC }) { nodes { polarity } } }',
    );
    expect(strengths.findings.nodes.length).toBe(4);
    const concerns = await ask<{ findings: { nodes: { themes: { theme: { id: string } }[] }[] } }>(
      '{ findings(filter: { themes: ["medication"], polarity: CONCERN }) { nodes { themes { theme { id } } } } }',
    );
    expect(concerns.findings.nodes.length).toBeGreaterThan(0);
    expect(
      concerns.findings.nodes.every((f) => f.themes.some((t) => t.theme.id === 'medication')),
    ).toBe(true);
    const badRange = await postGraphQL(
      api.server.url,
      '{ inspections(filter: { from: "2023-12-31", to: "2023-01-01" }) { totalCount } }',
    );
    expect(badRange.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badDate = await postGraphQL(
      api.server.url,
      '{ inspections(filter: { from: "2023-02-30" }) { totalCount } }',
    );
    expect(badDate.body.errors?.[0]?.message).toMatch(/real calendar date/);
  });

  it('fetches nested levels in a fixed number of round trips, whatever the number of results', async () => {
    const nested = (first: number) => `{
      locations(first: ${first}, sort: { field: ID, direction: ASC }) {
        nodes { id provider { name } inspections(first: 10) { nodes { id requirements { id regulation { id legislation { id } } } findings(first: 5) { nodes { themes { theme { id } } } } } } }
      }
    }`;
    // The first two locations (by id) reach every level; four locations bring more results at each.
    await ask(nested(2));
    const few = api.requestQueries.at(-1)!;
    await ask(nested(4));
    const many = api.requestQueries.at(-1)!;
    expect(many).toEqual(few);
    // Every nested level (provider, inspections, requirements, regulation, legislation, findings,
    // themes) is read ahead with the list, in the one query.
    expect(many).toHaveLength(1);
  });
});

describe('limits, errors and the ingest mutation', () => {
  let api: ApiFixture;
  beforeAll(async () => {
    api = await startApiFixture();
  });
  afterAll(async () => api.close());

  it('refuses an over-deep query with QUERY_TOO_DEEP', async () => {
    const deep =
      '{ locations { nodes { inspections { nodes { location { inspections { nodes { location { inspections { nodes { location { id } } } } } } } } } } } }';
    const response = await postGraphQL(api.server.url, deep);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
    expect(response.body.errors?.[0]?.message).toMatch(/depth limit/i);
  });

  it('refuses an over-costly query with QUERY_TOO_COSTLY, and accepts the same shape once', async () => {
    const nested =
      'locations(first: 20) { nodes { id name inspections(first: 100) { nodes { id startDate requirements { text regulation { id heading } } } } } }';
    const once = await postGraphQL(api.server.url, `{ ${nested} }`);
    expect(once.body.errors).toBeUndefined();
    const aliases = Array.from({ length: 2 }, (_, k) => `a${k}: ${nested}`).join(' ');
    const response = await postGraphQL(api.server.url, `{ ${aliases} }`);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(response.body.errors?.[0]?.message).toMatch(/cost limit/i);
  });

  it('refuses ingestReport without the bearer token, and loads with it', async () => {
    const content = readFileSync(path.join(FIXTURE_DIR, 'sc999002-2023-05-10.txt'), 'utf8').replace(
      '10 May 2023',
      '11 May 2023',
    );
    const mutation =
      'mutation ($content: String!) { ingestReport(input: { content: $content, fileName: "upload.txt" }) { status message inspection { id } warnings } }';
    const anonymous = await postGraphQL(api.server.url, mutation, { content });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const wrong = await postGraphQL(
      api.server.url,
      mutation,
      { content },
      { authorization: 'Bearer nope' },
    );
    expect(wrong.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const allowed = await postGraphQL<{ ingestReport: Json }>(
      api.server.url,
      mutation,
      { content },
      { authorization: `Bearer ${INGEST_TOKEN}` },
    );
    expect(allowed.body.errors).toBeUndefined();
    expect(allowed.body.data?.ingestReport).toMatchObject({
      status: 'loaded',
      inspection: { id: 'ofsted:SC999002:2023-05-11:full' },
    });
    const again = await postGraphQL<{ ingestReport: Json }>(
      api.server.url,
      mutation,
      { content },
      { authorization: `Bearer ${INGEST_TOKEN}` },
    );
    expect(again.body.data?.ingestReport).toMatchObject({ status: 'unchanged' });
    const garbage = await postGraphQL<{ ingestReport: Json }>(
      api.server.url,
      mutation,
      { content: 'not a report at all' },
      { authorization: `Bearer ${INGEST_TOKEN}` },
    );
    expect(garbage.body.data?.ingestReport).toMatchObject({ status: 'failed', inspection: null });
  });

  it('takes a PDF upload as base64 and refuses a request with both or neither content', async () => {
    const pdf = readFileSync(
      path.resolve(FIXTURE_DIR, '../corpus/pdf/ofsted-ilacs_80426_barnsley_2018-11-19.pdf'),
    ).toString('base64');
    const mutation =
      'mutation ($input: IngestReportInput!) { ingestReport(input: $input) { status inspection { id overallGrade location { id name } } } }';
    const auth = { authorization: `Bearer ${INGEST_TOKEN}` };
    const uploaded = await postGraphQL<{ ingestReport: Json }>(
      api.server.url,
      mutation,
      { input: { contentBase64: pdf, format: 'PDF', fileName: 'barnsley.pdf' } },
      auth,
    );
    expect(uploaded.body.errors).toBeUndefined();
    expect(uploaded.body.data?.ingestReport).toMatchObject({
      status: 'loaded',
      inspection: {
        id: 'la:80426:2018-10-08:full',
        overallGrade: 'GOOD',
        location: { id: 'la:80426' },
      },
    });
    const both = await postGraphQL(
      api.server.url,
      mutation,
      { input: { content: 'x', contentBase64: 'eA==' } },
      auth,
    );
    expect(both.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const neither = await postGraphQL(api.server.url, mutation, { input: { format: 'PDF' } }, auth);
    expect(neither.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses ingestReport outright when no token is configured', async () => {
    const closed = await startApiFixture({ ingestToken: null });
    try {
      const response = await postGraphQL(
        closed.server.url,
        'mutation { ingestReport(input: { content: "x" }) { status } }',
        {},
        { authorization: 'Bearer anything' },
      );
      expect(response.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await closed.close();
    }
  });

  it('answers a client mistake with a clear code and no internals', async () => {
    const unknown = await postGraphQL(
      api.server.url,
      '{ relatedFindings(findingId: "nope") { score } }',
    );
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(unknown.body)).not.toMatch(/stacktrace|Neo4j|Cypher/i);
  });
});
