/**
 * The API the location profile reads: Requirement.followUp against the fixture reports
 * (hand-checked), and Report.passages against the report's own nodes as the entity fields list
 * them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiFixture, type ApiFixture } from '../support/api-fixture.ts';
import { askGraphQL } from '../support/http.ts';

interface Positioned {
  id: string;
  text: string;
  source: { line: number; offset: number; report: { sha256: string } | null };
}

const POSITIONED = 'id text source { line offset report { sha256 } }';

describe('location profile API', () => {
  let api: ApiFixture;
  let url: string;
  beforeAll(async () => {
    api = await startApiFixture({ ingestToken: null });
    url = `http://127.0.0.1:${api.server.port}`;
  });
  afterAll(async () => {
    await api?.close();
  });

  it('says whether each requirement was met at the next inspection', async () => {
    const data = await askGraphQL<{
      location: {
        inspections: {
          nodes: {
            startDate: string;
            requirements: {
              regulation: { id: string } | null;
              followUp: { met: boolean | null; nextInspection: { startDate: string } } | null;
            }[];
          }[];
        };
      };
    }>(
      url,
      `{ location(id: "ofsted:SC999001") { inspections { nodes { startDate requirements {
          regulation { id } followUp { met nextInspection { startDate } } } } } } }`,
    );
    const rows = data.location.inspections.nodes.flatMap((inspection) =>
      inspection.requirements.map((requirement) => [
        inspection.startDate,
        requirement.regulation?.id,
        requirement.followUp?.met ?? null,
        requirement.followUp?.nextInspection.startDate ?? null,
      ]),
    );
    // Fixture README: 2022 under regulations 12 and 23; 2023 under 12 (again) and 13.
    expect(rows.sort()).toEqual(
      [
        ['2022-03-08', 'CHR2015:12', false, '2023-02-14'],
        ['2022-03-08', 'CHR2015:23', true, '2023-02-14'],
        ['2023-02-14', 'CHR2015:12', null, null],
        ['2023-02-14', 'CHR2015:13', null, null],
      ].sort(),
    );
  });

  it("lists a report's passages: its findings, requirements, recommendations and enforcement, in text order", async () => {
    const data = await askGraphQL<{
      inspection: {
        reports: { sha256: string }[];
        findings: { totalCount: number; nodes: Positioned[] };
        requirements: Positioned[];
        recommendations: Positioned[];
        enforcementActions: Positioned[];
      };
    }>(
      url,
      `{ inspection(id: "ofsted:SC999001:2023-02-14:full") {
          reports { sha256 }
          findings(first: 100) { totalCount nodes { ${POSITIONED} } }
          requirements { ${POSITIONED} } recommendations { ${POSITIONED} }
          enforcementActions { ${POSITIONED} } } }`,
    );
    const { inspection } = data;
    expect(inspection.reports).toHaveLength(1);
    const sha256 = inspection.reports[0]!.sha256;
    expect(inspection.findings.nodes).toHaveLength(inspection.findings.totalCount);
    const expected = [
      ...inspection.findings.nodes.map((node) => ({ kind: 'FINDING', node })),
      ...inspection.requirements.map((node) => ({ kind: 'REQUIREMENT', node })),
      ...inspection.recommendations.map((node) => ({ kind: 'RECOMMENDATION', node })),
      ...inspection.enforcementActions.map((node) => ({ kind: 'ENFORCEMENT', node })),
    ]
      .filter(({ node }) => node.source.report?.sha256 === sha256)
      .map(({ kind, node }) => ({
        kind,
        id: node.id,
        text: node.text,
        line: node.source.line,
        offset: node.source.offset,
      }))
      .sort((a, b) => a.offset - b.offset || (a.id < b.id ? -1 : 1));
    expect(expected.map((row) => row.kind)).toEqual(
      expect.arrayContaining(['FINDING', 'REQUIREMENT', 'ENFORCEMENT']),
    );

    const answer = await askGraphQL<{ report: { passages: unknown[] } | null }>(
      url,
      'query ($sha256: ID!) { report(sha256: $sha256) { passages { kind id text line offset } } }',
      { sha256 },
    );
    expect(answer.report?.passages).toEqual(expected);
    const missing = await askGraphQL<{ report: null }>(
      url,
      'query { report(sha256: "0000") { fileName } }',
    );
    expect(missing.report).toBeNull();
  });
});
