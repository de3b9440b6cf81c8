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

  it('repeatedBreaches returns the home, the regulation and both inspections, with requirement texts, counting documented breaches only', async () => {
    const data = await ask<{ repeatedBreaches: { totalCount: number; nodes: Json[] } }>(`{
      repeatedBreaches(minInspections: 2) {
        totalCount
        nodes {
          location { id } provider { name } regulation { id heading } inspectionCount
          inspections { id startDate }
          countedInspections { inspection { id } evidence }
          requirements { text inspection { startDate } }
          repeatStatements { statement refersTo { id } }
        }
      }
    }`);
    const rows = data.repeatedBreaches.nodes;
    expect(data.repeatedBreaches.totalCount).toBe(rows.length);
    const breach = rows.find(
      (b) =>
        (b.location as Json).id === 'ofsted:SC999001' && (b.regulation as Json).id === 'CHR2015:12',
    );
    expect(breach).toBeDefined();
    expect(breach!.provider).toEqual({ name: 'Meadowbank Care Services Limited' });
    expect(breach!.inspections).toEqual([
      { id: 'ofsted:SC999001:2022-03-08:full', startDate: '2022-03-08' },
      { id: 'ofsted:SC999001:2023-02-14:full', startDate: '2023-02-14' },
    ]);
    // Both reports have a regulation 12 requirement (their requirements tables).
    expect(breach!.countedInspections).toEqual([
      { inspection: { id: 'ofsted:SC999001:2022-03-08:full' }, evidence: ['DOCUMENTED'] },
      { inspection: { id: 'ofsted:SC999001:2023-02-14:full' }, evidence: ['DOCUMENTED'] },
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
    // "This is a repeated shortfall from the full inspection in March 2022." names no regulation:
    // it is not evidence of a regulation 12 breach, and statements show only when asked for.
    expect(breach!.repeatStatements).toEqual([]);
    // Only regulation 12 was required at both inspections of SC999001; 23 and 13 only once.
    const sc999001 = rows.filter((b) => (b.location as Json).id === 'ofsted:SC999001');
    expect(sc999001.map((b) => (b.regulation as Json).id)).toEqual(['CHR2015:12']);
    const filtered = await ask<{ repeatedBreaches: { nodes: Json[] } }>(
      '{ repeatedBreaches(regulation: "CHR2015:23", minInspections: 2) { nodes { location { id } } } }',
    );
    expect(filtered.repeatedBreaches.nodes.map((b) => (b.location as Json).id)).not.toContain(
      'ofsted:SC999001',
    );
  });

  it('repeatedBreaches never counts a repeat sentence that does not name the regulation', async () => {
    // The seed's repeat sentences ("Barriers ... remain, as reported at the previous inspection",
    // "This was a breach in regulation at the previous inspection") name no regulation, and its
    // earlier inspections are known only from its history table, with no requirements: no pair of
    // the seed's home reaches two inspections, whichever evidence is asked for.
    const data = await ask<{ repeatedBreaches: { nodes: Json[] } }>(`{
      repeatedBreaches(minInspections: 2, evidence: [DOCUMENTED, STATED_REPEAT], first: 100) {
        nodes { location { id } regulation { id } inspectionCount }
      }
    }`);
    expect(
      data.repeatedBreaches.nodes.filter((b) => (b.location as Json).id === 'ofsted:1247390'),
    ).toEqual([]);
  });

  it('repeatedBreaches with a window counts only the inspections inside it', async () => {
    const data = await ask<{ repeatedBreaches: { nodes: Json[] } }>(`{
      repeatedBreaches(minInspections: 1, from: "2023-01-01", regulation: "CHR2015:12", first: 100) {
        nodes { location { id } inspectionCount inspections { startDate } }
      }
    }`);
    const home = data.repeatedBreaches.nodes.find(
      (b) => (b.location as Json).id === 'ofsted:SC999001',
    );
    expect(home).toEqual({
      location: { id: 'ofsted:SC999001' },
      inspectionCount: 1,
      inspections: [{ startDate: '2023-02-14' }],
    });
    for (const row of data.repeatedBreaches.nodes)
      for (const inspection of row.inspections as { startDate: string }[])
        expect(inspection.startDate >= '2023-01-01').toBe(true);
  });

  it('repeatedBreaches pages through the whole answer with cursors, in its documented order', async () => {
    const all = await ask<{ repeatedBreaches: { totalCount: number; nodes: Json[] } }>(
      '{ repeatedBreaches(minInspections: 1, first: 100) { totalCount nodes { location { id } regulation { id } inspectionCount } } }',
    );
    const whole = all.repeatedBreaches.nodes;
    expect(whole.length).toBe(all.repeatedBreaches.totalCount);
    expect(whole.length).toBeGreaterThan(3);
    const key = (b: Json) =>
      [-(b.inspectionCount as number), (b.location as Json).id, (b.regulation as Json).id] as const;
    const sorted = [...whole].sort((x, y) => {
      const [a, b] = [key(x), key(y)];
      return (
        a[0] - b[0] ||
        String(a[1]).localeCompare(String(b[1])) ||
        String(a[2]).localeCompare(String(b[2]))
      );
    });
    expect(whole).toEqual(sorted);
    const paged: Json[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page += 1) {
      const next: { repeatedBreaches: { nodes: Json[]; pageInfo: Json } } = await ask(
        'query ($after: String) { repeatedBreaches(minInspections: 1, first: 2, after: $after) { nodes { location { id } regulation { id } inspectionCount } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      paged.push(...next.repeatedBreaches.nodes);
      if (!next.repeatedBreaches.pageInfo.hasNextPage) break;
      after = next.repeatedBreaches.pageInfo.endCursor as string;
    }
    expect(paged).toEqual(whole);
  });

  it('breachCounts groups requirement counts and distinct locations', async () => {
    const data = await ask<{ breachCounts: { nodes: Json[] } }>(`{
      breachCounts(groupBy: [REGULATION]) { nodes { regulation { id } requirementCount locationCount inspectionCount regulator year } }
    }`);
    expect(data.breachCounts.nodes).toContainEqual({
      regulation: { id: 'CHR2015:12' },
      requirementCount: 3,
      locationCount: 2,
      inspectionCount: 3,
      regulator: null,
      year: null,
    });
    const byYear = await ask<{ breachCounts: { totalCount: number; nodes: Json[] } }>(
      '{ breachCounts(groupBy: [REGULATOR, YEAR], filter: { legislation: "CHR2015" }) { totalCount nodes { regulator year requirementCount } } }',
    );
    expect(byYear.breachCounts.totalCount).toBe(byYear.breachCounts.nodes.length);
    expect(byYear.breachCounts.nodes).toEqual(
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
      themeCooccurrence: {
        totalCount: number;
        nodes: { findingCount: number; jaccard: number; first: Json; second: Json }[];
      };
    }>(
      '{ themeCooccurrence(first: 5) { totalCount nodes { first { id } second { id } findingCount jaccard } } }',
    );
    expect(pairs.themeCooccurrence.nodes.length).toBeGreaterThan(0);
    expect(pairs.themeCooccurrence.totalCount).toBeGreaterThanOrEqual(
      pairs.themeCooccurrence.nodes.length,
    );
    for (const pair of pairs.themeCooccurrence.nodes) {
      expect(pair.findingCount).toBeGreaterThan(0);
      expect(pair.jaccard).toBeGreaterThan(0);
      expect(pair.jaccard).toBeLessThanOrEqual(1);
      expect(String(pair.first.id) < String(pair.second.id)).toBe(true);
    }
  });

  it('ratingChanges finds grades that went down and up, and says how it knows', async () => {
    const downPage = await ask<{ ratingChanges: { totalCount: number; nodes: Json[] } }>(
      '{ ratingChanges(direction: DOWN) { totalCount nodes { location { id } before { id } after { id } direction basis } } }',
    );
    const down = { ratingChanges: downPage.ratingChanges.nodes };
    expect(downPage.ratingChanges.totalCount).toBe(down.ratingChanges.length);
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
    const up = await ask<{ ratingChanges: { nodes: Json[] } }>(
      '{ ratingChanges(direction: UP) { nodes { location { id } after { startDate } } } }',
    );
    expect(up.ratingChanges.nodes).toContainEqual({
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
