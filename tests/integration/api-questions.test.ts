/** Every cross-report question over HTTP against the real Neo4j, seeds plus multi-inspection fixtures. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askGraphQL, postGraphQL } from '../support/http.ts';
import { startApiFixture, type ApiFixture } from '../support/api-fixture.ts';

type Json = Record<string, unknown>;

describe('cross-report questions', () => {
  let api: ApiFixture;
  const ask = <T = Json>(query: string, variables: Json = {}) =>
    askGraphQL<T>(api.server.url, query, variables);

  beforeAll(async () => {
    api = await startApiFixture();
  });
  afterAll(async () => api.close());

  it('repeatedBreaches returns the home, the regulation and both inspections, with requirement texts and the repeat sentence', async () => {
    const data = await ask<{ repeatedBreaches: Json[] }>(`{
      repeatedBreaches(minInspections: 2) {
        location { id } provider { name } regulation { id heading } inspectionCount
        inspections { id startDate }
        requirements { text inspection { startDate } }
        repeatStatements { statement refersTo { id } }
      }
    }`);
    const breach = data.repeatedBreaches.find(
      (b) =>
        (b.location as Json).id === 'ofsted:SC999001' && (b.regulation as Json).id === 'CHR2015:12',
    );
    expect(breach).toBeDefined();
    expect(breach!.provider).toEqual({ name: 'Meadowbank Care Services Limited' });
    expect(breach!.inspections).toEqual([
      { id: 'ofsted:SC999001:2022-03-08:full', startDate: '2022-03-08' },
      { id: 'ofsted:SC999001:2023-02-14:full', startDate: '2023-02-14' },
    ]);
    const requirements = breach!.requirements as {
      text: string;
      inspection: { startDate: string };
    }[];
    expect(requirements.map((r) => r.inspection.startDate).sort()).toEqual([
      '2022-03-08',
      '2023-02-14',
    ]);
    expect(
      requirements.every((r) => r.text.includes('assess whether each child is at risk of harm')),
    ).toBe(true);
    const statements = breach!.repeatStatements as {
      statement: string;
      refersTo: { id: string } | null;
    }[];
    expect(statements).toContainEqual({
      statement: expect.stringContaining(
        'repeated shortfall from the full inspection in March 2022',
      ),
      refersTo: { id: 'ofsted:SC999001:2022-03-08:full' },
    });
    // Only regulation 12 was required at both inspections of SC999001; 23 and 13 only once.
    const sc999001 = data.repeatedBreaches.filter(
      (b) =>
        (b.location as Json).id === 'ofsted:SC999001' &&
        b.inspectionCount === 2 &&
        (b.inspections as Json[]).length === 2,
    );
    expect(sc999001.map((b) => (b.regulation as Json).id)).toContain('CHR2015:12');
    const filtered = await ask<{ repeatedBreaches: Json[] }>(
      '{ repeatedBreaches(regulation: "CHR2015:23", minInspections: 2) { location { id } } }',
    );
    expect(filtered.repeatedBreaches.map((b) => (b.location as Json).id)).not.toContain(
      'ofsted:SC999001',
    );
  });

  it('breachCounts groups requirement counts and distinct locations', async () => {
    const data = await ask<{ breachCounts: Json[] }>(`{
      breachCounts(groupBy: [REGULATION]) { regulation { id } requirementCount locationCount inspectionCount regulator year }
    }`);
    expect(data.breachCounts).toContainEqual({
      regulation: { id: 'CHR2015:12' },
      requirementCount: 3,
      locationCount: 2,
      inspectionCount: 3,
      regulator: null,
      year: null,
    });
    const byYear = await ask<{ breachCounts: Json[] }>(
      '{ breachCounts(groupBy: [REGULATOR, YEAR], filter: { legislation: "CHR2015" }) { regulator year requirementCount } }',
    );
    expect(byYear.breachCounts).toEqual(
      expect.arrayContaining([
        { regulator: 'OFSTED', year: 2019, requirementCount: 7 },
        { regulator: 'OFSTED', year: 2022, requirementCount: 2 },
        { regulator: 'OFSTED', year: 2023, requirementCount: 2 },
      ]),
    );
  });

  it('themeTrends counts findings per theme and period; themeCooccurrence pairs themes', async () => {
    const data = await ask<{ themeTrends: Json[] }>(
      '{ themeTrends(themes: ["medication"], interval: YEAR) { theme { id } period periodStart findingCount } }',
    );
    const periods = data.themeTrends.map((p) => p.period);
    expect(periods).toEqual(expect.arrayContaining(['2019', '2022']));
    expect(
      data.themeTrends.every(
        (p) => (p.theme as Json).id === 'medication' && (p.findingCount as number) > 0,
      ),
    ).toBe(true);
    const quarters = await ask<{ themeTrends: Json[] }>(
      '{ themeTrends(themes: ["medication"], interval: QUARTER) { period periodStart } }',
    );
    expect(quarters.themeTrends).toContainEqual({ period: '2019-Q3', periodStart: '2019-07-01' });

    const pairs = await ask<{
      themeCooccurrence: { findingCount: number; jaccard: number; first: Json; second: Json }[];
    }>('{ themeCooccurrence(first: 5) { first { id } second { id } findingCount jaccard } }');
    expect(pairs.themeCooccurrence.length).toBeGreaterThan(0);
    for (const pair of pairs.themeCooccurrence) {
      expect(pair.findingCount).toBeGreaterThan(0);
      expect(pair.jaccard).toBeGreaterThan(0);
      expect(pair.jaccard).toBeLessThanOrEqual(1);
      expect(String(pair.first.id) < String(pair.second.id)).toBe(true);
    }
  });

  it('ratingChanges finds grades that went down and up, and says how it knows', async () => {
    const down = await ask<{ ratingChanges: Json[] }>(
      '{ ratingChanges(direction: DOWN) { location { id } before { id } after { id } direction basis } }',
    );
    expect(down.ratingChanges).toContainEqual({
      location: { id: 'ofsted:SC999001' },
      before: { id: 'ofsted:SC999001:2022-03-08:full' },
      after: { id: 'ofsted:SC999001:2023-02-14:full' },
      direction: 'DOWN',
      basis: 'grades compared',
    });
    expect(down.ratingChanges).toContainEqual(
      expect.objectContaining({
        location: { id: 'ofsted:1247390' },
        before: { id: 'ofsted:1247390:2018-09-26:full' },
        basis: 'grades compared',
      }),
    );
    expect(down.ratingChanges.some((c) => c.basis === 'stated in report')).toBe(true);
    const up = await ask<{ ratingChanges: Json[] }>(
      '{ ratingChanges(direction: UP) { location { id } after { startDate } } }',
    );
    expect(up.ratingChanges).toContainEqual({
      location: { id: 'ofsted:SC999002' },
      after: { startDate: '2023-05-10' },
    });
  });

  it('enforcementActions lists the CQC warning notices with their legal basis and comply-by date', async () => {
    const data = await ask<{ enforcementActions: { totalCount: number; nodes: Json[] } }>(
      '{ enforcementActions(type: WARNING_NOTICE) { totalCount nodes { type count complyBy legalBasis inspection { startDate } } } }',
    );
    expect(data.enforcementActions.nodes).toContainEqual({
      type: 'WARNING_NOTICE',
      count: 2,
      complyBy: '2023-11-24',
      legalBasis: expect.stringMatching(/Section 29 of the Health and Social Care Act 2008/i),
      inspection: { startDate: '2023-09-11' },
    });
  });

  // The starred rows of the two Ofsted requirements tables: regulation 6 of the seed (inspected
  // 23 July 2019, due 12/09/2019) and regulation 13 of Brookside House (14 February 2023, due
  // 31/03/2023). Neither report dates its notice, so they sort by inspection date, newest first.
  it('enforcementActions(type: COMPLIANCE_NOTICE) returns the notices of the requirements tables, each linked from its requirement', async () => {
    const data = await ask<{ enforcementActions: { totalCount: number; nodes: Json[] } }>(`{
      enforcementActions(type: COMPLIANCE_NOTICE) {
        totalCount
        nodes { id type regulation { id } issuedOn complyBy legalBasis count inspection { id } source { line } }
      }
    }`);
    expect(data.enforcementActions).toEqual({
      totalCount: 2,
      nodes: [
        {
          id: 'ofsted:SC999001:2023-02-14:full/enforcement/1',
          type: 'COMPLIANCE_NOTICE',
          regulation: { id: 'CHR2015:13' },
          issuedOn: null,
          complyBy: '2023-03-31',
          legalBasis: null,
          count: 1,
          inspection: { id: 'ofsted:SC999001:2023-02-14:full' },
          source: { line: 48 },
        },
        {
          id: 'ofsted:1247390:2019-07-23:full/enforcement/1',
          type: 'COMPLIANCE_NOTICE',
          regulation: { id: 'CHR2015:6' },
          issuedOn: null,
          complyBy: '2019-09-12',
          legalBasis: null,
          count: 1,
          inspection: { id: 'ofsted:1247390:2019-07-23:full' },
          source: { line: 53 },
        },
      ],
    });

    const seed = await ask<{ inspection: { requirements: Json[] } }>(`{
      inspection(id: "ofsted:1247390:2019-07-23:full") {
        requirements { regulation { id } complianceNotice enforcementAction { id type regulation { id } } }
      }
    }`);
    const starred = seed.inspection.requirements.filter((r) => r.complianceNotice);
    expect(starred).toEqual([
      {
        regulation: { id: 'CHR2015:6' },
        complianceNotice: true,
        enforcementAction: {
          id: 'ofsted:1247390:2019-07-23:full/enforcement/1',
          type: 'COMPLIANCE_NOTICE',
          regulation: { id: 'CHR2015:6' },
        },
      },
    ]);
    // The six unstarred rows (regulations 5, 10, 12, 13, 23 and 35) are under no notice.
    expect(
      seed.inspection.requirements
        .filter((r) => !r.complianceNotice)
        .map((r) => [(r.regulation as Json).id, r.enforcementAction]),
    ).toEqual([
      ['CHR2015:5', null],
      ['CHR2015:10', null],
      ['CHR2015:12', null],
      ['CHR2015:13', null],
      ['CHR2015:23', null],
      ['CHR2015:35', null],
    ]);
  });

  it('enforcementActions refuses a type outside the EnforcementType enum instead of returning nothing', async () => {
    const literal = await postGraphQL(
      api.server.url,
      '{ enforcementActions(type: banana) { totalCount } }',
    );
    expect(literal.body.data).toBeUndefined();
    expect(literal.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(literal.body.errors?.[0]?.message).toMatch(/EnforcementType/);
    // The stored spelling is no name of the enum either, so an old client's string fails too.
    for (const type of ['banana', 'compliance-notice']) {
      const variable = await postGraphQL(
        api.server.url,
        'query ($type: EnforcementType) { enforcementActions(type: $type) { totalCount } }',
        { type },
      );
      expect(variable.body.errors?.[0]?.extensions?.code, type).toBe('BAD_USER_INPUT');
    }
  });

  it('search finds findings and requirements by full text with highlighted snippets', async () => {
    const data = await ask<{ search: Json[] }>(
      '{ search(text: "controlled medication", first: 5) { kind snippet score inspection { id } location { id } } }',
    );
    expect(data.search.length).toBeGreaterThan(0);
    expect(data.search[0]!.snippet).toMatch(/<mark>(controlled|medication)/i);
    expect(data.search.some((hit) => (hit.location as Json).id === 'ofsted:1247390')).toBe(true);
    const requirements = await ask<{ search: Json[] }>(
      '{ search(text: "\\"monitoring and review systems\\"") { kind } }',
    );
    expect(requirements.search.map((hit) => hit.kind)).toContain('REQUIREMENT');
  });

  it('relatedFindings ranks findings from other inspections and gives reasons', async () => {
    const medication = await ask<{
      search: { finding: { id: string } | null; inspection: { id: string } }[];
    }>(
      '{ search(text: "medication records stock", first: 10) { finding { id } inspection { id } } }',
    );
    const source = medication.search.find(
      (hit) => hit.finding && hit.inspection.id === 'ofsted:SC999001:2022-03-08:full',
    );
    expect(source).toBeDefined();
    const data = await ask<{
      relatedFindings: {
        score: number;
        reasons: string[];
        finding: { inspection: { id: string } };
      }[];
    }>(
      'query ($id: ID!) { relatedFindings(findingId: $id, first: 5) { score reasons finding { inspection { id } } } }',
      { id: source!.finding!.id },
    );
    expect(data.relatedFindings.length).toBeGreaterThan(0);
    expect(
      data.relatedFindings.every(
        (r) => r.finding.inspection.id !== 'ofsted:SC999001:2022-03-08:full',
      ),
    ).toBe(true);
    expect(data.relatedFindings[0]!.reasons.length).toBeGreaterThan(0);
    const scores = data.relatedFindings.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});
