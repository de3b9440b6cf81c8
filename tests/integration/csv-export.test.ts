/**
 * GET /export/<question>.csv against the API's own answers on the seeds and fixtures: each
 * export's rows are the GraphQL answer's rows for the same arguments, a many-page export is whole
 * and in order, and bad parameters are refused with one line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/app.ts';
import { startApiFixture, type ApiFixture } from '../support/api-fixture.ts';
import { askGraphQL } from '../support/http.ts';
import { readCsv } from '../support/read-csv.ts';

type Json = Record<string, unknown>;

/** The value at a dotted path, lists joined by '; ', as a CSV cell holds it. */
function cellOf(node: unknown, path: string): string {
  const [head, ...rest] = path.split('.');
  const value = (node as Json | null)?.[head!];
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((item) => cellOf(item, rest.join('.'))).join('; ');
  return rest.length === 0 ? String(value) : cellOf(value, rest.join('.'));
}

async function fetchCsv(server: RunningServer, path: string) {
  const response = await fetch(new URL(path, server.url));
  const text = await response.text();
  return { response, text };
}

interface Case {
  path: string;
  field: string;
  args: string;
  selection: string;
  paged: boolean;
}

const CASES: Case[] = [
  {
    path: '/export/repeated-breaches.csv?minInspections=1&evidence=DOCUMENTED,STATED_REPEAT',
    field: 'repeatedBreaches',
    args: 'minInspections: 1, evidence: [DOCUMENTED, STATED_REPEAT]',
    selection:
      'location { id name } provider { id name } regulation { id } inspectionCount inspections { id startDate }',
    paged: true,
  },
  {
    path: '/export/breach-counts.csv?groupBy=REGULATION,YEAR&regulator=OFSTED&from=2019-01-01',
    field: 'breachCounts',
    args: 'groupBy: [REGULATION, YEAR], filter: { regulator: OFSTED, from: "2019-01-01" }',
    selection:
      'regulation { id } legislation { id } regulator year region localAuthority provider { id name } requirementCount locationCount inspectionCount inspectionsInGroup requirementsPer100Inspections',
    paged: true,
  },
  {
    path: '/export/theme-trends.csv?interval=YEAR&sort=FINDING_COUNT&sortDirection=DESC',
    field: 'themeTrends',
    args: 'interval: YEAR, sort: { field: FINDING_COUNT, direction: DESC }',
    selection:
      'theme { id label } period periodStart findingCount inspectionCount concernInspectionCount inspectionsInPeriod findingsPerInspection concernShare',
    paged: false,
  },
  {
    path: '/export/theme-cooccurrence.csv?polarity=CONCERN',
    field: 'themeCooccurrence',
    args: 'filter: { polarity: CONCERN }',
    selection: 'first { id label } second { id label } findingCount jaccard',
    paged: true,
  },
  {
    path: '/export/rating-changes.csv',
    field: 'ratingChanges',
    args: '',
    selection:
      'location { id name } provider { id } before { id startDate overallGrade } after { id startDate overallGrade } direction basis',
    paged: true,
  },
  {
    path: '/export/enforcement-actions.csv?regulator=OFSTED',
    field: 'enforcementActions',
    args: 'regulator: OFSTED',
    selection:
      'id type count issuedOn complyBy legalBasis regulation { id } inspection { id startDate } text',
    paged: true,
  },
];

describe('CSV export', () => {
  let api: ApiFixture;
  let smallPages: RunningServer;

  beforeAll(async () => {
    api = await startApiFixture();
    // Pages of two rows, so every export with more than two rows is read in several pages.
    smallPages = await startServer(
      { host: '127.0.0.1', port: 0, ingestToken: null },
      api.graph.db,
      { exportPageSize: 2 },
    );
  });
  afterAll(async () => {
    await smallPages.stop();
    await api.close();
  });

  /** The GraphQL answer's nodes, the whole answer in one page. */
  async function askNodes(c: Case): Promise<unknown[]> {
    const args = [c.args, c.paged ? 'first: 100' : ''].filter(Boolean).join(', ');
    const query = c.paged
      ? `{ ${c.field}(${args}) { totalCount nodes { ${c.selection} } } }`
      : `{ ${c.field}${args ? `(${args})` : ''} { ${c.selection} } }`;
    const data = await askGraphQL<Record<string, { nodes: unknown[]; totalCount: number }>>(
      api.server.url,
      query,
    );
    const answer = data[c.field]!;
    if (!c.paged) return answer as unknown as unknown[];
    expect(answer.nodes.length).toBe(answer.totalCount);
    return answer.nodes;
  }

  it.each(CASES)('$path has the GraphQL answer’s rows, in order, in pages of two', async (c) => {
    const nodes = await askNodes(c);
    expect(nodes.length, 'the fixture gives this export rows').toBeGreaterThan(0);
    for (const server of [api.server, smallPages]) {
      const { response, text } = await fetchCsv(server, c.path);
      expect(response.status, text).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      const [header, ...rows] = readCsv(text);
      expect(rows).toEqual(nodes.map((node) => header!.map((column) => cellOf(node, column))));
    }
  });

  it('names the file after the question and its filters, and its columns after the schema', async () => {
    const { response, text } = await fetchCsv(
      api.server,
      '/export/breach-counts.csv?groupBy=REGION,YEAR&region=North%20West&from=2019-01-01',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="breach-counts_groupBy-REGION-YEAR_region-North-West_from-2019-01-01.csv"',
    );
    expect(readCsv(text)[0]).toEqual([
      'regulation.id',
      'legislation.id',
      'regulator',
      'year',
      'region',
      'localAuthority',
      'provider.id',
      'provider.name',
      'requirementCount',
      'locationCount',
      'inspectionCount',
      'inspectionsInGroup',
      'requirementsPer100Inspections',
    ]);
  });

  it('pages a many-page export through to its last row, in the answer’s order', async () => {
    const nodes = await askNodes(CASES[1]!);
    const path =
      '/export/breach-counts.csv?groupBy=REGULATION,YEAR&regulator=OFSTED&from=2019-01-01';
    const { text } = await fetchCsv(smallPages, path);
    const rows = readCsv(text).slice(1);
    expect(rows.length).toBe(nodes.length);
    expect(rows.length).toBeGreaterThan(4);
    expect(rows.map((row) => row[0])).toEqual(nodes.map((node) => cellOf(node, 'regulation.id')));
  });

  it('counts against the client’s rate limit as /graphql does: over it, a 429 with Retry-After', async () => {
    const limited = await startServer(
      {
        host: '127.0.0.1',
        port: 0,
        ingestToken: null,
        limits: { rateLimitPerMinute: 1, rateLimitLoopback: true },
      },
      api.graph.db,
    );
    try {
      const first = await fetchCsv(limited, '/export/theme-trends.csv');
      expect(first.response.status).toBe(200);
      const second = await fetchCsv(limited, '/export/theme-trends.csv');
      expect(second.response.status).toBe(429);
      expect(Number(second.response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(second.text).toMatch(/^Too many requests from this address: retry in \d+ s\.\n$/);
    } finally {
      await limited.stop();
    }
  });

  it.each([
    ['/export/breach-counts.csv', 400, 'Parameter "groupBy" is required for breach-counts.csv.'],
    ['/export/breach-counts.csv?groupBy=REGION&colour=red', 400, 'Unknown parameter "colour"'],
    ['/export/breach-counts.csv?groupBy=SHOE_SIZE', 400, 'SHOE_SIZE'],
    ['/export/breach-counts.csv?groupBy=REGION&from=yesterday', 400, 'yesterday'],
    ['/export/repeated-breaches.csv?minInspections=two', 400, 'must be a whole number'],
    ['/export/repeated-breaches.csv?sortDirection=ASC', 400, 'needs "sort"'],
    ['/export/rating-changes.csv?regulator=', 400, 'is empty'],
    ['/export/rating-changes.csv?regulator=CQC&regulator=OFSTED', 400, 'more than once'],
    ['/export/rating-changes.csv?from=2023-01-01&to=2022-01-01', 400, 'from'],
    ['/export/everything.csv', 404, 'No export named "everything.csv"'],
  ])('%s is refused with %i and one line', async (path, status, words) => {
    const { response, text } = await fetchCsv(api.server, path);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(text).toContain(words);
    expect(text.trimEnd().split('\n')).toHaveLength(1);
  });
});
