/**
 * Theme tags as users see them, on a real report: the Dorset ILACS report of 2025 (the PDF in
 * tests/fixtures/corpus/pdf), whose back cover (Ofsted's remit, the licence, where the report is
 * published) the PDF reader keeps as five findings of its last section. Those are boilerplate:
 * marked, untagged, and so counted in no theme question, exact or from its summary. Every other
 * tag carries its terms and a confidence. A report classified by another classifier version is
 * loaded again by ingest, which re-tags it.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../../src/app/prepare-graph.ts';
import { defineQuery, defineStatement, read } from '../../src/db/query.ts';
import { refreshSummaries } from '../../src/graph/summaries/refresh-summaries.ts';
import { readThemes } from '../../src/ingest/classify/index.ts';
import { ingestFile } from '../../src/load/ingest-files.ts';
import type { ReportDocument } from '../../src/model/document.ts';
import { startServer, type RunningServer } from '../../src/server/app.ts';
import { askGraphQL } from '../support/http.ts';
import { connectTestGraph, resetTestGraph, type TestGraph } from '../support/test-graph.ts';

const PDF = path.resolve(
  import.meta.dirname,
  '../fixtures/corpus/pdf/ofsted-ilacs_2532283_dorset_2025-05-09.pdf',
);

/** How each back-cover finding begins (read in the PDF's last page). */
const BACK_COVER = [
  "The Office for Standards in Education, Children's Services and Skills (Ofsted) regulates",
  'If you would like a copy of this document in a different format',
  'You may reuse this information (not including logos)',
  'This report is available at',
  'Interested in our work?',
];

interface FindingNode {
  text: string;
  boilerplate: boolean;
  themes: { theme: { id: string }; terms: string[]; confidence: number | null }[];
}

const markAsOlderClassifier = defineStatement<{ sha256: string; text: string }>(
  'test.mark-older-classifier',
  `MATCH (r:Report {sha256: $sha256}) SET r.ingestVersion = '3'
   WITH r
   MATCH (f:Finding {reportSha: $sha256}) WHERE f.text STARTS WITH $text
   MATCH (t:Theme {id: 'education-and-achievement'})
   MERGE (f)-[:ABOUT {terms: ['education']}]->(t)
   REMOVE f.boilerplate`,
);

const themesOfFindingStarting = defineQuery<{ sha256: string; text: string }, { themes: number }>({
  name: 'test.themes-of-finding',
  cypher: `MATCH (f:Finding {reportSha: $sha256}) WHERE f.text STARTS WITH $text
           RETURN COUNT { (f)-[:ABOUT]->() } AS themes`,
  parse: (row) => ({ themes: read.number(row, 'themes') }),
});

describe('boilerplate and theme tags in the graph and the API', () => {
  let graph: TestGraph;
  let server: RunningServer;
  let doc: ReportDocument;
  let findings: FindingNode[];

  beforeAll(async () => {
    graph = connectTestGraph();
    await resetTestGraph(graph);
    await runMigrations(graph.db, { seedDir: null, log: () => {} });
    const result = await ingestFile(PDF, { db: graph.db, force: false, meta: null });
    expect(result.status).toBe('loaded');
    doc = result.document!;
    server = await startServer({ host: '127.0.0.1', port: 0, ingestToken: null }, graph.db);
    const data = await askGraphQL<{ inspection: { findings: { nodes: FindingNode[] } } }>(
      server.url,
      `query ($id: ID!) { inspection(id: $id) { findings(first: 100) { nodes {
         text boilerplate themes { theme { id } terms confidence } } } } }`,
      { id: doc.inspection.id },
    );
    findings = data.inspection.findings.nodes;
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await graph?.close();
  });

  it('marks the five back-cover findings boilerplate and gives them no theme', () => {
    expect(findings).toHaveLength(doc.findings.length);
    const marked = findings.filter((f) => f.boilerplate);
    expect(marked.map((f) => BACK_COVER.findIndex((start) => f.text.startsWith(start)))).toEqual([
      0, 1, 2, 3, 4,
    ]);
    for (const f of marked) expect(f.themes).toEqual([]);
    // What is guarding against: read as a finding of a report where it is not standard text,
    // Ofsted's remit names several themes.
    expect(
      readThemes(marked[0]!.text, { family: 'cqc-full-report' }).themes.length,
    ).toBeGreaterThan(1);
  });

  it('gives every other tag the terms that fired and a confidence between 0 and 1', () => {
    const tags = findings.filter((f) => !f.boilerplate).flatMap((f) => f.themes);
    expect(tags.length).toBeGreaterThan(50);
    for (const tag of tags) {
      expect(tag.terms.length, tag.theme.id).toBeGreaterThan(0);
      expect(tag.confidence).toBeGreaterThan(0);
      expect(tag.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('counts no boilerplate finding in themeTrends or themeCooccurrence, exact or from the summaries', async () => {
    // Independently: per theme, the findings of the document tagged with it; per pair, both.
    const year = doc.inspection.startDate!.slice(0, 4);
    const perTheme = new Map<string, number>();
    const perPair = new Map<string, number>();
    for (const f of doc.findings) {
      const ids = f.themes.map((t) => t.id).sort();
      for (const a of ids) perTheme.set(a, (perTheme.get(a) ?? 0) + 1);
      for (const a of ids)
        for (const b of ids)
          if (a < b) perPair.set(`${a}+${b}`, (perPair.get(`${a}+${b}`) ?? 0) + 1);
    }
    expect(doc.findings.filter((f) => f.boilerplate)).toHaveLength(5);
    const ask = async () => {
      const data = await askGraphQL<{
        themeTrends: { theme: { id: string }; period: string; findingCount: number }[];
        themeCooccurrence: {
          nodes: { first: { id: string }; second: { id: string }; findingCount: number }[];
        };
      }>(
        server.url,
        `{ themeTrends(interval: YEAR) { theme { id } period findingCount }
           themeCooccurrence(first: 100) { nodes { first { id } second { id } findingCount } } }`,
      );
      return {
        trends: new Map(data.themeTrends.map((p) => [p.theme.id, p.findingCount])),
        periods: new Set(data.themeTrends.map((p) => p.period)),
        pairs: new Map(
          data.themeCooccurrence.nodes
            .filter((p) => p.first.id !== p.second.id)
            .map((p) => [[p.first.id, p.second.id].sort().join('+'), p.findingCount]),
        ),
      };
    };
    const exact = await ask();
    expect(exact.periods).toEqual(new Set([year]));
    expect(exact.trends).toEqual(perTheme);
    expect(exact.pairs).toEqual(perPair);
    await refreshSummaries(graph.db);
    const summarised = await ask();
    expect(summarised.trends).toEqual(perTheme);
    expect(summarised.pairs).toEqual(perPair);
  });

  it('loads again, and so re-tags, a report another classifier version wrote', async () => {
    const sha256 = doc.source.sha256;
    const text = BACK_COVER[0]!;
    await graph.db.write(markAsOlderClassifier, { sha256, text });
    expect(await graph.db.read(themesOfFindingStarting, { sha256, text })).toEqual([{ themes: 1 }]);
    const again = await ingestFile(PDF, { db: graph.db, force: false, meta: null });
    expect(again.status).toBe('loaded');
    expect(await graph.db.read(themesOfFindingStarting, { sha256, text })).toEqual([{ themes: 0 }]);
    const third = await ingestFile(PDF, { db: graph.db, force: false, meta: null });
    expect(third.status).toBe('unchanged');
  });
});
