/**
 * The seeks of graph/scope-seek.ts change where a query starts, never its answer: on a generated
 * corpus ingested through the real pipeline, each query read from a seek (a local authority, a
 * provider, a region, a date window that is not whole years, one open at an end, and those
 * combined) gives the same record, byte for byte as JSON, as the same query with no seek; and a
 * request with such a filter is sent to the seek (so these comparisons cover what is run).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineQuery, read, type NamedQuery } from '../../src/db/query.ts';
import { toFindingParams, toScopeParams } from '../../src/graph/filters.ts';
import { listQuery } from '../../src/graph/lists.ts';
import {
  breachCountsQueries,
  breachCountsQuery,
} from '../../src/graph/questions/breach-counts/exact-query.ts';
import {
  breachCountsSummaryQueries,
  breachCountsSummaryQuery,
  toBreachSummaryParams,
} from '../../src/graph/questions/breach-counts/summary.ts';
import type { BreachCountArgs } from '../../src/graph/questions/breach-counts/index.ts';
import {
  themeCooccurrenceQueries,
  themeCooccurrenceQuery,
} from '../../src/graph/questions/theme-cooccurrence/exact-query.ts';
import { chooseScopeSeek, nameWithSeek, type SeekableScope } from '../../src/graph/scope-seek.ts';
import { groupProviders } from '../../src/graph/write/group-providers.ts';
import { refreshSummaries } from '../../src/graph/summaries/refresh-summaries.ts';
import { loadGeneratedGraph, type GeneratedGraph } from '../support/generated-graph.ts';
import type { TestGraph } from '../support/test-graph.ts';

interface Sample {
  region: string;
  localAuthority: string;
  providerId: string;
  providerGroupId: string;
  year: number;
}

/** The busiest location with requirements, findings and an enforcement action: its places, provider and year. */
const readSample = defineQuery<object, Sample>({
  name: 'test.scope-seeks.sample',
  cypher: `
    MATCH (p:Provider)-[:RUNS]->(l:Location)<-[:OF]-(i:Inspection)-[:REQUIRED]->(:Requirement)
    WHERE l.region IS NOT NULL AND l.localAuthority IS NOT NULL
      AND EXISTS { (l)<-[:OF]-(:Inspection)-[:FOUND]->(:Finding)-[:ABOUT]->() }
    WITH l, p, i, count(*) AS weight ORDER BY weight DESC, l.id, p.id, i.id LIMIT 1
    // The location's group as breachCounts reads it (graph/questions/breach-counts/fragments.ts).
    CALL (l) { OPTIONAL MATCH (l)<-[:RUNS]-(:Provider)-[:IN_GROUP]->(pg:ProviderGroup) RETURN min(pg.id) AS providerGroupId }
    RETURN l.region AS region, l.localAuthority AS localAuthority, p.id AS providerId, i.startDate.year AS year,
           providerGroupId`,
  parse: (row) => ({
    providerGroupId: read.string(row, 'providerGroupId'),
    region: read.string(row, 'region'),
    localAuthority: read.string(row, 'localAuthority'),
    providerId: read.string(row, 'providerId'),
    year: read.number(row, 'year'),
  }),
});

function withoutSeek<Q extends NamedQuery<object, unknown>>(queries: readonly Q[]): Q {
  return queries.find((query) => !query.name.includes('.seek-'))!;
}

describe('scope seeks', () => {
  let loaded: GeneratedGraph;
  let graph: TestGraph;
  let sample: Sample;

  beforeAll(async () => {
    loaded = await loadGeneratedGraph(
      { locations: 24, years: 4, seed: 'scope-seeks', cqcShare: 0.5 },
      0,
    );
    graph = loaded.graph;
    // The provider groups are a post-load step of npm run ingest, not of the pipeline itself.
    await groupProviders(graph.db);
    await refreshSummaries(graph.db);
    sample = (await graph.db.read(readSample, {}))[0]!;
  }, 300_000);

  afterAll(async () => {
    await loaded.close();
  });

  /** Filters of every seek: windows off year and month boundaries, open at an end, with places. */
  const scopes = (): [string, SeekableScope & { regulator?: string }][] => {
    const y = sample.year;
    return [
      ['window mid-month to mid-month', { from: `${y - 1}-03-15`, to: `${y}-07-01` }],
      ['window inside a year', { from: `${y}-04-01`, to: `${y}-09-30` }],
      ['from only', { from: `${y}-02-10` }],
      ['to only', { to: `${y}-05-20` }],
      ['region', { region: sample.region }],
      ['local authority', { localAuthority: sample.localAuthority }],
      ['provider', { providerId: sample.providerId }],
      ['region, short window', { region: sample.region, from: `${y}-01-10`, to: `${y}-06-30` }],
      ['region, long window', { region: sample.region, from: `${y - 2}-06-01`, to: `${y}-06-30` }],
      [
        'local authority, window',
        { localAuthority: sample.localAuthority, from: `${y - 1}-07-01` },
      ],
      [
        'provider, window, regulator',
        { providerId: sample.providerId, to: `${y}-10-31`, regulator: 'CQC' },
      ],
    ];
  };

  it('samples a graph with a place, a provider and a year to filter by', () => {
    expect(sample.region).toBeTruthy();
    expect(sample.localAuthority).toBeTruthy();
    expect(sample.providerId).toBeTruthy();
  });

  // 66 pairs of queries: allow for a shared, loaded machine (56 s under load average 20).
  it('reads breachCounts from each seek as with none', async () => {
    let nonEmpty = 0;
    for (const [name, scope] of scopes()) {
      for (const groupBy of [['REGULATION'], ['REGION', 'YEAR'], ['PROVIDER']] as const) {
        const args: BreachCountArgs = {
          groupBy: [...groupBy],
          f: {
            ...toScopeParams(scope),
            legislation: null,
            regulation: null,
            providerGroupId: null,
          },
          skip: 0,
          first: 50,
          withTotal: true,
          sort: null,
          withRates: true,
        };
        const seeking = breachCountsQuery(args);
        expect(seeking.name, name).toBe(
          nameWithSeek('analytics.breach-counts', chooseScopeSeek(args.f)),
        );
        const sought = await graph.db.read(seeking, args);
        const plain = await graph.db.read(withoutSeek(breachCountsQueries), args);
        expect(JSON.stringify(sought), `${name}, ${groupBy.join(',')}`).toBe(JSON.stringify(plain));
        if ((plain[0]?.rows.length ?? 0) > 0) nonEmpty += 1;
      }
    }
    expect(nonEmpty).toBeGreaterThan(20);
  }, 240_000);

  it('reads breachCounts filtered to a provider group from its seek as with none', async () => {
    const y = sample.year;
    const groups: [string, Partial<BreachCountArgs['f']>][] = [
      ['group', {}],
      ['group, window', { from: `${y - 1}-03-15`, to: `${y}-07-01` }],
      ['group, region', { region: sample.region }],
      ['group of no location', { providerGroupId: 'provider-group:nobody' }],
    ];
    let nonEmpty = 0;
    for (const [name, f] of groups) {
      for (const groupBy of [['REGULATION'], ['PROVIDER_GROUP', 'YEAR'], ['PROVIDER']] as const) {
        const args: BreachCountArgs = {
          groupBy: [...groupBy],
          f: {
            ...toScopeParams({}),
            legislation: null,
            regulation: null,
            providerGroupId: sample.providerGroupId,
            ...f,
          },
          skip: 0,
          first: 50,
          withTotal: true,
          sort: null,
          withRates: true,
        };
        const seeking = breachCountsQuery(args);
        expect(seeking.name, name).toBe('analytics.breach-counts.seek-provider-group');
        const sought = await graph.db.read(seeking, args);
        const plain = await graph.db.read(withoutSeek(breachCountsQueries), args);
        expect(JSON.stringify(sought), `${name}, ${groupBy.join(',')}`).toBe(JSON.stringify(plain));
        if ((plain[0]?.rows.length ?? 0) > 0) nonEmpty += 1;
      }
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(3);
  });

  it('reads breachCounts from the summary with each seek of its rates as with none', async () => {
    const y = sample.year;
    const cases: [string, Partial<BreachCountArgs['f']>, BreachCountArgs['groupBy']][] = [
      ['one year', { from: `${y}-01-01`, to: `${y}-12-31` }, ['REGULATION']],
      ['region', { region: sample.region }, ['REGULATION', 'YEAR']],
      ['local authority', { localAuthority: sample.localAuthority }, ['YEAR']],
      ['provider', { providerId: sample.providerId }, ['REGULATION']],
      [
        'region, one year',
        { region: sample.region, from: `${y}-01-01`, to: `${y}-12-31` },
        ['REGION'],
      ],
    ];
    for (const [name, f, groupBy] of cases) {
      const args: BreachCountArgs = {
        groupBy,
        f: {
          ...toScopeParams(f),
          legislation: null,
          regulation: null,
          providerGroupId: null,
          ...f,
        },
        skip: 0,
        first: 50,
        withTotal: true,
        sort: null,
      };
      const params = toBreachSummaryParams(args)!;
      expect(params, name).not.toBeNull();
      const seeking = breachCountsSummaryQuery(params);
      expect(seeking.name, name).toContain('.seek-');
      const sought = await graph.db.read(seeking, params);
      expect(sought[0]?.fresh, name).toBe(true);
      expect(sought[0]!.rows.length, name).toBeGreaterThan(0);
      const plain = await graph.db.read(withoutSeek(breachCountsSummaryQueries), params);
      expect(JSON.stringify(sought), name).toBe(JSON.stringify(plain));
    }
  });

  it('reads themeCooccurrence from each seek as with none', async () => {
    let nonEmpty = 0;
    for (const [name, scope] of scopes()) {
      for (const extra of [{}, { polarity: 'CONCERN' }]) {
        const args = {
          f: toFindingParams({ ...scope, ...extra }),
          skip: 0,
          first: 50,
          withTotal: true,
          sort: null,
        };
        const seeking = themeCooccurrenceQuery(args);
        expect(seeking.name, name).toBe(
          nameWithSeek('analytics.theme-cooccurrence', chooseScopeSeek(args.f)),
        );
        const sought = await graph.db.read(seeking, args);
        const plain = await graph.db.read(withoutSeek(themeCooccurrenceQueries), args);
        expect(JSON.stringify(sought), name).toBe(JSON.stringify(plain));
        if ((plain[0]?.rows.length ?? 0) > 0) nonEmpty += 1;
      }
    }
    expect(nonEmpty).toBeGreaterThan(10);
  });

  it('counts and pages enforcementActions from each seek as with none', async () => {
    let counted = 0;
    for (const [name, scope] of scopes()) {
      const f = { ...toScopeParams(scope), type: null };
      const seek = chooseScopeSeek(f);
      const sought = listQuery('enforcementActions', 'NEWEST', 'DESC', true, [], null, [], seek);
      const plain = listQuery('enforcementActions', 'NEWEST', 'DESC', true, [], null, [], null);
      expect(sought.query.name, name).toBe(nameWithSeek(plain.query.name, seek));
      for (const skip of [0, 2]) {
        const params = { skip, limit: 3, f };
        const a = await graph.db.read(sought.query, params);
        const b = await graph.db.read(plain.query, params);
        expect(JSON.stringify(a), `${name}, skip ${skip}`).toBe(JSON.stringify(b));
        if ((b[0]?.total ?? 0) > 0) counted += 1;
      }
    }
    expect(counted).toBeGreaterThan(5);
  });
});
