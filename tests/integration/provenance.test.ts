/**
 * Provenance in the graph: a finding from a CQC API record carries the JSON Pointer of its
 * commentary through the loader to `source.pointer`, and a report loaded as a PDF and as its text
 * copy is one location and one inspection.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../../src/app/prepare-graph.ts';
import { defineQuery, read } from '../../src/db/query.ts';
import { ingestFile } from '../../src/load/ingest-files.ts';
import { startServer, type RunningServer } from '../../src/server/app.ts';
import { askGraphQL } from '../support/http.ts';
import { connectTestGraph, resetTestGraph, type TestGraph } from '../support/test-graph.ts';

const CQC_DIR = path.resolve(import.meta.dirname, '../fixtures/corpus/cqc');
const API_RECORD = path.join(CQC_DIR, 'cqc_1-569934227_api-location-with-assessment.json');
const ARRETA = path.join(CQC_DIR, 'cqc_arreta-care-limited_2023-11-14');

const countArreta = defineQuery<
  object,
  { locations: number; inspections: number; reports: number }
>({
  name: 'test.count-arreta',
  cypher: `MATCH (l:Location {name: 'Arreta Care Limited'})
           OPTIONAL MATCH (i:Inspection)-[:OF]->(l)
           OPTIONAL MATCH (i)-[:REPORTED_IN]->(r:Report)
           RETURN count(DISTINCT l) AS locations, count(DISTINCT i) AS inspections, count(DISTINCT r) AS reports`,
  parse: (row) => ({
    locations: read.number(row, 'locations'),
    inspections: read.number(row, 'inspections'),
    reports: read.number(row, 'reports'),
  }),
});

let graph: TestGraph;
let server: RunningServer;

beforeAll(async () => {
  graph = connectTestGraph();
  await resetTestGraph(graph);
  await runMigrations(graph.db, { seedDir: null, log: () => {} });
  server = await startServer({ host: '127.0.0.1', port: 0, ingestToken: null }, graph.db);
});

afterAll(async () => {
  await server?.stop();
  await graph?.close();
});

/** The value at a JSON Pointer (RFC 6901). */
function resolvePointer(root: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((value, token) => (value as Record<string, unknown>)[token], root);
}

describe('provenance', () => {
  it('points each API-record finding at the commentary it was read from', async () => {
    const result = await ingestFile(API_RECORD, { db: graph.db, force: false, meta: null });
    expect(result.status).toBe('loaded');
    const data = await askGraphQL<{
      location: {
        inspections: {
          nodes: { findings: { nodes: { text: string; source: { pointer: string | null } }[] } }[];
        };
      };
    }>(
      server.url,
      `{ location(id: "cqc:1-569934227") { inspections { nodes {
           findings(first: 100) { nodes { text source { pointer line } } } } } } }`,
    );
    const findings = data.location.inspections.nodes.flatMap((i) => i.findings.nodes);
    expect(findings.length).toBeGreaterThan(3);
    const record = JSON.parse(readFileSync(API_RECORD, 'utf8')) as unknown;
    for (const finding of findings) {
      const pointer = finding.source.pointer!;
      expect(pointer).toMatch(/^\/assessment\/0\/ratings\/asgRatings\/0\//);
      const commentary = resolvePointer(record, pointer);
      expect(typeof commentary).toBe('string');
      // The finding's first words are the commentary's (the text is cleaned, not rewritten).
      const firstWords = (commentary as string).trim().split(/\s+/).slice(0, 4).join(' ');
      expect(finding.text.replace(/\s+/g, ' ')).toContain(firstWords);
    }
  });

  it('loads a report as a PDF and as its text copy into one location and one inspection', async () => {
    for (const file of [`${ARRETA}.pdf`, `${ARRETA}.txt`]) {
      const result = await ingestFile(file, { db: graph.db, force: false, meta: null });
      expect(result.status).toBe('loaded');
    }
    const [counts] = await graph.db.read(countArreta, {});
    expect(counts).toEqual({ locations: 1, inspections: 1, reports: 2 });
    // Loading either again changes nothing: both are in the graph by their own sha256.
    for (const file of [`${ARRETA}.pdf`, `${ARRETA}.txt`]) {
      const again = await ingestFile(file, { db: graph.db, force: false, meta: null });
      expect(again.status).toBe('unchanged');
    }
    const [after] = await graph.db.read(countArreta, {});
    expect(after).toEqual(counts);
  });
});
