import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../../src/db/run-migrations.ts';
import { defineQuery, read } from '../../src/db/query.ts';
import { loadReportDocument } from '../../src/ingest/load.ts';
import type { ReportDocument } from '../../src/ingest/document.ts';
import { countGraph } from '../support/graph-counts.ts';
import { CQC_SEED, OFSTED_SEED, parseSeed, parseSeedText, readSeedText } from '../support/seed-documents.ts';
import { connectTestGraph, resetTestGraph, type TestGraph } from '../support/test-graph.ts';

const inspectionsOf = defineQuery<{ locationId: string }, { id: string; hasReport: boolean; grade: string | null; previous: string | null }>({
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

const requirementsOf = defineQuery<{ inspectionId: string }, { regulation: string; dueDate: string | null; notice: boolean }>({
  name: 'test.requirements-of',
  cypher: `MATCH (:Inspection {id: $inspectionId})-[:REQUIRED]->(q:Requirement)-[:UNDER]->(g:Regulation)-[:PART_OF]->(:Legislation {id: 'CHR2015'})
           RETURN g.id AS regulation, q.dueDate AS dueDate, q.complianceNotice AS notice ORDER BY toInteger(g.number)`,
  parse: (row) => ({ regulation: read.string(row, 'regulation'), dueDate: read.optionalString(row, 'dueDate'), notice: read.boolean(row, 'notice') }),
});

const repeatsOf = defineQuery<{ inspectionId: string }, { earlier: string }>({
  name: 'test.repeats-of',
  cypher: 'MATCH (:Inspection {id: $inspectionId})-[:FOUND]->(:Finding)-[:REPEATS]->(e:Inspection) RETURN DISTINCT e.id AS earlier',
  parse: (row) => ({ earlier: read.string(row, 'earlier') }),
});

const reportsOf = defineQuery<{ inspectionId: string }, { sha256: string }>({
  name: 'test.reports-of',
  cypher: 'MATCH (:Inspection {id: $inspectionId})-[:REPORTED_IN]->(r:Report) RETURN r.sha256 AS sha256',
  parse: (row) => ({ sha256: read.string(row, 'sha256') }),
});

const findingTexts = defineQuery<{ inspectionId: string }, { text: string }>({
  name: 'test.finding-texts',
  cypher: 'MATCH (:Inspection {id: $inspectionId})-[:FOUND]->(f:Finding) RETURN f.text AS text',
  parse: (row) => ({ text: read.string(row, 'text') }),
});

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
    expect(inspections.map((i) => i.previous)).toEqual([null, ...inspections.slice(0, -1).map((i) => i.id)]);
    expect(inspections.map((i) => i.hasReport)).toEqual([false, false, false, false, true]);
    expect(inspections.map((i) => i.grade)).toEqual(['GOOD', 'SUSTAINED_EFFECTIVENESS', 'REQUIRES_IMPROVEMENT', 'SUSTAINED_EFFECTIVENESS', 'INADEQUATE']);

    const requirements = await graph.db.read(requirementsOf, { inspectionId: ofsted.inspection.id });
    expect(requirements.map((r) => r.regulation)).toEqual(['CHR2015:5', 'CHR2015:6', 'CHR2015:10', 'CHR2015:12', 'CHR2015:13', 'CHR2015:23', 'CHR2015:35']);
    expect(new Set(requirements.map((r) => r.dueDate))).toEqual(new Set(['2019-09-12']));
    expect(requirements.filter((r) => r.notice).map((r) => r.regulation)).toEqual(['CHR2015:6']);
    expect(await graph.db.read(repeatsOf, { inspectionId: ofsted.inspection.id })).toContainEqual({ earlier: 'ofsted:1247390:2018-09-26:full' });
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
      .replace('A broken mirror, which was present at the two previous inspections, remains in a bedroom.', 'A broken mirror remains in a bedroom.')
      .replace(/<p>35: Behaviour management policies and records<\/p>.*\n/, '');
    const changed = parseSeedText(edited, OFSTED_SEED);
    expect(changed.source.sha256).not.toBe(ofsted.source.sha256);
    expect(changed.requirements).toHaveLength(ofsted.requirements.length - 1);

    await loadReportDocument(graph.db, changed);
    expect(await graph.db.read(reportsOf, { inspectionId: ofsted.inspection.id })).toEqual([{ sha256: changed.source.sha256 }]);
    const requirements = await graph.db.read(requirementsOf, { inspectionId: ofsted.inspection.id });
    expect(requirements.map((r) => r.regulation)).not.toContain('CHR2015:35');
    const texts = (await graph.db.read(findingTexts, { inspectionId: ofsted.inspection.id })).map((f) => f.text);
    expect(texts.some((t) => t.includes('A broken mirror remains in a bedroom.'))).toBe(true);
    expect(texts.some((t) => t.includes('present at the two previous inspections'))).toBe(false);
    const after = await countGraph(graph.db);
    expect(after[':Requirement']).toBe(before[':Requirement']! - 1);
    expect(after[':Report']).toBe(before[':Report']);
    expect(after[':Finding']).toBe(before[':Finding']);

    await loadReportDocument(graph.db, ofsted);
    expect(await countGraph(graph.db)).toEqual(before);
  });

  it('upgrades a history row in place when that inspection\'s own report arrives', async () => {
    const earlierId = 'ofsted:1247390:2018-09-26:full';
    const earlierReport: ReportDocument = {
      ...ofsted,
      source: { ...ofsted.source, sha256: 'f'.repeat(64), fileName: 'earlier.txt' },
      inspection: { ...ofsted.inspection, id: earlierId, startDate: '2018-09-26', endDate: '2018-09-26', overallGrade: 'REQUIRES_IMPROVEMENT', overallGradeText: 'requires improvement to be good' },
      history: ofsted.history.filter((h) => h.date < '2018-09-26'),
      judgements: [],
      requirements: [],
      recommendations: [],
      enforcement: [],
      findings: [],
    };
    const before = await countGraph(graph.db);
    await loadReportDocument(graph.db, earlierReport);
    const inspections = await graph.db.read(inspectionsOf, { locationId: 'ofsted:1247390' });
    expect(inspections).toHaveLength(5);
    expect(inspections.find((i) => i.id === earlierId)).toMatchObject({ hasReport: true, grade: 'REQUIRES_IMPROVEMENT' });
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
