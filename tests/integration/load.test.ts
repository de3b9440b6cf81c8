import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../../src/app/prepare-graph.ts';
import { defineQuery, defineStatement, read, type PlainRecord } from '../../src/db/query.ts';
import {
  findLoadedShas,
  loadReportBatch,
  loadReportDocument,
} from '../../src/graph/write/load-reports.ts';
import type { ReportDocument } from '../../src/model/document.ts';
import { ingestFile } from '../../src/load/ingest-files.ts';
import { startServer, type RunningServer } from '../../src/server/app.ts';
import { FIXTURE_DIR, FIXTURE_REPORTS } from '../support/api-fixture.ts';
import { countGraph } from '../support/graph-counts.ts';
import { askGraphQL } from '../support/http.ts';
import {
  CQC_SEED,
  OFSTED_SEED,
  SEED_DIR,
  parseSeed,
  parseSeedText,
  readSeedText,
} from '../support/seed-documents.ts';
import { connectTestGraph, resetTestGraph, type TestGraph } from '../support/test-graph.ts';

const inspectionsOf = defineQuery<
  { locationId: string },
  { id: string; hasReport: boolean; grade: string | null; previous: string | null }
>({
  name: 'test.inspections-of',
  cypher: `MATCH (:Location {id: $locationId})<-[:OF]-(i:Inspection)
           OPTIONAL MATCH (i)-[:PREVIOUS]->(p:Inspection)
           RETURN i.id AS id, i.hasReport AS hasReport, i.overallGrade AS grade, p.id AS previous
           ORDER BY i.startDate`,
  parse: (row) => ({
    id: read.string(row, 'id'),
    hasReport: read.boolean(row, 'hasReport'),
    grade: read.optionalString(row, 'grade'),
    previous: read.optionalString(row, 'previous'),
  }),
});

/** What a graph built before ingest version 3 holds: reports with no ingestVersion. */
const markOlderIngest = defineStatement<{ sha256: string }>(
  'test.mark-older-ingest',
  'MATCH (r:Report {sha256: $sha256}) REMOVE r.ingestVersion',
);

const requirementsOf = defineQuery<
  { inspectionId: string },
  { regulation: string; dueDate: string | null; notice: boolean }
>({
  name: 'test.requirements-of',
  cypher: `MATCH (:Inspection {id: $inspectionId})-[:REQUIRED]->(q:Requirement)-[:UNDER]->(g:Regulation)-[:PART_OF]->(:Legislation {id: 'CHR2015'})
           RETURN g.id AS regulation, q.dueDate AS dueDate, q.complianceNotice AS notice ORDER BY toInteger(g.number)`,
  parse: (row) => ({
    regulation: read.string(row, 'regulation'),
    dueDate: read.optionalString(row, 'dueDate'),
    notice: read.boolean(row, 'notice'),
  }),
});

const repeatsOf = defineQuery<{ inspectionId: string }, { earlier: string }>({
  name: 'test.repeats-of',
  cypher:
    'MATCH (:Inspection {id: $inspectionId})-[:FOUND]->(:Finding)-[:REPEATS]->(e:Inspection) RETURN DISTINCT e.id AS earlier',
  parse: (row) => ({ earlier: read.string(row, 'earlier') }),
});

const reportsOf = defineQuery<{ inspectionId: string }, { sha256: string }>({
  name: 'test.reports-of',
  cypher:
    'MATCH (:Inspection {id: $inspectionId})-[:REPORTED_IN]->(r:Report) RETURN r.sha256 AS sha256',
  parse: (row) => ({ sha256: read.string(row, 'sha256') }),
});

const findingTexts = defineQuery<{ inspectionId: string }, { text: string }>({
  name: 'test.finding-texts',
  cypher: 'MATCH (:Inspection {id: $inspectionId})-[:FOUND]->(f:Finding) RETURN f.text AS text',
  parse: (row) => ({ text: read.string(row, 'text') }),
});

/**
 * The Ofsted seed's location as reported at its 2018-09-26 inspection, which the seed lists only
 * as a history row: its own report, with that inspection's grade and the history before it.
 */
function earlierOfstedReport(ofsted: ReportDocument): ReportDocument {
  return {
    ...ofsted,
    source: { ...ofsted.source, sha256: 'f'.repeat(64), fileName: 'earlier.txt' },
    inspection: {
      ...ofsted.inspection,
      id: 'ofsted:1247390:2018-09-26:full',
      startDate: '2018-09-26',
      endDate: '2018-09-26',
      overallGrade: 'REQUIRES_IMPROVEMENT',
      overallGradeText: 'requires improvement to be good',
    },
    history: ofsted.history.filter((h) => h.date < '2018-09-26'),
    judgements: [],
    requirements: [],
    recommendations: [],
    enforcement: [],
    findings: [],
  };
}

describe('loading ReportDocuments into the real Neo4j', () => {
  let graph: TestGraph;
  let ofsted: ReportDocument;
  let cqc: ReportDocument;

  beforeAll(async () => {
    graph = connectTestGraph();
    await resetTestGraph(graph);
    await runMigrations(graph.db, { seedDir: null, log: () => {} });
    ofsted = parseSeed(OFSTED_SEED);
    cqc = parseSeed(CQC_SEED);
  });
  afterAll(async () => graph.close());

  it('writes the Ofsted seed: its inspection, the four history rows chained by PREVIOUS, requirements under their regulations', async () => {
    await loadReportDocument(graph.db, ofsted);
    const inspections = await graph.db.read(inspectionsOf, { locationId: 'ofsted:1247390' });
    expect(inspections.map((i) => i.id)).toEqual([
      'ofsted:1247390:2017-07-12:full',
      'ofsted:1247390:2018-01-05:interim',
      'ofsted:1247390:2018-09-26:full',
      'ofsted:1247390:2019-02-20:interim',
      'ofsted:1247390:2019-07-23:full',
    ]);
    expect(inspections.map((i) => i.previous)).toEqual([
      null,
      ...inspections.slice(0, -1).map((i) => i.id),
    ]);
    expect(inspections.map((i) => i.hasReport)).toEqual([false, false, false, false, true]);
    expect(inspections.map((i) => i.grade)).toEqual([
      'GOOD',
      'SUSTAINED_EFFECTIVENESS',
      'REQUIRES_IMPROVEMENT',
      'SUSTAINED_EFFECTIVENESS',
      'INADEQUATE',
    ]);

    const requirements = await graph.db.read(requirementsOf, {
      inspectionId: ofsted.inspection.id,
    });
    expect(requirements.map((r) => r.regulation)).toEqual([
      'CHR2015:5',
      'CHR2015:6',
      'CHR2015:10',
      'CHR2015:12',
      'CHR2015:13',
      'CHR2015:23',
      'CHR2015:35',
    ]);
    expect(new Set(requirements.map((r) => r.dueDate))).toEqual(new Set(['2019-09-12']));
    expect(requirements.filter((r) => r.notice).map((r) => r.regulation)).toEqual(['CHR2015:6']);
    expect(await graph.db.read(repeatsOf, { inspectionId: ofsted.inspection.id })).toContainEqual({
      earlier: 'ofsted:1247390:2018-09-26:full',
    });
  });

  it('changes nothing when the same reports are loaded again', async () => {
    await loadReportDocument(graph.db, cqc);
    const before = await countGraph(graph.db);
    await loadReportDocument(graph.db, ofsted);
    await loadReportDocument(graph.db, cqc);
    expect(await countGraph(graph.db)).toEqual(before);
  });

  it('replaces the findings and requirements of an earlier version of a report cleanly', async () => {
    const before = await countGraph(graph.db);
    const edited = readSeedText(OFSTED_SEED)
      .replace(
        'A broken mirror, which was present at the two previous inspections, remains in a bedroom.',
        'A broken mirror remains in a bedroom.',
      )
      .replace(/<p>35: Behaviour management policies and records<\/p>.*\n/, '');
    const changed = parseSeedText(edited, OFSTED_SEED);
    expect(changed.source.sha256).not.toBe(ofsted.source.sha256);
    expect(changed.requirements).toHaveLength(ofsted.requirements.length - 1);

    await loadReportDocument(graph.db, changed);
    expect(await graph.db.read(reportsOf, { inspectionId: ofsted.inspection.id })).toEqual([
      { sha256: changed.source.sha256 },
    ]);
    const requirements = await graph.db.read(requirementsOf, {
      inspectionId: ofsted.inspection.id,
    });
    expect(requirements.map((r) => r.regulation)).not.toContain('CHR2015:35');
    const texts = (await graph.db.read(findingTexts, { inspectionId: ofsted.inspection.id })).map(
      (f) => f.text,
    );
    expect(texts.some((t) => t.includes('A broken mirror remains in a bedroom.'))).toBe(true);
    expect(texts.some((t) => t.includes('present at the two previous inspections'))).toBe(false);
    const after = await countGraph(graph.db);
    expect(after[':Requirement']).toBe(before[':Requirement']! - 1);
    expect(after[':Report']).toBe(before[':Report']);
    expect(after[':Finding']).toBe(before[':Finding']);

    await loadReportDocument(graph.db, ofsted);
    // The same graph again, plus the change feed's record of both replacements.
    const { ':Change': changesAfter, ...restored } = await countGraph(graph.db);
    const { ':Change': changesBefore, ...original } = before;
    expect(restored).toEqual(original);
    expect(changesAfter).toBeGreaterThan(changesBefore ?? 0);
  });

  it("upgrades a history row in place when that inspection's own report arrives", async () => {
    const earlierReport = earlierOfstedReport(ofsted);
    const earlierId = earlierReport.inspection.id;
    const before = await countGraph(graph.db);
    await loadReportDocument(graph.db, earlierReport);
    const inspections = await graph.db.read(inspectionsOf, { locationId: 'ofsted:1247390' });
    expect(inspections).toHaveLength(5);
    expect(inspections.find((i) => i.id === earlierId)).toMatchObject({
      hasReport: true,
      grade: 'REQUIRES_IMPROVEMENT',
    });
    const after = await countGraph(graph.db);
    expect(after[':Inspection']).toBe(before[':Inspection']);
    expect(after[':Report']).toBe(before[':Report']! + 1);
  });

  it('leaves nothing of a report whose transaction fails half way', async () => {
    const before = await countGraph(graph.db);
    const broken: ReportDocument = {
      ...cqc,
      source: { ...cqc.source, sha256: 'e'.repeat(64) },
      location: { ...cqc.location, id: 'cqc:1-000000000' },
      inspection: { ...cqc.inspection, id: 'cqc:1-000000000:2023-09-11:routine' },
      // An impossible date makes the enforcement statement fail after earlier statements ran.
      enforcement: cqc.enforcement.map((e) => ({ ...e, complyBy: '2023-02-30' })),
    };
    await expect(loadReportDocument(graph.db, broken)).rejects.toThrow();
    expect(await countGraph(graph.db)).toEqual(before);
  });
});

const CORPUS_FIXTURE_DIR = path.resolve(import.meta.dirname, '../fixtures/corpus');

const dumpNodes = defineQuery<object, { key: string; props: PlainRecord }>({
  name: 'test.dump-nodes',
  // The graph version counts write transactions, not content: one batch bumps it once, one by one
  // once per document; so do the change feed's Changes (their versions, times and grouping).
  cypher: `MATCH (n) WHERE NOT n:GraphState AND NOT n:Change RETURN labels(n)[0] + ' ' + coalesce(n.id, n.sha256, n.code) AS key, properties(n) AS props`,
  parse: (row) => ({ key: read.string(row, 'key'), props: read.map(row, 'props') }),
});

const dumpRelationships = defineQuery<object, { key: string; props: PlainRecord }>({
  name: 'test.dump-relationships',
  cypher: `MATCH (a)-[r]->(b)
           RETURN coalesce(a.id, a.sha256, a.code) + ' -' + type(r) + '-> ' + coalesce(b.id, b.sha256, b.code) AS key, properties(r) AS props`,
  parse: (row) => ({ key: read.string(row, 'key'), props: read.map(row, 'props') }),
});

/** Every node and relationship with its properties (less the ingest time), sorted: two graphs compare equal only if they are. */
async function dumpGraph(graph: TestGraph): Promise<string[]> {
  const describe = (entry: { key: string; props: PlainRecord }) =>
    `${entry.key} ${JSON.stringify(
      Object.entries(entry.props)
        .filter(([k]) => k !== 'ingestedAt')
        .sort(([a], [b]) => a.localeCompare(b)),
    )}`;
  const nodes = await graph.db.read(dumpNodes, {});
  const relationships = await graph.db.read(dumpRelationships, {});
  return [...nodes.map(describe), ...relationships.map(describe)].sort();
}

async function parseFile(file: string): Promise<ReportDocument> {
  const result = await ingestFile(file, { db: null, force: false, meta: null });
  if (!result.document) throw new Error(`${file}: ${result.message}`);
  return result.document;
}

/** Seeds, the multi-inspection fixtures and every real corpus fixture the parsers read (CQC API records with assessments among them). */
async function parseMixedCorpus(): Promise<ReportDocument[]> {
  const corpusFiles = ['cqc', 'text'].flatMap((dir) =>
    readdirSync(path.join(CORPUS_FIXTURE_DIR, dir))
      .filter((name) => name.endsWith('.json') || name.endsWith('.txt'))
      .map((name) => path.join(CORPUS_FIXTURE_DIR, dir, name)),
  );
  const files = [
    path.join(SEED_DIR, OFSTED_SEED),
    path.join(SEED_DIR, CQC_SEED),
    ...FIXTURE_REPORTS.map((name) => path.join(FIXTURE_DIR, name)),
    ...corpusFiles,
  ];
  return Promise.all(files.map(parseFile));
}

async function freshGraph(graph: TestGraph): Promise<void> {
  await resetTestGraph(graph);
  await runMigrations(graph.db, { seedDir: null, log: () => {} });
}

describe('loading many ReportDocuments in one transaction', () => {
  let graph: TestGraph;
  let docs: ReportDocument[];
  let oneByOne: string[];

  beforeAll(async () => {
    graph = connectTestGraph();
    docs = await parseMixedCorpus();
    await freshGraph(graph);
    for (const doc of docs) await loadReportDocument(graph.db, doc);
    oneByOne = await dumpGraph(graph);
  });
  afterAll(async () => graph.close());

  it('writes exactly the nodes, relationships and properties that loading the same documents one by one writes', async () => {
    expect(docs.length).toBeGreaterThan(20);
    await freshGraph(graph);
    const result = await loadReportBatch(graph.db, docs);
    expect(result).toMatchObject({ loaded: docs.length, failed: 0 });
    expect(await dumpGraph(graph)).toEqual(oneByOne);

    const again = await loadReportBatch(graph.db, docs);
    expect(again.failed).toBe(0);
    expect(await dumpGraph(graph)).toEqual(oneByOne);
  });

  it('finds which of a list of sha256 are loaded, in one query', async () => {
    const shas = [docs[0]!.source.sha256, docs[1]!.source.sha256, '0'.repeat(64)];
    expect(await findLoadedShas(graph.db, shas)).toEqual(new Set(shas.slice(0, 2)));
    expect(await findLoadedShas(graph.db, [])).toEqual(new Set());
  });

  it('reads again a report an earlier ingest version loaded, to the graph a fresh load makes', async () => {
    const sha = docs[0]!.source.sha256;
    await graph.db.write(markOlderIngest, { sha256: sha });
    expect(await findLoadedShas(graph.db, [sha])).toEqual(new Set());
    const result = await loadReportBatch(graph.db, docs);
    expect(result).toMatchObject({ loaded: docs.length, failed: 0 });
    expect(await findLoadedShas(graph.db, [sha])).toEqual(new Set([sha]));
    expect(await dumpGraph(graph)).toEqual(oneByOne);
  });

  it('loads the others when one document makes the batch fail, and reports that one with its reason', async () => {
    const cqc = docs.find((d) => d.source.fileName === CQC_SEED)!;
    const broken: ReportDocument = {
      ...cqc,
      source: { ...cqc.source, sha256: 'd'.repeat(64), fileName: 'broken.txt' },
      location: { ...cqc.location, id: 'cqc:1-000000001' },
      inspection: { ...cqc.inspection, id: 'cqc:1-000000001:2023-09-11:routine' },
      findings: [],
      enforcement: cqc.enforcement.map((e, k) => ({
        ...e,
        id: `broken-enforcement-${k}`,
        complyBy: '2020-13-45',
      })),
    };
    expect(broken.enforcement.length).toBeGreaterThan(0);
    await freshGraph(graph);
    const withBroken = [...docs.slice(0, 5), broken, ...docs.slice(5)];
    const result = await loadReportBatch(graph.db, withBroken);
    expect(result).toMatchObject({ loaded: docs.length, failed: 1 });
    const failed = result.docs.filter((d) => d.status === 'failed');
    expect(failed).toEqual([
      {
        sha256: broken.source.sha256,
        fileName: 'broken.txt',
        status: 'failed',
        message: expect.stringContaining('load.write-enforcement'),
      },
    ]);
    expect(failed[0]!.message).not.toContain('\n');
    expect(await dumpGraph(graph)).toEqual(oneByOne);
  });
});

describe('interactions between documents of one batch', () => {
  let graph: TestGraph;
  let ofsted: ReportDocument;

  beforeAll(async () => {
    graph = connectTestGraph();
    ofsted = parseSeed(OFSTED_SEED);
  });
  afterAll(async () => graph.close());

  it("chains inspections of one location in date order when their reports arrive together, newest first, one as another's history row", async () => {
    await freshGraph(graph);
    const [older, newer] = await Promise.all(
      ['sc999001-2022-03-08.txt', 'sc999001-2023-02-14.txt'].map((name) =>
        parseFile(path.join(FIXTURE_DIR, name)),
      ),
    );
    expect(newer!.history.map((h) => h.inspectionId)).toContain(older!.inspection.id);
    const earlierReport = earlierOfstedReport(ofsted);
    const earlierId = earlierReport.inspection.id;
    const result = await loadReportBatch(graph.db, [newer!, ofsted, older!, earlierReport]);
    expect(result.failed).toBe(0);

    for (const locationId of ['ofsted:SC999001', 'ofsted:1247390']) {
      const inspections = await graph.db.read(inspectionsOf, { locationId });
      expect(inspections.length).toBeGreaterThan(1);
      expect(inspections.map((i) => i.previous)).toEqual([
        null,
        ...inspections.slice(0, -1).map((i) => i.id),
      ]);
    }
    const sc999001 = await graph.db.read(inspectionsOf, { locationId: 'ofsted:SC999001' });
    expect(sc999001.filter((i) => i.hasReport).map((i) => i.id)).toEqual([
      older!.inspection.id,
      newer!.inspection.id,
    ]);
    const home = await graph.db.read(inspectionsOf, { locationId: 'ofsted:1247390' });
    expect(home).toHaveLength(5);
    expect(home.find((i) => i.id === earlierId)).toMatchObject({
      hasReport: true,
      grade: 'REQUIRES_IMPROVEMENT',
    });
    expect(await graph.db.read(repeatsOf, { inspectionId: ofsted.inspection.id })).toContainEqual({
      earlier: earlierId,
    });
  });

  it('keeps the later of two versions of one report given in the same batch, whichever order they come in', async () => {
    await freshGraph(graph);
    const edited = readSeedText(OFSTED_SEED).replace(
      /<p>35: Behaviour management policies and records<\/p>.*\n/,
      '',
    );
    const changed = parseSeedText(edited, OFSTED_SEED);
    await loadReportDocument(graph.db, changed);
    const onlyChanged = await dumpGraph(graph);

    await freshGraph(graph);
    const result = await loadReportBatch(graph.db, [ofsted, changed]);
    expect(result.docs.map((d) => d.status)).toEqual(['loaded', 'loaded']);
    expect(result.docs[0]!.message).toContain('replaced in the same batch');
    expect(await graph.db.read(reportsOf, { inspectionId: ofsted.inspection.id })).toEqual([
      { sha256: changed.source.sha256 },
    ]);
    expect(await dumpGraph(graph)).toEqual(onlyChanged);

    await loadReportBatch(graph.db, [changed, ofsted]);
    expect(await graph.db.read(reportsOf, { inspectionId: ofsted.inspection.id })).toEqual([
      { sha256: ofsted.source.sha256 },
    ]);
    const requirements = await graph.db.read(requirementsOf, {
      inspectionId: ofsted.inspection.id,
    });
    expect(requirements.map((r) => r.regulation)).toContain('CHR2015:35');
  });
});

const labelledFindings = defineQuery<
  { inspectionId: string },
  { labelId: string; labelScore: string | null }
>({
  name: 'test.labelled-findings',
  cypher: `MATCH (:Inspection {id: $inspectionId})-[:FOUND]->(f:Finding) WHERE f.labelSource = 'cqc-quality-statement'
           RETURN f.labelId AS labelId, f.labelScore AS labelScore`,
  parse: (row) => ({
    labelId: read.string(row, 'labelId'),
    labelScore: read.optionalString(row, 'labelScore'),
  }),
});

describe('what a CQC API record with an assessment adds: quality-statement labels, publication date, address', () => {
  let graph: TestGraph;
  let server: RunningServer;
  const inspectionId = 'cqc:1-5203053560:2024-07-15:assessment';

  beforeAll(async () => {
    graph = connectTestGraph();
    await freshGraph(graph);
    const doc = await parseFile(
      path.join(CORPUS_FIXTURE_DIR, 'cqc/cqc_1-5203053560_api-location-with-assessment.json'),
    );
    expect(doc.inspection.id).toBe(inspectionId);
    expect((await loadReportBatch(graph.db, [doc])).failed).toBe(0);
    server = await startServer({ host: '127.0.0.1', port: 0, ingestToken: null }, graph.db);
  });
  afterAll(async () => {
    await server.stop();
    await graph.close();
  });

  it('stores each quality statement on its finding', async () => {
    const labelled = await graph.db.read(labelledFindings, { inspectionId });
    expect(labelled).toHaveLength(10);
    expect(labelled).toContainEqual({
      labelId: '17',
      labelScore: '3 - Evidence shows a good standard of care',
    });
  });

  it('returns the labels, the publication date and the address over GraphQL', async () => {
    const data = await askGraphQL<{
      inspection: {
        publishedOn: string;
        location: { address: string };
        findings: { nodes: { label: Record<string, unknown> | null }[] };
      };
    }>(
      server.url,
      `{ inspection(id: "${inspectionId}") { publishedOn location { address } findings(first: 100) { nodes { label { source id name score } } } } }`,
    );
    expect(data.inspection.publishedOn).toBe('2024-09-17');
    expect(data.inspection.location.address).toBe(
      'Carthage Street, Oldham, Greater Manchester, OL8 1LL',
    );
    const labels = data.inspection.findings.nodes
      .map((f) => f.label)
      .filter((label) => label !== null);
    expect(labels).toHaveLength(10);
    expect(labels).toContainEqual({
      source: 'cqc-quality-statement',
      id: '17',
      name: 'Independence, choice and control',
      score: '3 - Evidence shows a good standard of care',
    });
  });
});

describe('reading a file again that an earlier ingest version read differently', () => {
  let graph: TestGraph;
  afterAll(async () => graph.close());

  /**
   * The seed as an earlier version of the pipeline might have read it: undated, so under another
   * inspection id, and (in the second case) at a content-hash location, with the same sha256.
   */
  function readEarlier(movedTo: string | null): ReportDocument {
    const text = readSeedText(OFSTED_SEED).replace(
      'Inspection dates: 23 to 24 July 2019',
      'Inspection dates: to be confirmed',
    );
    const undated = parseSeedText(text, OFSTED_SEED);
    const moved = movedTo
      ? (JSON.parse(
          JSON.stringify(undated).replaceAll('ofsted:1247390', movedTo),
        ) as ReportDocument)
      : undated;
    return { ...moved, source: { ...moved.source, sha256: parseSeed(OFSTED_SEED).source.sha256 } };
  }

  it.each([
    ['at the same location', null],
    ['at a location of its own', 'ofsted:content-0f3a9c'],
  ])('leaves the graph a fresh load of the new reading makes, %s', async (_case, movedTo) => {
    graph ??= connectTestGraph();
    await freshGraph(graph);
    await loadReportDocument(graph.db, parseSeed(OFSTED_SEED));
    const fresh = await dumpGraph(graph);

    await freshGraph(graph);
    const earlier = readEarlier(movedTo);
    expect(earlier.inspection.id).not.toBe(parseSeed(OFSTED_SEED).inspection.id);
    await loadReportDocument(graph.db, earlier);
    await loadReportDocument(graph.db, parseSeed(OFSTED_SEED));
    expect(await dumpGraph(graph)).toEqual(fresh);
  });
});
