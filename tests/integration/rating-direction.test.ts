/**
 * Rating direction over GraphQL: compared in the graph whatever order reports arrive in, stated
 * from the report's words when no earlier grade is in the graph, compared winning over stated.
 *
 * Two real CQC texts are joined on one location by metadata (neither prints a CQC location id):
 * the CQC seed summary, 11 September 2023, "Our rating of this location went down. We rated it as
 * inadequate"; and the Arreta Care full report, visit 19 October 2023, overall Good, in its own
 * words or with a "last rating" sentence (tests/support/arreta-report.ts). The expected values are
 * read from those sentences: inadequate then good is up; good after a stated outstanding is down.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReportDocument } from '../../src/graph/write/load-reports.ts';
import { buildReportDocument } from '../../src/ingest/pipeline.ts';
import type { ReportDocument } from '../../src/model/document.ts';
import { startServer, type RunningServer } from '../../src/server/app.ts';
import { ARRETA_FILE, arretaWithLastRating, readArretaText } from '../support/arreta-report.ts';
import { askGraphQL } from '../support/http.ts';
import { CQC_SEED, OFSTED_SEED, parseSeed, readSeedText } from '../support/seed-documents.ts';
import { connectTestGraph, resetTestGraph, type TestGraph } from '../support/test-graph.ts';

const LOCATION = 'cqc:test-rating-direction';

function build(text: string, fileName: string, locationId: string | null): ReportDocument {
  const result = buildReportDocument({
    text,
    fileName,
    format: fileName.endsWith('.json') ? 'json' : 'txt',
    ...(locationId ? { meta: { location: { id: locationId } } } : {}),
  });
  if (!result.ok) throw new Error(`${fileName}: ${result.message}`);
  return result.document;
}

const summary = () => build(readSeedText(CQC_SEED), CQC_SEED, LOCATION);
const arreta = () => build(readArretaText(), ARRETA_FILE, LOCATION);
const arretaOnceOutstanding = () =>
  build(
    arretaWithLastRating('The last rating for this service was outstanding.'),
    'arreta-last-rated-outstanding.txt',
    LOCATION,
  );

const SUMMARY_ID = `${LOCATION}:2023-09-11:routine`;
const ARRETA_ID = `${LOCATION}:2023-10-19:full`;

interface Direction {
  type: string;
  overallGrade: string | null;
  ratingDirection: string | null;
  ratingDirectionSource: string | null;
  statedRatingDirection: string | null;
  statedPreviousGrade: string | null;
}

describe('rating direction', () => {
  let graph: TestGraph;
  let server: RunningServer;

  const directionOf = async (id: string): Promise<Direction> => {
    const data = await askGraphQL<{ inspection: Direction | null }>(
      server.url,
      `query ($id: ID!) {
        inspection(id: $id) {
          type overallGrade ratingDirection ratingDirectionSource statedRatingDirection statedPreviousGrade
        }
      }`,
      { id },
    );
    if (!data.inspection) throw new Error(`no inspection ${id}`);
    return data.inspection;
  };

  beforeAll(async () => {
    graph = connectTestGraph();
    server = await startServer({ host: '127.0.0.1', port: 0, ingestToken: null }, graph.db);
  });
  afterAll(async () => {
    await server.stop();
    await graph.close();
  });

  it('the documents key the inspections as the tests expect', () => {
    expect(summary().inspection.id).toBe(SUMMARY_ID);
    expect(arreta().inspection.id).toBe(ARRETA_ID);
    expect(arretaOnceOutstanding().inspection.id).toBe(ARRETA_ID);
  });

  it('earlier report first: the later one is compared with it on arrival', async () => {
    await resetTestGraph(graph);
    await loadReportDocument(graph.db, summary());
    expect(await directionOf(SUMMARY_ID)).toEqual({
      type: 'routine',
      overallGrade: 'INADEQUATE',
      ratingDirection: 'DOWN',
      ratingDirectionSource: 'STATED',
      statedRatingDirection: 'DOWN',
      statedPreviousGrade: null,
    });
    await loadReportDocument(graph.db, arreta());
    expect(await directionOf(ARRETA_ID)).toEqual({
      type: 'full',
      overallGrade: 'GOOD',
      ratingDirection: 'UP',
      ratingDirectionSource: 'COMPARED',
      statedRatingDirection: null,
      statedPreviousGrade: null,
    });
    expect(await directionOf(SUMMARY_ID)).toMatchObject({
      ratingDirection: 'DOWN',
      ratingDirectionSource: 'STATED',
    });
  });

  it('later report first: it has no direction until the earlier one arrives, then is compared', async () => {
    await resetTestGraph(graph);
    await loadReportDocument(graph.db, arreta());
    expect(await directionOf(ARRETA_ID)).toMatchObject({
      ratingDirection: null,
      ratingDirectionSource: null,
    });
    await loadReportDocument(graph.db, summary());
    expect(await directionOf(ARRETA_ID)).toMatchObject({
      ratingDirection: 'UP',
      ratingDirectionSource: 'COMPARED',
    });
    expect(await directionOf(SUMMARY_ID)).toMatchObject({
      ratingDirection: 'DOWN',
      ratingDirectionSource: 'STATED',
    });
  });

  it('ratingChanges gives the same directions, with the same basis', async () => {
    const data = await askGraphQL<{
      ratingChanges: { nodes: { after: { id: string }; direction: string; basis: string }[] };
    }>(server.url, `{ ratingChanges(regulator: CQC) { nodes { after { id } direction basis } } }`);
    expect(data.ratingChanges.nodes).toEqual([
      { after: { id: ARRETA_ID }, direction: 'UP', basis: 'grades compared' },
      { after: { id: SUMMARY_ID }, direction: 'DOWN', basis: 'stated in report' },
    ]);
  });

  it("only the report's words: a stated last rating gives the direction, until the graph can compare", async () => {
    await resetTestGraph(graph);
    await loadReportDocument(graph.db, arretaOnceOutstanding());
    expect(await directionOf(ARRETA_ID)).toEqual({
      type: 'full',
      overallGrade: 'GOOD',
      ratingDirection: 'DOWN',
      ratingDirectionSource: 'STATED',
      statedRatingDirection: 'DOWN',
      statedPreviousGrade: 'OUTSTANDING',
    });
    // The summary's inspection, inadequate, is now the nearest earlier grade in the graph: the
    // compared direction wins, the stated one stays visible.
    await loadReportDocument(graph.db, summary());
    expect(await directionOf(ARRETA_ID)).toMatchObject({
      ratingDirection: 'UP',
      ratingDirectionSource: 'COMPARED',
      statedRatingDirection: 'DOWN',
      statedPreviousGrade: 'OUTSTANDING',
    });
  });

  it('a CQC API record: its own ratings compared, each typed by the key questions it rated', async () => {
    await resetTestGraph(graph);
    const file = 'cqc_1-5203053560_api-location-with-assessment.json';
    const text = readFileSync(
      path.resolve(import.meta.dirname, '../fixtures/corpus/cqc', file),
      'utf8',
    );
    await loadReportDocument(graph.db, build(text, file, null));
    // Treetops Nursing Home: assessment 15 July 2024 Good; historic ratings of the reports
    // visited 26 November 2020 (Good, all five key questions) and 4 June 2019 (Requires
    // improvement, Safe and Well-led only).
    const id = (date: string, type: string) => `cqc:1-5203053560:${date}:${type}`;
    expect(await directionOf(id('2024-07-15', 'assessment'))).toMatchObject({
      overallGrade: 'GOOD',
      ratingDirection: 'SAME',
      ratingDirectionSource: 'COMPARED',
    });
    expect(await directionOf(id('2020-11-26', 'full'))).toMatchObject({
      overallGrade: 'GOOD',
      ratingDirection: 'UP',
      ratingDirectionSource: 'COMPARED',
    });
    expect(await directionOf(id('2019-06-04', 'focused'))).toMatchObject({
      overallGrade: 'REQUIRES_IMPROVEMENT',
      ratingDirection: null,
      ratingDirectionSource: null,
    });
  });

  it('the Ofsted seed: interim judgements are their own direction, full inspections compared past them', async () => {
    await resetTestGraph(graph);
    await loadReportDocument(graph.db, parseSeed(OFSTED_SEED));
    // Its history table: Good 2017-07-12, sustained 2018-01-05, requires improvement 2018-09-26,
    // sustained 2019-02-20; the report's own inspection, 2019-07-23, inadequate.
    const at = async (date: string, type: string) => {
      const d = await directionOf(`ofsted:1247390:${date}:${type}`);
      return [d.ratingDirection, d.ratingDirectionSource];
    };
    expect(await at('2019-07-23', 'full')).toEqual(['DOWN', 'COMPARED']);
    expect(await at('2019-02-20', 'interim')).toEqual(['SAME', 'INTERIM_JUDGEMENT']);
    expect(await at('2018-09-26', 'full')).toEqual(['DOWN', 'COMPARED']);
    expect(await at('2018-01-05', 'interim')).toEqual(['SAME', 'INTERIM_JUDGEMENT']);
    expect(await at('2017-07-12', 'full')).toEqual([null, null]);
  });
});
