/**
 * Out of the box: an empty graph gets the seed load `npm start` runs (runMigrations with the
 * seed folder), and then every example operation in operations/examples returns rows, the
 * generated sample is flagged synthetic node by node (checked against the files in
 * seed/synthetic/) and the real one is not, a second start loads nothing, and SEED_SYNTHETIC=false
 * leaves the generated sample out.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../../src/app/prepare-graph.ts';
import { PROJECT_ROOT } from '../../src/config.ts';
import { defineQuery, read } from '../../src/db/query.ts';
import { refreshSummaries } from '../../src/graph/summaries/refresh-summaries.ts';
import { startServer, type RunningServer } from '../../src/server/app.ts';
import * as panels from '../../src/server/insights/panels/index.ts';
import { countGraph } from '../support/graph-counts.ts';
import { postGraphQL, type GraphQLResponse } from '../support/http.ts';
import { connectTestGraph, resetTestGraph, type TestGraph } from '../support/test-graph.ts';

type Json = Record<string, unknown>;

const SEED_DIR = path.join(PROJECT_ROOT, 'seed');
const EXAMPLES_DIR = path.join(PROJECT_ROOT, 'operations/examples');

/** File names of the generated reports: what must be flagged, whatever the loader thinks. */
function listGeneratedReports(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name));
      else if (entry.name.endsWith('.txt')) names.add(entry.name);
    }
  };
  walk(path.join(SEED_DIR, 'synthetic'));
  return names;
}

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

/**
 * Rows in an answer: a top-level list's length, a connection's nodes, or 1 for a single object
 * (health, one location), whose own lists must not be empty either.
 */
function countRows(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (value === null || typeof value !== 'object') return 0;
  const record = value as Json;
  if (Array.isArray(record.nodes)) return record.nodes.length;
  const lists = Object.values(record).filter(
    (v) =>
      v !== null && typeof v === 'object' && (Array.isArray(v) || Array.isArray((v as Json).nodes)),
  );
  return lists.every((list) => countRows(list) > 0) ? 1 : 0;
}

const reportFlags = defineQuery<object, { fileName: string; synthetic: boolean | null }>({
  name: 'test.seed-sample.report-flags',
  cypher: 'MATCH (r:Report) RETURN r.fileName AS fileName, r.synthetic AS synthetic',
  parse: (row) => ({
    fileName: read.string(row, 'fileName'),
    synthetic: row.synthetic === null ? null : read.boolean(row, 'synthetic'),
  }),
});

/**
 * Nodes whose flag disagrees with the reports behind them. A report's own nodes (findings,
 * requirements, recommendations, enforcement, judgements) take its flag; an inspection, location
 * or provider is synthetic exactly when every report behind it is generated and no data row
 * recorded it.
 */
const flagMismatches = defineQuery<object, { kind: string; id: string }>({
  name: 'test.seed-sample.flag-mismatches',
  cypher: `
    CALL () {
      MATCH (i:Inspection)-[:FOUND|REQUIRED|RECOMMENDED|LED_TO|HAS_JUDGEMENT]->(x)
      MATCH (r:Report {sha256: coalesce(x.reportSha, r.sha256)})<-[:REPORTED_IN]-(i)
      WHERE x.family = r.family
      WITH x, r WHERE coalesce(x.synthetic, false) <> r.synthetic
      RETURN labels(x)[0] AS kind, x.id AS id
      UNION
      MATCH (i:Inspection)-[:REPORTED_IN]->(r:Report)
      WITH i, all(s IN collect(coalesce(r.synthetic, false)) WHERE s) AND NOT EXISTS { (i)-[:RECORDED_IN]->() } AS expected
      WHERE coalesce(i.synthetic, false) <> expected
      RETURN 'Inspection' AS kind, i.id AS id
      UNION
      MATCH (l:Location)<-[:OF]-(:Inspection)-[:REPORTED_IN]->(r:Report)
      WITH l, all(s IN collect(coalesce(r.synthetic, false)) WHERE s) AND NOT EXISTS { (l)-[:RECORDED_IN]->() } AS expected
      WHERE coalesce(l.synthetic, false) <> expected
      RETURN 'Location' AS kind, l.id AS id
      UNION
      MATCH (p:Provider)-[:RUNS]->(:Location)<-[:OF]-(:Inspection)-[:REPORTED_IN]->(r:Report)
      WITH p, all(s IN collect(coalesce(r.synthetic, false)) WHERE s) AND NOT EXISTS { (p)-[:RECORDED_IN]->() } AS expected
      WHERE coalesce(p.synthetic, false) <> expected
      RETURN 'Provider' AS kind, p.id AS id
    }
    RETURN kind, id ORDER BY kind, id LIMIT 20`,
  parse: (row) => ({ kind: read.string(row, 'kind'), id: read.string(row, 'id') }),
});

const syntheticCounts = defineQuery<object, { label: string; synthetic: number; real: number }>({
  name: 'test.seed-sample.synthetic-counts',
  cypher: `
    UNWIND ['Report', 'Inspection', 'Location', 'Provider', 'Finding', 'Requirement', 'EnforcementAction'] AS label
    CALL (label) {
      MATCH (n) WHERE label IN labels(n)
      RETURN sum(CASE WHEN n.synthetic = true THEN 1 ELSE 0 END) AS synthetic,
             sum(CASE WHEN n.synthetic = true THEN 0 ELSE 1 END) AS real
    }
    RETURN label, synthetic, real`,
  parse: (row) => ({
    label: read.string(row, 'label'),
    synthetic: read.number(row, 'synthetic'),
    real: read.number(row, 'real'),
  }),
});

describe('the seed load of npm start, on an empty graph', () => {
  let graph: TestGraph;
  let server: RunningServer;
  const log: string[] = [];

  beforeAll(async () => {
    graph = connectTestGraph();
    await resetTestGraph(graph);
    await runMigrations(graph.db, { seedDir: SEED_DIR, log: (line) => log.push(line) });
    // As npm start does once it serves (the answers are the same before it: exact queries).
    await refreshSummaries(graph.db, { onlyStale: true });
    server = await startServer({ host: '127.0.0.1', port: 0, ingestToken: null }, graph.db);
  }, 600_000);

  afterAll(async () => {
    await server?.stop();
    await graph?.close();
  });

  it('loads every seed file that is a report or data file, and fails none', () => {
    expect(log.filter((line) => line.includes('not loaded'))).toEqual([]);
    expect(log.some((line) => /^Loaded \d+ seed reports and data files/.test(line))).toBe(true);
  });

  it.each(readExamples())('$name returns at least one row', async ({ query, variables }) => {
    const response = await postGraphQL<Json>(server.url, query, variables);
    expect(response.body.errors).toBeUndefined();
    const data = response.body.data ?? {};
    for (const [field, value] of Object.entries(data))
      expect(countRows(value), `${field}: ${JSON.stringify(value).slice(0, 300)}`).toBeGreaterThan(
        0,
      );
  });

  it('warms every example and dashboard operation without an error', async () => {
    const warmed = await server.warmQuestions();
    expect(warmed.operations).toBe(readExamples().length + Object.keys(panels).length);
    expect(warmed.failed).toBe(0);
  });

  it('flags the generated reports synthetic and the real ones not', async () => {
    const generated = listGeneratedReports();
    const reports = await graph.db.read(reportFlags, {});
    const synthetic = reports.filter((r) => r.synthetic === true).map((r) => r.fileName);
    const loadedGenerated = reports.filter((r) => generated.has(r.fileName));
    expect(loadedGenerated.length).toBe(generated.size);
    expect(synthetic.sort()).toEqual([...generated].sort());
    expect(reports.filter((r) => !generated.has(r.fileName)).length).toBeGreaterThan(20);
  });

  it('flags every node a generated report wrote, and only those', async () => {
    expect(await graph.db.read(flagMismatches, {})).toEqual([]);
    const counts = await graph.db.read(syntheticCounts, {});
    for (const { label, synthetic, real } of counts) {
      expect(synthetic, `${label} synthetic`).toBeGreaterThan(0);
      expect(real, `${label} real`).toBeGreaterThan(0);
    }
  });

  it('shows the flags in the API, and that the graph holds generated data', async () => {
    const response = await postGraphQL<Json>(
      server.url,
      `{ health { syntheticData }
         real: location(id: "ofsted:1247390") { synthetic provider { synthetic } inspections(first: 1) { nodes { synthetic findings(first: 1) { nodes { synthetic } } } } }
         generated: location(id: "ofsted:SC800002") { synthetic provider { synthetic } inspections(first: 1) { nodes { synthetic findings(first: 1) { nodes { synthetic } } } } } }`,
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({
      health: { syntheticData: true },
      real: {
        synthetic: false,
        provider: { synthetic: false },
        inspections: { nodes: [{ synthetic: false, findings: { nodes: [{ synthetic: false }] } }] },
      },
      generated: {
        synthetic: true,
        provider: { synthetic: true },
        inspections: { nodes: [{ synthetic: true, findings: { nodes: [{ synthetic: true }] } }] },
      },
    });
  });

  /** Each question asked three ways: the real and generated parts add up to the whole. */
  const PARTITIONS: { name: string; query: (synthetic: string) => string; value: string }[] = [
    {
      name: 'repeatedBreaches',
      query: (s) => `repeatedBreaches(minInspections: 1, ${s} PAGE)`,
      value: 'inspectionCount',
    },
    {
      name: 'breachCounts',
      query: (s) => `breachCounts(groupBy: [REGULATION, YEAR], filter: {${s}} PAGE)`,
      value: 'requirementCount',
    },
    {
      name: 'themeCooccurrence',
      query: (s) => `themeCooccurrence(filter: {${s}} PAGE)`,
      value: 'findingCount',
    },
    { name: 'ratingChanges', query: (s) => `ratingChanges(${s} PAGE)`, value: 'ONE' },
    { name: 'enforcementActions', query: (s) => `enforcementActions(${s} PAGE)`, value: 'ONE' },
    { name: 'locations', query: (s) => `locations(filter: {${s}} PAGE)`, value: 'ONE' },
    { name: 'inspections', query: (s) => `inspections(filter: {${s}} PAGE)`, value: 'ONE' },
  ];

  /** The sum of `value` (1 a row for ONE) over every page of a connection. */
  async function sumAllPages(field: string, value: string): Promise<number> {
    let total = 0;
    let after: string | null = null;
    for (;;) {
      const page: string = `, first: 100${after ? `, after: "${after}"` : ''}`;
      const selection = value === 'ONE' ? '__typename' : value;
      const response: GraphQLResponse<Json> = await postGraphQL<Json>(
        server.url,
        `{ a: ${field.replace(' PAGE', page)} { pageInfo { hasNextPage endCursor } nodes { ${selection} } } }`,
      );
      expect(response.body.errors, field).toBeUndefined();
      const answer: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Json[] } = (
        response.body.data as {
          a: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Json[] };
        }
      ).a;
      for (const node of answer.nodes) total += value === 'ONE' ? 1 : (node[value] as number);
      if (!answer.pageInfo.hasNextPage) return total;
      after = answer.pageInfo.endCursor;
    }
  }

  it.each(PARTITIONS)('$name: synthetic true and false split the answer', async (question) => {
    // GraphQL reads commas as spaces, and `filter: {}` as no filter.
    const all = await sumAllPages(question.query(''), question.value);
    const generated = await sumAllPages(question.query('synthetic: true'), question.value);
    const real = await sumAllPages(question.query('synthetic: false'), question.value);
    expect(generated, 'generated part').toBeGreaterThan(0);
    expect(generated + real).toBe(all);
  });

  it('themeTrends: synthetic true and false split the answer', async () => {
    const totals: number[] = [];
    for (const filter of ['', '(synthetic: true)', '(synthetic: false)']) {
      const response = await postGraphQL<{ t: { findingCount: number }[] }>(
        server.url,
        `{ t: themeTrends${filter} { findingCount } }`,
      );
      expect(response.body.errors, filter).toBeUndefined();
      totals.push((response.body.data?.t ?? []).reduce((n, r) => n + r.findingCount, 0));
    }
    const [all, generated, real] = totals as [number, number, number];
    expect(generated, 'generated part').toBeGreaterThan(0);
    expect(generated + real).toBe(all);
  });

  it('synthetic: true keeps only flagged rows, false only real ones', async () => {
    const response = await postGraphQL<Json>(
      server.url,
      `{ g: repeatedBreaches(synthetic: true, first: 50) { nodes { location { synthetic } } }
         r: enforcementActions(synthetic: false, first: 50) { nodes { synthetic inspection { synthetic } } }
         l: locations(first: 50, filter: { synthetic: true }) { nodes { synthetic } } }`,
    );
    expect(response.body.errors).toBeUndefined();
    const data = response.body.data as {
      g: { nodes: { location: { synthetic: boolean } }[] };
      r: { nodes: { synthetic: boolean; inspection: { synthetic: boolean } }[] };
      l: { nodes: { synthetic: boolean }[] };
    };
    expect(data.g.nodes.length).toBeGreaterThan(0);
    expect(data.g.nodes.every((n) => n.location.synthetic)).toBe(true);
    expect(data.r.nodes.every((n) => !n.synthetic && !n.inspection.synthetic)).toBe(true);
    expect(data.l.nodes.length).toBeGreaterThan(0);
    expect(data.l.nodes.every((n) => n.synthetic)).toBe(true);
  });

  it('loads nothing again on a second start', async () => {
    const before = await countGraph(graph.db);
    const again: string[] = [];
    await runMigrations(graph.db, { seedDir: SEED_DIR, log: (line) => again.push(line) });
    expect(await countGraph(graph.db)).toEqual(before);
    expect(again.filter((line) => line.includes('seed'))).toEqual([]);
  });
});

describe('SEED_SYNTHETIC=false', () => {
  let graph: TestGraph;

  beforeAll(async () => {
    graph = connectTestGraph();
    await resetTestGraph(graph);
    await runMigrations(graph.db, { seedDir: SEED_DIR, seedSynthetic: false, log: () => {} });
  }, 600_000);

  afterAll(async () => {
    await graph?.close();
  });

  it('leaves the generated sample out', async () => {
    const reports = await graph.db.read(reportFlags, {});
    const generated = listGeneratedReports();
    expect(reports.length).toBeGreaterThan(20);
    expect(reports.filter((r) => generated.has(r.fileName) || r.synthetic === true)).toEqual([]);
  });
});
