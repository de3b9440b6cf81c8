/**
 * The index-ordered reads of ratingChanges and the NEWEST enforcement list, the count-store
 * totalCount, and relatedFindings' scoring, checked against straightforward queries that sort or
 * count every match, on a generated corpus ingested through the real parsers and loader.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineQuery, read } from '../../src/db/query.ts';
import {
  findRatingChanges,
  type RatingChangeArgs,
} from '../../src/graph/questions/rating-changes/index.ts';
import { defineStatement } from '../../src/db/query.ts';
import { listParams, readList } from '../../src/graph/lists.ts';
import { ENFORCEMENT_ACTIONS_KIND } from '../../src/graph/questions/enforcement-actions/index.ts';
import { bumpGraphVersion, freshnessClause } from '../../src/graph/summaries/graph-version.ts';
import { refreshSummaries } from '../../src/graph/summaries/refresh-summaries.ts';
import { findRelatedFindings } from '../../src/graph/search.ts';
import type { EnforcementType } from '../../src/model/document.ts';
import { isEnforcementType } from '../../src/model/enforcement-type.ts';
import { loadGeneratedGraph, type GeneratedGraph } from '../support/generated-graph.ts';
import type { TestGraph } from '../support/test-graph.ts';

/** Every matching action sorted, then paged: the NEWEST list as it read before the two streams. */
const sortedEnforcementIds = defineQuery<
  { skip: number; limit: number; f: Record<string, unknown> },
  { id: string }
>({
  name: 'test.enforcement-sorted',
  cypher: `
    MATCH (i:Inspection)-[:LED_TO]->(m:EnforcementAction), (i)-[:OF]->(l:Location)
    WHERE ($f.regulator IS NULL OR EXISTS { (i)-[:BY]->(:Regulator {code: $f.regulator}) })
      AND ($f.from IS NULL OR i.startDate >= date($f.from)) AND ($f.to IS NULL OR i.startDate <= date($f.to))
      AND ($f.region IS NULL OR l.region = $f.region) AND ($f.localAuthority IS NULL OR l.localAuthority = $f.localAuthority)
      AND ($f.providerId IS NULL OR EXISTS { (l)<-[:RUNS]-(:Provider {id: $f.providerId}) })
      AND ($f.type IS NULL OR m.type = $f.type)
      AND ($f.synthetic IS NULL OR coalesce(i.synthetic, false) = $f.synthetic)
    RETURN m.id AS id ORDER BY coalesce(m.issuedOn, i.startDate) DESC, m.id SKIP $skip LIMIT $limit`,
  parse: (row) => ({ id: read.string(row, 'id') }),
});

/** Every graded inspection sorted before its earlier grade is looked up: ratingChanges as it read before. */
const sortedRatingChanges = defineQuery<
  RatingChangeArgs,
  { afterId: string; beforeId: string | null; direction: string; basis: string }
>({
  name: 'test.rating-changes-sorted',
  cypher: `
    WITH {OUTSTANDING: 4, GOOD: 3, ADEQUATE: 2, REQUIRES_IMPROVEMENT: 2, INADEQUATE: 1} AS rank
    MATCH (l:Location)<-[:OF]-(after:Inspection)
    WHERE after.overallGrade IS NOT NULL
      AND ($from IS NULL OR after.startDate >= date($from)) AND ($to IS NULL OR after.startDate <= date($to))
      AND ($regulator IS NULL OR EXISTS { (after)-[:BY]->(:Regulator {code: $regulator}) })
    CALL (after, rank) {
      OPTIONAL MATCH path = (after)-[:PREVIOUS*1..12]->(b:Inspection)
      WHERE rank[b.overallGrade] IS NOT NULL
      RETURN b AS before ORDER BY length(path) LIMIT 1
    }
    WITH after, before, rank[after.overallGrade] AS ra, rank[before.overallGrade] AS rb
    WITH after, before, CASE
        WHEN after.overallGrade = 'IMPROVED_EFFECTIVENESS' THEN ['UP', 'interim judgement']
        WHEN after.overallGrade = 'DECLINED_IN_EFFECTIVENESS' THEN ['DOWN', 'interim judgement']
        WHEN after.overallGrade = 'SUSTAINED_EFFECTIVENESS' THEN ['SAME', 'interim judgement']
        WHEN ra IS NOT NULL AND rb IS NOT NULL THEN
          [CASE WHEN ra > rb THEN 'UP' WHEN ra < rb THEN 'DOWN' ELSE 'SAME' END, 'grades compared']
        WHEN after.statedRatingDirection IS NOT NULL THEN [after.statedRatingDirection, 'stated in report']
      END AS change
    WHERE change IS NOT NULL AND ($direction IS NULL OR change[0] = $direction)
    RETURN after.id AS afterId, before.id AS beforeId, change[0] AS direction, change[1] AS basis
    ORDER BY after.startDate DESC, afterId LIMIT $first`,
  parse: (row) => ({
    afterId: read.string(row, 'afterId'),
    beforeId: read.optionalString(row, 'beforeId'),
    direction: read.string(row, 'direction'),
    basis: read.string(row, 'basis'),
  }),
});

const countEnforcement = defineQuery<
  object,
  {
    total: number;
    issued: number;
    region: string;
    providerId: string;
    type: EnforcementType;
    types: EnforcementType[];
    firstYear: number;
  }
>({
  name: 'test.enforcement-facts',
  cypher: `
    MATCH (i:Inspection)-[:LED_TO]->(m:EnforcementAction), (i)-[:OF]->(l:Location)<-[:RUNS]-(p:Provider)
    WITH count(m) AS total, count(m.issuedOn) AS issued, collect(l.region)[0] AS region, collect(p.id)[0] AS providerId,
         collect(m.type)[0] AS type, collect(DISTINCT m.type) AS types, min(i.startDate.year) AS firstYear
    RETURN total, issued, region, providerId, type, types, firstYear`,
  parse: (row) => ({
    total: read.number(row, 'total'),
    issued: read.number(row, 'issued'),
    region: read.string(row, 'region'),
    providerId: read.string(row, 'providerId'),
    type: readStoredType(read.string(row, 'type')),
    types: read.strings(row, 'types').map(readStoredType),
    firstYear: read.number(row, 'firstYear'),
  }),
});

/** Whether the enforcementActions summary is stamped with the graph's version. */
const readEnforcementSummaryFresh = defineQuery<object, { fresh: boolean }>({
  name: 'test.enforcement-summary-fresh',
  cypher: `${freshnessClause(ENFORCEMENT_ACTIONS_KIND)} RETURN fresh`,
  parse: (row) => ({ fresh: read.boolean(row, 'fresh') }),
});

function readStoredType(value: string): EnforcementType {
  if (!isEnforcementType(value)) throw new TypeError(`unknown enforcement type ${value}`);
  return value;
}

/** A finding with themes, its own inspection's findings, and the themes of any finding. */
const findingFacts = defineQuery<
  { id: string | null },
  { id: string; themes: string[]; siblings: string[] }
>({
  name: 'test.finding-facts',
  cypher: `
    MATCH (i:Inspection)-[:FOUND]->(f:Finding)
    WHERE ($id IS NULL AND EXISTS { (f)-[:ABOUT]->(:Theme) }) OR f.id = $id
    WITH i, f ORDER BY f.id LIMIT 1
    RETURN f.id AS id, [(f)-[:ABOUT]->(t:Theme) | t.id] AS themes, [(i)-[:FOUND]->(s:Finding) | s.id] AS siblings`,
  parse: (row) => ({
    id: read.string(row, 'id'),
    themes: read.strings(row, 'themes'),
    siblings: read.strings(row, 'siblings'),
  }),
});

describe('index-ordered reads and count-store totals give the answers of a full sort and count', () => {
  let loaded: GeneratedGraph;
  let graph: TestGraph;

  beforeAll(async () => {
    loaded = await loadGeneratedGraph(
      { locations: 18, years: 5, seed: 'read-paths', cqcShare: 0.6 },
      1,
    );
    graph = loaded.graph;
  });
  afterAll(async () => {
    await loaded.close();
  });

  /**
   * Filters of every kind the list takes: places, a provider, each type with each regulator (a
   * type one regulator never issues keeps no action), the flag both ways (the generated corpus is
   * all generated), and windows early in the data, where the issued stream walks past every later
   * action unless bounded.
   */
  async function enforcementFilters() {
    const [facts] = await graph.db.read(countEnforcement, {});
    const year = facts!.firstYear;
    return {
      facts: facts!,
      filters: [
        {},
        { region: facts!.region },
        { providerId: facts!.providerId },
        { type: facts!.type },
        { regulator: 'CQC', from: '2018-01-01', to: '2020-12-31' },
        ...facts!.types.flatMap((type) => [
          { type, regulator: 'CQC' },
          { type, regulator: 'OFSTED' },
        ]),
        { synthetic: true },
        { synthetic: false },
        { synthetic: true, type: facts!.type },
        { from: `${year}-01-01`, to: `${year}-12-31` },
        { from: `${year + 1}-03-15`, to: `${year + 1}-08-20`, regulator: 'OFSTED' },
        { to: `${year + 1}-06-30` },
        { from: `${year + 3}-01-01` },
      ],
    };
  }

  /** Every page of each filter against the full sort, and its total against the full count. */
  async function expectEnforcementPagesExact(filters: Record<string, unknown>[]): Promise<void> {
    for (const filter of filters) {
      const params = listParams.enforcementActions(filter);
      const all = await graph.db.read(sortedEnforcementIds, { skip: 0, limit: 100_000, f: params });
      // Every page of three, so issued and undated actions interleave at every depth, plus larger pages.
      const walk = Array.from({ length: Math.ceil(all.length / 3) }, (_, k) => ({
        skip: 3 * k,
        limit: 3,
      }));
      for (const request of [
        ...walk,
        { skip: 0, limit: 20 },
        { skip: 7, limit: 5 },
        { skip: 25, limit: 50 },
      ]) {
        const page = await readList(graph.db, 'enforcementActions', request, params, {
          field: 'NEWEST',
          direction: 'DESC',
        });
        const label = `${JSON.stringify(filter)} ${JSON.stringify(request)}`;
        expect(
          page.items.map((item) => item.id),
          label,
        ).toEqual(all.slice(request.skip, request.skip + request.limit).map((row) => row.id));
        expect(page.totalCount, label).toBe(all.length);
        expect(page.hasNextPage, label).toBe(all.length > request.skip + request.limit);
      }
    }
  }

  it('pages the NEWEST enforcement actions exactly as sorting them all, with and without filters, and counts them', async () => {
    const { facts, filters } = await enforcementFilters();
    // Both streams must be exercised: actions with an issue date and actions dated by their inspection.
    // More issued actions than a page of three reads (limit + 1 past skip), so the second stream's
    // date floor is used on the early pages, and its fallback on the later ones.
    expect(facts.issued).toBeGreaterThan(4);
    expect(facts.issued).toBeLessThan(facts.total);
    // No summary yet: the streams read without its hints, the count matches every action.
    expect((await graph.db.read(readEnforcementSummaryFresh, {}))[0]!.fresh).toBe(false);
    await expectEnforcementPagesExact(filters);
    const unfiltered = await readList(
      graph.db,
      'enforcementActions',
      { skip: 0, limit: 1 },
      listParams.enforcementActions(null),
      { field: 'NEWEST', direction: 'DESC' },
    );
    expect(unfiltered.totalCount).toBe(facts.total);
  });

  it('pages and counts them exactly through the summary, notices a tampered one, and ignores a stale one', async () => {
    const { filters } = await enforcementFilters();
    await refreshSummaries(graph.db);
    expect((await graph.db.read(readEnforcementSummaryFresh, {}))[0]!.fresh).toBe(true);
    await expectEnforcementPagesExact(filters);
    // One cell's count one higher: the totals of the filters that keep it are wrong.
    const tamper = defineStatement(
      'test.enforcement-summary.tamper',
      'MATCH (c:EnforcementCountCell) WITH c ORDER BY c.actions DESC, c.day LIMIT 1 SET c.actions = c.actions + 1',
    );
    await graph.db.write(tamper, {});
    await expect(expectEnforcementPagesExact(filters)).rejects.toThrow();
    // Its last issue date moved before its first: the issued stream misses that cell's actions.
    await refreshSummaries(graph.db);
    const tamperDates = defineStatement(
      'test.enforcement-summary.tamper-dates',
      `MATCH (c:EnforcementCountCell {issued: true}) WITH c ORDER BY c.lastIssued DESC LIMIT 1
       SET c.lastIssued = c.firstIssued - duration({days: 1})`,
    );
    await graph.db.write(tamperDates, {});
    await expect(expectEnforcementPagesExact(filters)).rejects.toThrow();
    // A write after the refresh leaves the summary stale, and the list reads without it.
    await graph.db.write(bumpGraphVersion, {});
    expect((await graph.db.read(readEnforcementSummaryFresh, {}))[0]!.fresh).toBe(false);
    await expectEnforcementPagesExact(filters);
    await refreshSummaries(graph.db);
    await expectEnforcementPagesExact(filters);
  }, 240_000);

  it('finds the rating changes of sorting every graded inspection, for each direction and a period', async () => {
    const cases: RatingChangeArgs[] = [
      {
        direction: null,
        regulator: null,
        from: null,
        to: null,
        skip: 0,
        first: 40,
        withTotal: true,
      },
      {
        direction: 'DOWN',
        regulator: null,
        from: null,
        to: null,
        skip: 0,
        first: 15,
        withTotal: false,
      },
      {
        direction: 'UP',
        regulator: 'OFSTED',
        from: null,
        to: null,
        skip: 3,
        first: 15,
        withTotal: true,
      },
      {
        direction: 'SAME',
        regulator: null,
        from: '2018-01-01',
        to: '2019-12-31',
        skip: 0,
        first: 100,
        withTotal: false,
      },
    ];
    let bases = new Set<string>();
    for (const args of cases) {
      const all = await graph.db.read(sortedRatingChanges, { ...args, skip: 0, first: 100_000 });
      const expected = all.slice(args.skip, args.skip + args.first);
      const { rows: actual, totalCount } = await findRatingChanges(graph.db, args);
      expect(totalCount, JSON.stringify(args)).toBe(args.withTotal ? all.length : null);
      expect(expected.length, JSON.stringify(args)).toBeGreaterThan(0);
      expect(
        actual.map(({ afterId, beforeId, direction, basis }) => ({
          afterId,
          beforeId,
          direction,
          basis,
        })),
        JSON.stringify(args),
      ).toEqual(expected);
      bases = new Set([...bases, ...actual.map((change) => change.basis)]);
    }
    // Interim judgements (no grade to compare) and compared grades both went through the new read.
    expect(bases).toContain('grades compared');
    expect(bases).toContain('interim judgement');
  });

  it('credits every related finding with each theme it shares, whichever source found it', async () => {
    const [source] = await graph.db.read(findingFacts, { id: null });
    const related = await findRelatedFindings(graph.db, source!.id, 20);
    expect(related.length).toBeGreaterThan(0);
    for (const row of related) {
      expect(source!.siblings).not.toContain(row.findingId);
      const [other] = await graph.db.read(findingFacts, { id: row.findingId });
      const shared = other!.themes.filter((theme) => source!.themes.includes(theme)).sort();
      expect(row.sharedThemes, row.findingId).toEqual(shared);
      expect(row.score).toBeCloseTo(
        3 * row.sharedRegulations.length + shared.length + row.textScore,
        6,
      );
    }
    // Text matches that share a theme carry both reasons.
    expect(related.some((row) => row.textScore > 0 && row.sharedThemes.length > 0)).toBe(true);
  });
});
