/**
 * The question summaries against the exact queries, on a real graph: the seeds, the
 * multi-inspection fixtures and a small generated corpus, ingested through the real pipeline.
 * Every argument variant the summaries claim to answer must give the exact query's answer,
 * byte for byte as JSON; the others must go to the exact query; a write makes them stale.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/executor.ts';
import { defineQuery, defineStatement, read } from '../../src/db/query.ts';
import { runMigrations } from '../../src/app/prepare-graph.ts';
import { toFindingParams, type FindingFilterInput } from '../../src/graph/filters.ts';
import {
  countBreaches,
  countBreachesExactly,
  type BreachCountArgs,
  type BreachGroup,
} from '../../src/graph/questions/breach-counts/index.ts';
import {
  breachCountsDatedQuery,
  toDatedSummaryParams,
} from '../../src/graph/questions/breach-counts/dated-summary.ts';
import {
  breachCountsYearCellQuery,
  toYearCellParams,
} from '../../src/graph/questions/breach-counts/year-cells.ts';
import { readFreshSummaryPage } from '../../src/graph/summaries/graph-version.ts';
import {
  findRepeatedBreaches,
  findRepeatedBreachesExactly,
  repeatedBreachesSummary,
  repeatedBreachRunsSummary,
  type RepeatedBreachArgs,
} from '../../src/graph/questions/repeated-breaches/index.ts';
import {
  findThemeCooccurrence,
  findThemeCooccurrenceExactly,
} from '../../src/graph/questions/theme-cooccurrence/index.ts';
import {
  findRatingChanges,
  findRatingChangesExactly,
  type RatingChangeArgs,
} from '../../src/graph/questions/rating-changes/index.ts';
import {
  findThemeTrends,
  findThemeTrendsExactly,
  type ThemeTrendArgs,
  type TrendInterval,
} from '../../src/graph/questions/theme-trends/index.ts';
import { readStamps, refreshSummaries } from '../../src/graph/summaries/refresh-summaries.ts';
import type { SummaryDefinition } from '../../src/graph/summaries/summary-definition.ts';
import { hasLegacySummaries } from '../../src/graph/summaries/retire-legacy-summaries.ts';
import { groupProviders } from '../../src/graph/write/group-providers.ts';
import { splitAtWholeMonths } from '../../src/graph/summaries/month-windows.ts';
import { chooseScopeSeek, nameWithSeek } from '../../src/graph/scope-seek.ts';
import { ingestInputs } from '../../src/load/bulk/ingest-inputs.ts';
import { ingestFile } from '../../src/load/ingest-files.ts';
import { FIXTURE_DIR, FIXTURE_REPORTS } from '../support/api-fixture.ts';
import { CQC_SEED, OFSTED_SEED, SEED_DIR } from '../support/seed-documents.ts';
import { connectTestGraph, resetTestGraph, type TestGraph } from '../support/test-graph.ts';
import { generateOnDisk } from '../unit/generate/corpus-support.ts';

/** The report held back, to make the summaries stale. */
const LATE_REPORT = FIXTURE_REPORTS[1]!;

const NO_BREACH_FILTER: BreachCountArgs['f'] = {
  regulator: null,
  legislation: null,
  regulation: null,
  from: null,
  to: null,
  region: null,
  localAuthority: null,
  providerId: null,
};

interface Sample {
  provider: string;
  regulation: string;
  legislation: string;
  region: string;
  localAuthority: string;
  year: number;
  theme: string;
  /** The theme tagging the most findings after `theme`. */
  secondTheme: string;
  /** The regulation that themed findings cite most. */
  citedRegulation: string;
  /** The sample location's provider group, as the questions read it (the lowest id). */
  providerGroup: string;
  /** The start date of the sample inspection, which has requirements. */
  day: string;
}

/** A regulation, place, year and theme that have data, to filter by. */
const readSample = defineQuery<object, Sample>({
  name: 'test.summaries.sample',
  cypher: `
    MATCH (l:Location)<-[:OF]-(i:Inspection)-[:REQUIRED]->(:Requirement)-[:UNDER]->(g:Regulation)-[:PART_OF]->(leg:Legislation)
    WHERE l.region IS NOT NULL AND l.localAuthority IS NOT NULL
    WITH g, leg, l, i, COUNT { (l)<-[:OF]-(:Inspection)-[:REQUIRED]->() } AS weight ORDER BY weight DESC, i.id LIMIT 1
    MATCH (t:Theme)<-[:ABOUT]-(:Finding)
    WITH g, leg, l, i, t, count(*) AS tagged ORDER BY tagged DESC, t.id LIMIT 1
    RETURN g.id AS regulation, leg.id AS legislation, l.region AS region, l.localAuthority AS localAuthority,
           i.startDate.year AS year, toString(i.startDate) AS day, t.id AS theme,
           [id IN COLLECT { MATCH (x:Theme)<-[:ABOUT]-(:Finding) WITH x.id AS id, count(*) AS n ORDER BY n DESC, id RETURN id } WHERE id <> t.id][0] AS secondTheme,
           COLLECT { MATCH (:Theme)<-[:ABOUT]-(:Finding)-[:CITES]->(r:Regulation) WITH r.id AS id, count(*) AS n ORDER BY n DESC, id RETURN id }[0] AS citedRegulation,
           // The question's provider of the sample location: the lowest id among those running it.
           head(COLLECT { MATCH (p:Provider)-[:RUNS]->(l) RETURN p.id ORDER BY p.id }) AS provider,
           head(COLLECT { MATCH (l)<-[:RUNS]-(:Provider)-[:IN_GROUP]->(pg:ProviderGroup) RETURN pg.id ORDER BY pg.id }) AS providerGroup`,
  parse: (row) => ({
    provider: read.string(row, 'provider'),
    regulation: read.string(row, 'regulation'),
    legislation: read.string(row, 'legislation'),
    region: read.string(row, 'region'),
    localAuthority: read.string(row, 'localAuthority'),
    year: read.number(row, 'year'),
    theme: read.string(row, 'theme'),
    secondTheme: read.string(row, 'secondTheme'),
    citedRegulation: read.string(row, 'citedRegulation'),
    providerGroup: read.string(row, 'providerGroup'),
    day: read.string(row, 'day'),
  }),
});

/** repeatedBreaches' arguments: documented evidence, two inspections, no filter, unless overridden. */
function repeatedArgs(overrides: Partial<RepeatedBreachArgs>): RepeatedBreachArgs {
  return {
    regulation: null,
    legislation: null,
    regulator: null,
    minInspections: 2,
    from: null,
    to: null,
    evidence: ['DOCUMENTED'],
    skip: 0,
    first: 20,
    withTotal: false,
    ...overrides,
  };
}

describe('question summaries', () => {
  let graph: TestGraph;
  let sample: Sample;

  /** The answer through the router, and the names of the queries it sent. */
  async function routed<T>(
    ask: (db: Database) => Promise<T>,
  ): Promise<{ answer: T; queries: string[] }> {
    const queries: string[] = [];
    const answer = await ask(graph.db.withObserver((name) => queries.push(name)));
    return { answer, queries };
  }

  const repeatedVariants = (): [string, RepeatedBreachArgs][] => {
    const base = repeatedArgs({ first: 20 });
    const stated: RepeatedBreachArgs['evidence'] = ['DOCUMENTED', 'STATED_REPEAT'];
    return [
      ['unfiltered', base],
      ['with a total', { ...base, withTotal: true }],
      ['second page with a total', { ...base, skip: 3, first: 4, withTotal: true }],
      ['page past the end', { ...base, skip: 10_000, withTotal: true }],
      ['with stated repeats', { ...base, evidence: stated, first: 500, withTotal: true }],
      ['with stated repeats, second page', { ...base, evidence: stated, skip: 2, first: 3 }],
      ['stated repeats only', { ...base, evidence: ['STATED_REPEAT'], minInspections: 1 }],
      [
        'with stated repeats, a window',
        { ...base, evidence: stated, from: `${sample.year - 1}-01-01`, first: 500 },
      ],
      [
        'a window, second page with a total',
        { ...base, from: `${sample.year - 2}-01-01`, skip: 2, first: 3, withTotal: true },
      ],
      ['minInspections 1', { ...base, minInspections: 1, first: 500 }],
      ['minInspections 3', { ...base, minInspections: 3 }],
      ['first 3', { ...base, first: 3 }],
      ['regulation', { ...base, regulation: sample.regulation, minInspections: 1 }],
      ['legislation', { ...base, legislation: sample.legislation }],
      ['unknown regulation', { ...base, regulation: 'NOPE:1' }],
      ['regulator Ofsted', { ...base, regulator: 'OFSTED' }],
      [
        'regulator CQC, minInspections 1',
        { ...base, regulator: 'CQC', minInspections: 1, first: 500 },
      ],
      [
        'regulator and legislation',
        { ...base, regulator: 'OFSTED', legislation: sample.legislation },
      ],
      ['unknown regulator', { ...base, regulator: 'NOPE' }],
      ['from a year', { ...base, from: `${sample.year}-01-01` }],
      [
        'window, every pair',
        {
          ...base,
          from: `${sample.year - 1}-03-15`,
          to: `${sample.year}-08-20`,
          minInspections: 1,
          first: 500,
        },
      ],
      [
        'half-year window, every pair',
        {
          ...base,
          from: `${sample.year}-03-01`,
          to: `${sample.year}-08-31`,
          minInspections: 1,
          first: 500,
        },
      ],
      [
        'one-year window with stated repeats and a total, second page',
        {
          ...base,
          evidence: stated,
          from: `${sample.year - 1}-10-01`,
          to: `${sample.year}-09-30`,
          minInspections: 1,
          skip: 2,
          first: 3,
          withTotal: true,
        },
      ],
      [
        'one-month window, regulator',
        {
          ...base,
          from: `${sample.year}-05-01`,
          to: `${sample.year}-05-31`,
          minInspections: 1,
          regulator: 'OFSTED',
          withTotal: true,
        },
      ],
      [
        'window, repeats only',
        { ...base, from: `${sample.year - 2}-06-01`, to: `${sample.year}-12-31`, first: 500 },
      ],
      [
        'up to a date, regulator and legislation',
        {
          ...base,
          to: `${sample.year - 1}-12-31`,
          regulator: 'OFSTED',
          legislation: sample.legislation,
        },
      ],
      ['window before any inspection', { ...base, from: '1990-01-01', to: '1990-12-31' }],
      // The generated-or-real filter is counted from each pair's flags, with any other argument.
      ['generated only', { ...base, synthetic: true, minInspections: 1, first: 500 }],
      ['real only', { ...base, synthetic: false, minInspections: 1, first: 500 }],
      [
        'real only, second page with a total',
        { ...base, synthetic: false, skip: 1, first: 2, withTotal: true },
      ],
      [
        'generated only, with stated repeats',
        { ...base, synthetic: true, evidence: stated, withTotal: true },
      ],
      [
        'real only, a window, regulator',
        {
          ...base,
          synthetic: false,
          from: `${sample.year - 2}-01-01`,
          to: `${sample.year}-12-31`,
          regulator: 'OFSTED',
          minInspections: 1,
        },
      ],
      [
        'generated only, a short window',
        {
          ...base,
          synthetic: true,
          from: `${sample.year}-01-01`,
          to: `${sample.year}-04-30`,
          minInspections: 1,
          withTotal: true,
        },
      ],
      // A window with minInspections 2 or more is read from the runs, with any other filter.
      [
        'runs: mid-month to mid-month, a total',
        { ...base, from: `${sample.year - 1}-03-15`, to: `${sample.year}-08-20`, withTotal: true },
      ],
      [
        'runs: one whole month, a total',
        { ...base, from: `${sample.year}-05-01`, to: `${sample.year}-05-31`, withTotal: true },
      ],
      [
        'runs: inside one month, with stated repeats',
        {
          ...base,
          evidence: stated,
          from: `${sample.year}-05-10`,
          to: `${sample.year}-05-20`,
          withTotal: true,
        },
      ],
      [
        'runs: one day',
        { ...base, from: `${sample.year}-06-01`, to: `${sample.year}-06-01`, withTotal: true },
      ],
      ['runs: after the data', { ...base, from: '2100-01-01', to: '2100-12-31', withTotal: true }],
      [
        'runs: minInspections 3, second page with a total',
        {
          ...base,
          from: `${sample.year - 3}-02-11`,
          to: `${sample.year}-11-19`,
          minInspections: 3,
          skip: 1,
          first: 2,
          withTotal: true,
        },
      ],
      [
        'runs: minInspections 4',
        { ...base, from: `${sample.year - 3}-01-01`, minInspections: 4, withTotal: true },
      ],
      [
        'runs: first 1, with stated repeats',
        { ...base, evidence: stated, to: `${sample.year}-09-30`, first: 1, withTotal: true },
      ],
      [
        'runs: page past the end',
        { ...base, from: `${sample.year - 2}-01-01`, skip: 500, withTotal: true },
      ],
      [
        'runs: regulation',
        {
          ...base,
          regulation: sample.regulation,
          from: `${sample.year - 2}-07-04`,
          withTotal: true,
        },
      ],
      [
        'runs: legislation, with stated repeats',
        {
          ...base,
          legislation: sample.legislation,
          evidence: stated,
          from: `${sample.year - 2}-01-01`,
          to: `${sample.year}-06-15`,
          withTotal: true,
        },
      ],
      [
        'runs: regulator CQC',
        { ...base, regulator: 'CQC', to: `${sample.year}-12-31`, withTotal: true },
      ],
      [
        'runs: generated only, a total',
        {
          ...base,
          synthetic: true,
          from: `${sample.year - 2}-01-01`,
          to: `${sample.year}-12-31`,
          withTotal: true,
        },
      ],
      [
        'runs: real only, with stated repeats',
        { ...base, synthetic: false, evidence: stated, to: `${sample.year}-12-31`, first: 500 },
      ],
      // A provider group reads its locations' pairs, whatever else is asked.
      [
        'provider group',
        { ...base, providerGroupId: sample.providerGroup, minInspections: 1, withTotal: true },
      ],
      [
        'provider group, stated repeats, second page',
        {
          ...base,
          providerGroupId: sample.providerGroup,
          evidence: stated,
          minInspections: 1,
          skip: 1,
          first: 2,
        },
      ],
      [
        'provider group, real only, a window',
        {
          ...base,
          providerGroupId: sample.providerGroup,
          synthetic: false,
          from: `${sample.year - 1}-01-01`,
          minInspections: 1,
        },
      ],
      [
        'provider group, regulation',
        {
          ...base,
          providerGroupId: sample.providerGroup,
          regulation: sample.regulation,
          minInspections: 1,
        },
      ],
      ['unknown provider group', { ...base, providerGroupId: 'provider-group:nope' }],
    ];
  };

  const breachVariants = (): [string, BreachCountArgs][] => {
    const at = (
      groupBy: BreachGroup[],
      f: Partial<BreachCountArgs['f']> = {},
      first = 500,
    ): BreachCountArgs => ({
      groupBy,
      f: { ...NO_BREACH_FILTER, ...f },
      skip: 0,
      first,
      withTotal: false,
    });
    return [
      ['regulation x year', at(['REGULATION', 'YEAR'])],
      [
        'regulation x year, second page with a total',
        { ...at(['REGULATION', 'YEAR'], {}, 5), skip: 5, withTotal: true },
      ],
      ['regulation x year, first 5', at(['REGULATION', 'YEAR'], {}, 5)],
      ['regulation x year x regulator', at(['REGULATION', 'YEAR', 'REGULATOR'])],
      ['regulation x legislation x year', at(['REGULATION', 'LEGISLATION', 'YEAR'])],
      ['regulation x year x region', at(['REGULATION', 'YEAR', 'REGION'])],
      ['regulation x year x local authority', at(['REGULATION', 'YEAR', 'LOCAL_AUTHORITY'])],
      ['year, one regulation', at(['YEAR'], { regulation: sample.regulation })],
      [
        'regulation, one year window',
        at(['REGULATION'], { from: `${sample.year}-01-01`, to: `${sample.year}-12-31` }),
      ],
      [
        'regulation x year, years window',
        at(['REGULATION', 'YEAR'], {
          from: `${sample.year - 1}-01-01`,
          to: `${sample.year}-12-31`,
        }),
      ],
      ['regulation x year, regulator', at(['REGULATION', 'YEAR'], { regulator: 'OFSTED' })],
      [
        'regulation x year, legislation',
        at(['REGULATION', 'YEAR'], { legislation: sample.legislation }),
      ],
      ['regulation x year, region', at(['REGULATION', 'YEAR'], { region: sample.region })],
      [
        'regulation x year, local authority',
        at(['REGULATION', 'YEAR'], { localAuthority: sample.localAuthority }),
      ],
      ['regulation, all years (a location counts once across years)', at(['REGULATION'])],
      ['regulation, all years, region', at(['REGULATION'], { region: sample.region })],
      ['legislation', at(['LEGISLATION'])],
      ['legislation x year x region', at(['LEGISLATION', 'YEAR', 'REGION'])],
      [
        'local authority, one legislation',
        at(['LOCAL_AUTHORITY'], { legislation: sample.legislation }),
      ],
      ['region (no regulation key)', at(['REGION'])],
      ['regulator x year', at(['REGULATOR', 'YEAR'])],
      [
        'year, one year window',
        at(['YEAR'], { from: `${sample.year}-01-01`, to: `${sample.year}-12-31` }),
      ],
      ['nothing grouped', at([])],
      ['provider', at(['PROVIDER'])],
      ['regulation x year x provider', at(['REGULATION', 'YEAR', 'PROVIDER'])],
      [
        'legislation x provider, regulator',
        at(['LEGISLATION', 'PROVIDER'], { regulator: 'OFSTED' }),
      ],
      ['regulation, one provider', at(['REGULATION'], { providerId: sample.provider })],
      // Provider cells keep the location's group too.
      ['provider group', at(['PROVIDER_GROUP'])],
      ['regulation x year x provider group', at(['REGULATION', 'YEAR', 'PROVIDER_GROUP'])],
      ['provider x provider group', at(['PROVIDER', 'PROVIDER_GROUP'])],
      [
        'provider group, regulator, second page',
        { ...at(['PROVIDER_GROUP'], { regulator: 'OFSTED' }, 3), skip: 3, withTotal: true },
      ],
      [
        'regulation, one provider group',
        at(['REGULATION'], { providerGroupId: sample.providerGroup }),
      ],
      [
        'year, one provider group, one year window',
        at(['YEAR'], {
          providerGroupId: sample.providerGroup,
          from: `${sample.year}-01-01`,
          to: `${sample.year}-12-31`,
        }),
      ],
    ];
  };

  /** What the shape cells cannot sum, read from the dated cells: any window, a flag, place with provider. */
  const breachDatedVariants = (): [string, BreachCountArgs][] => {
    const y = sample.year;
    // The sample inspection's month, whole.
    const month = sample.day.slice(0, 7);
    const monthEnd = new Date(Date.UTC(y, Number(sample.day.slice(5, 7)), 0))
      .toISOString()
      .slice(0, 10);
    const at = (
      groupBy: BreachGroup[],
      f: Partial<BreachCountArgs['f']> = {},
      page: Partial<BreachCountArgs> = {},
    ): BreachCountArgs => ({
      groupBy,
      f: { ...NO_BREACH_FILTER, ...f },
      skip: 0,
      first: 500,
      withTotal: true,
      ...page,
    });
    return [
      [
        'regulation, years window (a location counts in several years)',
        at(['REGULATION'], { from: `${y - 1}-01-01`, to: `${y}-12-31` }),
      ],
      ['region, years window', at(['REGION'], { from: `${y - 1}-01-01`, to: `${y}-12-31` })],
      [
        'legislation, window from and to mid-month',
        at(['LEGISLATION'], { from: `${y - 1}-04-17`, to: `${y}-09-12` }),
      ],
      [
        'regulation x year, window from and to mid-month',
        at(['REGULATION', 'YEAR'], { from: `${y - 1}-04-17`, to: `${y}-09-12` }),
      ],
      ['regulation x year, from mid-year', at(['REGULATION', 'YEAR'], { from: `${y}-03-01` })],
      ['nothing grouped, to mid-month', at([], { to: `${y}-05-20` })],
      ['year, one month', at(['YEAR'], { from: `${month}-01`, to: monthEnd })],
      ['regulation, one day', at(['REGULATION'], { from: sample.day, to: sample.day })],
      ['region, an empty window', at(['REGION'], { from: '2999-01-01' })],
      ['provider x region', at(['PROVIDER', 'REGION'])],
      ['provider group x local authority', at(['PROVIDER_GROUP', 'LOCAL_AUTHORITY'])],
      ['region, one provider group', at(['REGION'], { providerGroupId: sample.providerGroup })],
      ['region, one provider', at(['REGION'], { providerId: sample.provider })],
      ['provider x year, one region', at(['PROVIDER', 'YEAR'], { region: sample.region })],
      [
        'provider group x legislation, from mid-month',
        at(['PROVIDER_GROUP', 'LEGISLATION'], { from: `${y - 1}-11-06` }),
      ],
      [
        'local authority x regulator, window, second page',
        at(
          ['LOCAL_AUTHORITY', 'REGULATOR'],
          { from: `${y - 2}-04-27`, to: `${y}-10-25` },
          { skip: 2, first: 3 },
        ),
      ],
      ['provider group, generated only', at(['PROVIDER_GROUP'], { synthetic: true })],
      ['year, generated only', at(['YEAR'], { synthetic: true })],
      // Windows that keep every dated inspection (from a day that is no year's first, which the
      // shape cells would sum): each element read, none left out.
      ['nothing grouped, from 1900', at([], { from: '1900-01-02' })],
      ['year, from 1900', at(['YEAR'], { from: '1900-01-02' })],
      ['regulation x year, real only', at(['REGULATION', 'YEAR'], { synthetic: false })],
      [
        'legislation, generated only, window',
        at(['LEGISLATION'], { synthetic: true, from: `${y - 1}-04-17`, to: `${y}-09-12` }),
      ],
      [
        'everything grouped, window',
        at(
          [
            'REGULATION',
            'LEGISLATION',
            'REGULATOR',
            'YEAR',
            'REGION',
            'LOCAL_AUTHORITY',
            'PROVIDER',
            'PROVIDER_GROUP',
          ],
          { from: `${y - 1}-02-14`, to: `${y}-08-30` },
        ),
      ],
      [
        'regulation x region, window, sorted by rate',
        at(
          ['REGULATION', 'REGION'],
          { from: `${y - 1}-06-10`, to: `${y}-06-09` },
          { sort: { field: 'REQUIREMENTS_PER_100_INSPECTIONS', direction: 'DESC' } },
        ),
      ],
      [
        'year x local authority, window with rates, one local authority',
        at(
          ['YEAR', 'LOCAL_AUTHORITY'],
          { localAuthority: sample.localAuthority, from: `${y - 1}-06-10` },
          { withRates: true },
        ),
      ],
      // The year cells' shapes (no place, provider or group): whole years inside the window
      // from their totals, partial ones and flags element by element.
      [
        'regulation x year, three years off year boundaries',
        at(['REGULATION', 'YEAR'], { from: `${y - 2}-04-01`, to: `${y}-09-30` }),
      ],
      ['legislation x year, up to mid-year', at(['LEGISLATION', 'YEAR'], { to: `${y}-06-30` })],
      [
        'regulation x year, inside one year',
        at(['YEAR', 'REGULATION'], { from: `${y}-03-01`, to: `${y}-08-31` }),
      ],
      [
        'regulator x year, generated only, window',
        at(['REGULATOR', 'YEAR'], { synthetic: true, from: `${y - 1}-05-05`, to: `${y}-05-04` }),
      ],
      [
        'regulation, real only, from mid-year',
        at(['REGULATION'], { synthetic: false, from: `${y - 2}-07-19` }),
      ],
      [
        'regulation, one regulator, window, second page',
        at(
          ['REGULATION'],
          { regulator: 'OFSTED', from: `${y - 2}-10-01`, to: `${y}-02-28` },
          { skip: 1, first: 2 },
        ),
      ],
      [
        'year, one regulation, window with rates',
        at(
          ['YEAR'],
          { regulation: sample.regulation, from: `${y - 1}-02-02`, to: `${y}-11-11` },
          { withRates: true },
        ),
      ],
      ['regulation x year, generated only', at(['REGULATION', 'YEAR'], { synthetic: true })],
      ['nothing grouped, real only', at([], { synthetic: false })],
      ['nothing grouped, one day', at([], { from: sample.day, to: sample.day })],
    ];
  };

  /**
   * The summary read that answers breachCounts arguments the shape cells cannot sum: the year
   * cells without a place, provider or group, else the dated cells.
   */
  const breachDatedRead = (args: BreachCountArgs): string =>
    nameWithSeek(
      toYearCellParams(args)
        ? 'analytics.breach-counts.summary.years'
        : 'analytics.breach-counts.summary.dated',
      chooseScopeSeek(args.f),
    );

  const trendVariants = (): [string, ThemeTrendArgs][] => {
    const base: ThemeTrendArgs = {
      themes: null,
      from: null,
      to: null,
      interval: 'YEAR',
      polarity: null,
    };
    const intervals: TrendInterval[] = ['YEAR', 'QUARTER', 'MONTH'];
    return intervals.flatMap((interval): [string, ThemeTrendArgs][] => [
      [`${interval}`, { ...base, interval }],
      [`${interval} concern`, { ...base, interval, polarity: 'concern' }],
      [`${interval} strength`, { ...base, interval, polarity: 'strength' }],
      [`${interval} one theme`, { ...base, interval, themes: [sample.theme] }],
      [
        `${interval} months window`,
        { ...base, interval, from: `${sample.year - 1}-04-01`, to: `${sample.year}-09-30` },
      ],
      [
        `${interval} window off month boundaries`,
        { ...base, interval, from: `${sample.year - 1}-04-17`, to: `${sample.year}-09-12` },
      ],
      [
        `${interval} from mid-month`,
        { ...base, interval, from: `${sample.year}-02-10`, polarity: 'concern' },
      ],
      [
        `${interval} to mid-month`,
        { ...base, interval, to: `${sample.year}-05-20`, themes: [sample.theme] },
      ],
      [
        `${interval} inside one month`,
        { ...base, interval, from: `${sample.year}-03-03`, to: `${sample.year}-03-28` },
      ],
      [
        `${interval} across two partial months`,
        { ...base, interval, from: `${sample.year}-06-15`, to: `${sample.year}-07-14` },
      ],
      // The cells are split by synthetic flag and regulator: generated and real reports (the
      // seeds) and both regulators are in this graph.
      [`${interval} generated only`, { ...base, interval, synthetic: true }],
      [`${interval} real only`, { ...base, interval, synthetic: false, polarity: 'concern' }],
      [`${interval} Ofsted`, { ...base, interval, regulator: 'OFSTED' }],
      [
        `${interval} CQC, generated, window off month boundaries`,
        {
          ...base,
          interval,
          regulator: 'CQC',
          synthetic: true,
          from: `${sample.year - 1}-04-17`,
          to: `${sample.year}-09-12`,
        },
      ],
    ]);
  };

  const ratingVariants = (): [string, RatingChangeArgs][] => {
    const base: RatingChangeArgs = {
      direction: null,
      regulator: null,
      from: null,
      to: null,
      synthetic: null,
      skip: 0,
      first: 20,
      withTotal: true,
    };
    return [
      ['unfiltered', base],
      ['no total', { ...base, withTotal: false }],
      ['no total, down', { ...base, withTotal: false, direction: 'DOWN' }],
      ['no total, real only', { ...base, withTotal: false, synthetic: false }],
      ['first 1', { ...base, first: 1 }],
      ['second page', { ...base, skip: 3, first: 4 }],
      ['page past the end', { ...base, skip: 10_000 }],
      ['every row', { ...base, first: 10_000 }],
      ['down', { ...base, direction: 'DOWN' }],
      ['up, second page', { ...base, direction: 'UP', skip: 2, first: 2 }],
      ['same', { ...base, direction: 'SAME' }],
      ['Ofsted', { ...base, regulator: 'OFSTED' }],
      ['CQC down', { ...base, regulator: 'CQC', direction: 'DOWN' }],
      ['generated only', { ...base, synthetic: true, first: 5 }],
      ['real only', { ...base, synthetic: false }],
      ['a window', { ...base, from: `${sample.year - 1}-04-17`, to: `${sample.year}-09-12` }],
      ['from only, second page', { ...base, from: `${sample.year - 1}-02-10`, skip: 4, first: 3 }],
      ['to only, up', { ...base, to: `${sample.year}-05-20`, direction: 'UP' }],
      ['a window with nothing in it', { ...base, from: '1990-01-01', to: '1990-12-31' }],
    ];
  };

  /** The queries a trend request sends: the summary for whole months, one bounded read per partial month. */
  const trendQueries = (args: ThemeTrendArgs): string[] => {
    const split = splitAtWholeMonths(args.from, args.to)!;
    return [
      ...(split.months ? ['analytics.theme-trends.summary'] : []),
      ...split.edges.map(() => 'analytics.theme-trends.window'),
    ];
  };

  /** The runs read that answers a window, when the runs hold its evidence choice. */
  const repeatedRunsRead = (args: RepeatedBreachArgs): string | null => {
    if (args.providerGroupId || (args.from === null && args.to === null)) return null;
    if (args.minInspections < 2) return null;
    const evidence = args.evidence.join(',');
    if (evidence === 'DOCUMENTED') return 'analytics.repeated-breaches.summary.runs';
    if (evidence === 'DOCUMENTED,STATED_REPEAT')
      return 'analytics.repeated-breaches.summary.runs.with-stated';
    return null;
  };

  /** The summary read that answers a repeatedBreaches request: runs, ranked, or counted pair by pair. */
  const repeatedSummaryRead = (args: RepeatedBreachArgs): string =>
    repeatedRunsRead(args) ?? repeatedPairsRead(args);

  /** The read of the pairs themselves, as when the runs are stale or hold no list for the request. */
  const repeatedPairsRead = (args: RepeatedBreachArgs): string => {
    if (args.providerGroupId) return 'analytics.repeated-breaches.summary.provider-group';
    const evidence = args.evidence.join(',');
    // A closed window of at most 400 days with a total, or of at most 200 days: its locations' pairs.
    if (args.from !== null && args.to !== null) {
      const days = (Date.parse(args.to) - Date.parse(args.from)) / 86_400_000;
      if (days <= 400 && (args.withTotal || days <= 200))
        return 'analytics.repeated-breaches.summary.window';
    }
    if (args.from !== null || args.to !== null)
      return 'analytics.repeated-breaches.summary.counted';
    // With a generated-or-real filter, that flag's ranks (no pair here mixes the two).
    const flag = (args.synthetic ?? null) === null ? '' : args.synthetic ? '.generated' : '.real';
    if (evidence === 'DOCUMENTED') return `analytics.repeated-breaches.summary${flag}`;
    if (evidence === 'DOCUMENTED,STATED_REPEAT')
      return `analytics.repeated-breaches.summary.with-stated${flag}`;
    return 'analytics.repeated-breaches.summary.counted';
  };

  async function expectSameAnswers(): Promise<void> {
    for (const [name, args] of repeatedVariants()) {
      const { answer, queries } = await routed((db) => findRepeatedBreaches(db, args));
      expect(queries, name).toEqual([repeatedSummaryRead(args)]);
      expect(JSON.stringify(answer), name).toBe(
        JSON.stringify(await findRepeatedBreachesExactly(graph.db, args)),
      );
    }
    const breachReads: [(args: BreachCountArgs) => string, [string, BreachCountArgs][]][] = [
      [
        (args) => nameWithSeek('analytics.breach-counts.summary', chooseScopeSeek(args.f)),
        breachVariants(),
      ],
      [breachDatedRead, breachDatedVariants()],
    ];
    for (const [read, variants] of breachReads)
      for (const [name, args] of variants) {
        const { answer, queries } = await routed((db) => countBreaches(db, args));
        expect(queries, name).toEqual([read(args)]);
        expect(JSON.stringify(answer), name).toBe(
          JSON.stringify(await countBreachesExactly(graph.db, args)),
        );
      }
    await expectSameSecondBreachReads();
    for (const [name, args] of ratingVariants()) {
      const { answer, queries } = await routed((db) => findRatingChanges(db, args));
      const pageAlone = !args.withTotal && args.direction === null && args.synthetic === null;
      // One round trip either way: the summary's cells and the page they bound are one query.
      expect(queries, name).toEqual([
        pageAlone ? 'analytics.rating-changes' : 'analytics.rating-changes.summary',
      ]);
      expect(JSON.stringify(answer), name).toBe(
        JSON.stringify(await findRatingChangesExactly(graph.db, args)),
      );
    }
    for (const [name, args] of trendVariants()) {
      const { answer, queries } = await routed((db) => findThemeTrends(db, args));
      expect(queries, name).toEqual(trendQueries(args));
      expect(JSON.stringify(answer), name).toBe(
        JSON.stringify(await findThemeTrendsExactly(graph.db, args)),
      );
    }
    await expectSamePairAnswers();
  }

  /**
   * The reads the router passes by, each against the exact query for every variant it can
   * answer: the dated cells for those the year cells take, and the year cells for every variant
   * without a place, provider or group (the shape cells' too).
   */
  async function expectSameSecondBreachReads(): Promise<void> {
    for (const [name, asked] of [...breachVariants(), ...breachDatedVariants()]) {
      // As countBreaches passes them: the documented order is a null sort.
      const args = { ...asked, sort: asked.sort ?? null };
      const exact = JSON.stringify(await countBreachesExactly(graph.db, args));
      const years = toYearCellParams(args);
      if (years) {
        const page = await readFreshSummaryPage(graph.db, breachCountsYearCellQuery(years), years);
        expect(JSON.stringify(page), `${name}, year cells`).toBe(exact);
      }
      const dated = toDatedSummaryParams(args)!;
      const page = await readFreshSummaryPage(graph.db, breachCountsDatedQuery(dated), dated);
      expect(JSON.stringify(page), `${name}, dated cells`).toBe(exact);
    }
  }

  /** themeCooccurrence's variants alone: its theme-set and month cells against the exact query. */
  async function expectSamePairAnswers(): Promise<void> {
    const pairFilters: [string, FindingFilterInput | null, number][] = [
      ['unfiltered, first 3', null, 3],
      ['unfiltered', null, 50],
      ['unfiltered, second page', null, -3],
      ['concern', { polarity: 'CONCERN' }, 50],
      ['strength', { polarity: 'STRENGTH' }, 50],
      ['regulator Ofsted', { regulator: 'OFSTED' }, 50],
      ['CQC concern', { regulator: 'CQC', polarity: 'CONCERN' }, 50],
      ['region', { region: sample.region }, 50],
      ['region, second page', { region: sample.region }, -3],
      [
        'region concern Ofsted',
        { region: sample.region, polarity: 'CONCERN', regulator: 'OFSTED' },
        50,
      ],
      ['region by its code, any case', { region: 'e12000007' }, 50],
      ['generated', { synthetic: true }, 50],
      ['real', { synthetic: false }, 50],
      ['real concern, second page', { synthetic: false, polarity: 'CONCERN' }, -3],
      ['one theme', { themes: [sample.theme] }, 50],
      ['one theme, second page', { themes: [sample.theme] }, -3],
      ['two themes', { themes: [sample.theme, sample.secondTheme] }, 50],
      [
        'two themes, Ofsted strength',
        { themes: [sample.theme, sample.secondTheme], regulator: 'OFSTED', polarity: 'STRENGTH' },
        50,
      ],
      ['a theme no finding has', { themes: ['no-such-theme'] }, 50],
      ['regulation', { regulation: sample.citedRegulation }, 50],
      [
        'regulation and theme, generated',
        { regulation: sample.citedRegulation, themes: [sample.theme], synthetic: true },
        -3,
      ],
      ['regulation in a region', { regulation: sample.citedRegulation, region: sample.region }, 50],
    ];
    // Windows: whole months from the month cells, partial ones at the ends from the graph.
    const y = sample.year;
    const windowPairFilters: [string, FindingFilterInput | null, number][] = [
      ['two whole years', { from: `${y - 1}-01-01`, to: `${y}-12-31` }, 50],
      ['mid-month to mid-month', { from: `${y - 1}-03-15`, to: `${y}-08-20` }, 50],
      ['mid-month to mid-month, second page', { from: `${y - 1}-03-15`, to: `${y}-08-20` }, -3],
      ['from a day on', { from: `${y - 1}-02-10` }, 50],
      ['up to a day', { to: `${y}-05-20` }, 50],
      ['the ends of two months', { from: `${y}-01-20`, to: `${y}-03-10` }, 50],
      ['a year, generated', { from: `${y}-01-01`, to: `${y}-12-31`, synthetic: true }, 50],
      ['a year, real', { from: `${y}-01-01`, to: `${y}-12-31`, synthetic: false }, 50],
      [
        'a window, Ofsted concern',
        { from: `${y - 2}-06-03`, to: `${y}-06-30`, regulator: 'OFSTED', polarity: 'CONCERN' },
        -3,
      ],
      [
        'a window, a theme',
        { from: `${y - 1}-07-01`, to: `${y}-02-14`, themes: [sample.theme] },
        50,
      ],
    ];
    for (const [name, filter, first] of [...pairFilters, ...windowPairFilters]) {
      // A negative `first` stands for the second page of that size, with its total.
      const args = {
        f: toFindingParams(filter),
        skip: first < 0 ? -first : 0,
        first: Math.abs(first),
        withTotal: first < 0,
      };
      const { answer, queries } = await routed((db) => findThemeCooccurrence(db, args));
      const windowed = args.f.from !== null || args.f.to !== null;
      expect(queries, name).toEqual([
        windowed
          ? 'analytics.theme-cooccurrence.summary-window'
          : 'analytics.theme-cooccurrence.summary',
      ]);
      expect(JSON.stringify(answer), name).toBe(
        JSON.stringify(await findThemeCooccurrenceExactly(graph.db, args)),
      );
    }
  }

  beforeAll(async () => {
    graph = connectTestGraph();
    await resetTestGraph(graph);
    await runMigrations(graph.db, { seedDir: null, log: () => {} });
    const files = [
      path.join(SEED_DIR, OFSTED_SEED),
      path.join(SEED_DIR, CQC_SEED),
      ...FIXTURE_REPORTS.filter((f) => f !== LATE_REPORT).map((f) => path.join(FIXTURE_DIR, f)),
    ];
    for (const file of files) {
      const result = await ingestFile(file, { db: graph.db, force: false, meta: null });
      if (result.status !== 'loaded') throw new Error(`${file}: ${result.message}`);
    }
    const corpus = generateOnDisk({ locations: 12, years: 4, seed: 'summaries' });
    for await (const result of ingestInputs([corpus], {
      db: graph.db,
      force: false,
      meta: null,
      workers: 0,
      batchSize: 25,
      keepDocuments: false,
    })) {
      if (result.status === 'failed') throw new Error(`${result.file}: ${result.message}`);
    }
    // As the ingest's post-load steps do before the refresh.
    await groupProviders(graph.db);
    const [row] = await graph.db.read(readSample, {});
    sample = row!;
    await refreshSummaries(graph.db);
  }, 300_000);
  afterAll(async () => graph.close());

  it('samples a graph where every question has answers to compare', async () => {
    expect(sample.regulation).toBeTruthy();
    expect(
      (await findRepeatedBreachesExactly(graph.db, repeatedVariants()[0]![1])).rows.length,
    ).toBeGreaterThan(1);
    // Stated repeats that add an inspection to a pair, so both evidence modes are compared.
    const withStated = await findRepeatedBreachesExactly(graph.db, {
      ...repeatedVariants()[0]![1],
      evidence: ['DOCUMENTED', 'STATED_REPEAT'],
      minInspections: 1,
      first: 10_000,
    });
    expect(
      withStated.rows.some((row) => row.counted.some((c) => c.evidence.includes('STATED_REPEAT'))),
    ).toBe(true);
    // Generated and real inspections breach, and the sample's provider group has pairs.
    const variants = new Map(repeatedVariants());
    for (const name of ['generated only', 'real only', 'provider group'])
      expect(
        (await findRepeatedBreachesExactly(graph.db, variants.get(name)!)).rows.length,
        name,
      ).toBeGreaterThan(0);
    expect(
      (await countBreachesExactly(graph.db, breachVariants()[0]![1])).rows.length,
    ).toBeGreaterThan(5);
    // Every dated variant but the empty window has groups to compare.
    for (const [name, args] of breachDatedVariants())
      expect((await countBreachesExactly(graph.db, args)).rows.length > 0, name).toBe(
        name !== 'region, an empty window',
      );
    expect((await findThemeTrendsExactly(graph.db, trendVariants()[1]![1])).length).toBeGreaterThan(
      5,
    );
    // Every direction, both regulators, and real and generated inspections have rating changes.
    for (const [name, args] of ratingVariants().slice(8, 14))
      expect((await findRatingChangesExactly(graph.db, args)).totalCount, name).toBeGreaterThan(0);
    expect(
      (
        await findThemeCooccurrenceExactly(graph.db, {
          f: toFindingParams(null),
          skip: 0,
          first: 50,
          withTotal: false,
        })
      ).rows.length,
    ).toBeGreaterThan(5);
    // The themes, regulation and flag filters the summary answers each keep some pairs and drop others.
    for (const filter of [
      { themes: [sample.theme] },
      { regulation: sample.citedRegulation },
      { synthetic: true },
      { synthetic: false },
    ]) {
      const pairs = await findThemeCooccurrenceExactly(graph.db, {
        f: toFindingParams(filter),
        skip: 0,
        first: 500,
        withTotal: true,
      });
      expect(pairs.totalCount, JSON.stringify(filter)).toBeGreaterThan(1);
    }
  }, 240_000);

  // Some hundred queries, each variant twice: allow for a shared, loaded machine.
  it('answers every variant the summaries claim exactly as the exact queries do', async () => {
    await expectSameAnswers();
  }, 600_000);

  it('answers a date window as the exact query does however few pairs it counts first for its cutoff', async () => {
    const base = repeatedArgs({ first: 3 });
    const windows: RepeatedBreachArgs[] = [
      { ...base, from: `${sample.year - 1}-01-01`, skip: 2, withTotal: true },
      {
        ...base,
        from: `${sample.year - 2}-01-01`,
        evidence: ['DOCUMENTED', 'STATED_REPEAT'],
        first: 2,
      },
      { ...base, from: `${sample.year - 1}-01-01` },
      { ...base, from: `${sample.year - 2}-06-01`, to: `${sample.year}-12-31`, first: 1 },
      { ...base, to: `${sample.year}-06-30`, minInspections: 1, first: 5 },
      {
        ...base,
        from: `${sample.year}-01-01`,
        to: `${sample.year}-12-31`,
        regulator: 'OFSTED',
        minInspections: 1,
      },
    ];
    let full = 0;
    for (const args of windows) {
      const exact = await findRepeatedBreachesExactly(graph.db, args);
      // A full answer is the case where the first pairs set a cutoff above minInspections.
      if (exact.rows.length === args.first) full += 1;
      for (const headPairs of [1, 3, 10, 40]) {
        const answer = await findRepeatedBreaches(graph.db, args, headPairs);
        expect(JSON.stringify(answer), `${JSON.stringify(args)}, ${headPairs} pairs first`).toBe(
          JSON.stringify(exact),
        );
      }
    }
    expect(full).toBeGreaterThanOrEqual(3);
  });

  it('answers windows from the runs as the exact query does, wherever they start and end', async () => {
    const span = defineQuery<object, { first: string; last: string }>({
      name: 'test.summaries.inspection-span',
      cypher: `MATCH (i:Inspection) WHERE i.startDate IS NOT NULL AND EXISTS { (i)-[:REQUIRED]->() }
               RETURN toString(min(i.startDate)) AS first, toString(max(i.startDate)) AS last`,
      parse: (row) => ({ first: read.string(row, 'first'), last: read.string(row, 'last') }),
    });
    const [{ first, last }] = (await graph.db.read(span, {})) as [{ first: string; last: string }];
    const day = (date: string, days: number) =>
      new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const total = (Date.parse(last) - Date.parse(first)) / 86_400_000;
    // Starts spread over the data (and just before it), each with lengths from a day to years.
    const starts = [-3, 0, 1, 0.13, 0.27, 0.41, 0.5, 0.66, 0.8, 0.97].map((at) =>
      at < 0 ? day(first, at) : day(first, Math.round(at * total)),
    );
    // The whole span first (its top pairs count more than minInspections), then open ends.
    const windows: [string | null, string | null][] = [
      [day(first, -1), day(last, 1)],
      [first, last],
      [null, day(first, 200)],
      [day(last, -400), null],
    ];
    for (const start of starts)
      for (const length of [0, 19, 45, 180, 366, 800]) windows.push([start, day(start, length)]);
    const base = repeatedArgs({ first: 2, withTotal: true });
    let abovePlain = 0;
    let counted = 0;
    for (const [at, [from, to]] of windows.entries()) {
      const args: RepeatedBreachArgs = {
        ...base,
        from,
        to,
        evidence: at % 2 === 0 ? ['DOCUMENTED'] : ['DOCUMENTED', 'STATED_REPEAT'],
        minInspections: 2 + (at % 3 === 2 ? 1 : 0),
        skip: at % 4 === 3 ? 1 : 0,
      };
      const name = JSON.stringify(args);
      const { answer, queries } = await routed((db) => findRepeatedBreaches(db, args));
      expect(queries, name).toEqual([repeatedRunsRead(args)]);
      const exact = await findRepeatedBreachesExactly(graph.db, args);
      expect(JSON.stringify(answer), name).toBe(JSON.stringify(exact));
      if ((exact.totalCount ?? 0) > 0) counted += 1;
      // A page whose first pair counts more than minInspections: the cutoff search found it.
      if ((exact.rows[0]?.inspectionIds.length ?? 0) > args.minInspections) abovePlain += 1;
    }
    expect(counted).toBeGreaterThanOrEqual(6);
    expect(abovePlain).toBeGreaterThanOrEqual(2);
  }, 240_000);

  it('sends the other variants to the exact queries', async () => {
    const trends: ThemeTrendArgs = {
      themes: null,
      from: `${sample.year}-01-15`,
      to: `${sample.year - 1}-01-15`,
      interval: 'YEAR',
      polarity: null,
    };
    expect((await routed((db) => findThemeTrends(db, trends))).queries).toEqual([
      'analytics.theme-trends',
    ]);
    const regionTrends: ThemeTrendArgs = { ...trendVariants()[0]![1], region: sample.region };
    expect((await routed((db) => findThemeTrends(db, regionTrends))).queries).toEqual([
      'analytics.theme-trends',
    ]);
    const pairs = toFindingParams({ localAuthority: sample.localAuthority });
    const pairPage = { f: pairs, skip: 0, first: 20, withTotal: false };
    expect((await routed((db) => findThemeCooccurrence(db, pairPage))).queries).toEqual([
      'analytics.theme-cooccurrence.seek-local-authority',
    ]);
    // A window with a region, or a regulation, or holding no whole month, reads the graph.
    const windowFallbacks: [FindingFilterInput, string][] = [
      [
        { from: `${sample.year - 1}-01-01`, to: `${sample.year}-12-31`, region: sample.region },
        'analytics.theme-cooccurrence.seek-region',
      ],
      [
        { from: `${sample.year}-01-01`, regulation: sample.citedRegulation },
        'analytics.theme-cooccurrence',
      ],
      [
        { from: `${sample.year}-02-03`, to: `${sample.year}-03-30` },
        'analytics.theme-cooccurrence.seek-window',
      ],
    ];
    for (const [filter, query] of windowFallbacks) {
      const args = { f: toFindingParams(filter), skip: 0, first: 20, withTotal: true };
      const { answer, queries } = await routed((db) => findThemeCooccurrence(db, args));
      expect(queries, JSON.stringify(filter)).toEqual([query]);
      expect(answer.rows.length, JSON.stringify(filter)).toBeGreaterThan(0);
    }
  });

  it('sends a regulator filter to the exact queries while an inspection has two regulators', async () => {
    const addSecondRegulator = defineStatement(
      'test.summaries.add-second-regulator',
      `MATCH (i:Inspection)-[:BY]->(:Regulator {code: 'OFSTED'}) WHERE EXISTS { (i)-[:REQUIRED]->() }
       WITH i ORDER BY i.id LIMIT 1
       MATCH (cqc:Regulator {code: 'CQC'}) CREATE (i)-[:BY {test: true}]->(cqc)`,
    );
    const removeSecondRegulator = defineStatement(
      'test.summaries.remove-second-regulator',
      'MATCH ()-[b:BY {test: true}]->() DELETE b',
    );
    const ofsted: RepeatedBreachArgs = {
      regulation: null,
      legislation: null,
      regulator: 'OFSTED',
      minInspections: 1,
      from: null,
      to: null,
      evidence: ['DOCUMENTED'],
      skip: 0,
      first: 500,
      withTotal: true,
    };
    try {
      await graph.db.write(addSecondRegulator, {});
      await refreshSummaries(graph.db);
      const mixed = await routed((db) => findRepeatedBreaches(db, ofsted));
      expect(mixed.queries).toEqual([
        'analytics.repeated-breaches.summary',
        'analytics.repeated-breaches',
      ]);
      expect(JSON.stringify(mixed.answer)).toBe(
        JSON.stringify(await findRepeatedBreachesExactly(graph.db, ofsted)),
      );
      const unfiltered = { ...ofsted, regulator: null };
      expect((await routed((db) => findRepeatedBreaches(db, unfiltered))).queries).toEqual([
        'analytics.repeated-breaches.summary',
      ]);
      const ofstedPairArgs = {
        f: toFindingParams({ regulator: 'OFSTED' }),
        skip: 0,
        first: 50,
        withTotal: true,
      };
      const ofstedPairs = await routed((db) => findThemeCooccurrence(db, ofstedPairArgs));
      expect(ofstedPairs.queries).toEqual([
        'analytics.theme-cooccurrence.summary',
        'analytics.theme-cooccurrence',
      ]);
      expect(JSON.stringify(ofstedPairs.answer)).toBe(
        JSON.stringify(await findThemeCooccurrenceExactly(graph.db, ofstedPairArgs)),
      );
      const ofstedRatings = { ...ratingVariants()[0]![1], regulator: 'OFSTED' };
      const ofstedRatingAnswer = await routed((db) => findRatingChanges(db, ofstedRatings));
      expect(ofstedRatingAnswer.queries.sort()).toEqual([
        'analytics.rating-changes',
        'analytics.rating-changes.count',
        'analytics.rating-changes.summary',
      ]);
      expect(JSON.stringify(ofstedRatingAnswer.answer)).toBe(
        JSON.stringify(await findRatingChangesExactly(graph.db, ofstedRatings)),
      );
      const ofstedTrends: ThemeTrendArgs = { ...trendVariants()[0]![1], regulator: 'OFSTED' };
      const ofstedTrendAnswer = await routed((db) => findThemeTrends(db, ofstedTrends));
      expect(ofstedTrendAnswer.queries).toEqual([
        'analytics.theme-trends.summary',
        'analytics.theme-trends',
      ]);
      expect(JSON.stringify(ofstedTrendAnswer.answer)).toBe(
        JSON.stringify(await findThemeTrendsExactly(graph.db, ofstedTrends)),
      );
    } finally {
      await graph.db.write(removeSecondRegulator, {});
      await refreshSummaries(graph.db);
    }
    expect((await routed((db) => findRepeatedBreaches(db, ofsted))).queries).toEqual([
      'analytics.repeated-breaches.summary',
    ]);
  });

  it('counts a generated-or-real filter from the pair lists while a pair mixes the two', async () => {
    // One inspection of a generated pair with several inspections marked real.
    const mixPair = defineQuery<object, { mixed: number }>({
      name: 'test.summaries.mix-flags',
      cypher: `MATCH (s:RepeatedBreachInspections) WHERE s.flag = 'generated' AND size(s.ids) > 1
       WITH s ORDER BY s.rankAll LIMIT 1
       MATCH (i:Inspection {id: s.ids[0]}) SET i.testWasSynthetic = coalesce(i.synthetic, 'absent'), i.synthetic = false
       RETURN count(i) AS mixed`,
      parse: (row) => ({ mixed: read.number(row, 'mixed') }),
    });
    const unmixPair = defineStatement(
      'test.summaries.unmix-flags',
      `MATCH (i:Inspection) WHERE i.testWasSynthetic IS NOT NULL
       SET i.synthetic = CASE WHEN i.testWasSynthetic = 'absent' THEN null ELSE i.testWasSynthetic END
       REMOVE i.testWasSynthetic`,
    );
    const variants = repeatedVariants().filter(
      ([, args]) =>
        (args.synthetic ?? null) !== null &&
        !args.providerGroupId &&
        ((args.from === null && args.to === null) || repeatedRunsRead(args) !== null),
    );
    expect(variants.length).toBeGreaterThanOrEqual(6);
    try {
      expect((await graph.db.write(mixPair, {}))[0]!.mixed).toBe(1);
      await refreshSummaries(graph.db);
      for (const [name, args] of variants) {
        const mixed = await routed((db) => findRepeatedBreaches(db, args));
        // The ranked and runs reads count a pair whole, so they read as stale: the lists decide.
        const runs = repeatedRunsRead(args);
        expect(mixed.queries, name).toEqual(
          runs
            ? [runs, repeatedPairsRead(args)]
            : [repeatedSummaryRead(args), 'analytics.repeated-breaches.summary.counted'],
        );
        expect(JSON.stringify(mixed.answer), name).toBe(
          JSON.stringify(await findRepeatedBreachesExactly(graph.db, args)),
        );
      }
    } finally {
      await graph.db.write(unmixPair, {});
      await refreshSummaries(graph.db);
    }
    await expectSameAnswers();
  }, 240_000);

  it('reads a window from the pairs while the runs are stale, and builds runs only from fresh pairs', async () => {
    const args = repeatedVariants().find(
      ([name]) => name === 'runs: mid-month to mid-month, a total',
    )![1];
    const setStamp = (kind: string) =>
      defineStatement(
        `test.summaries.stale-stamp-${kind}`,
        `MATCH (s:SummaryStamp {kind: '${kind}'}) SET s.version = -1`,
      );
    const countRuns = defineQuery<object, { n: number }>({
      name: 'test.summaries.count-runs',
      cypher:
        'MATCH (r) WHERE r:RepeatedBreachRunAll OR r:RepeatedBreachRunDocumented RETURN count(r) AS n',
      parse: (row) => ({ n: read.number(row, 'n') }),
    });
    const exact = JSON.stringify(await findRepeatedBreachesExactly(graph.db, args));
    expect((await graph.db.read(countRuns, {}))[0]!.n).toBeGreaterThan(0);
    await graph.db.write(setStamp('repeated-breach-runs'), {});
    const stale = await routed((db) => findRepeatedBreaches(db, args));
    expect(stale.queries).toEqual([repeatedRunsRead(args), repeatedPairsRead(args)]);
    expect(JSON.stringify(stale.answer)).toBe(exact);
    // Pairs of another graph version: the runs' rebuild leaves no runs and no stamp.
    await graph.db.write(setStamp('repeated-breaches-v4'), {});
    expect(await graph.db.writeTransaction((tx) => repeatedBreachRunsSummary.rebuild(tx))).toBe(
      false,
    );
    expect((await graph.db.read(countRuns, {}))[0]!.n).toBe(0);
    const refreshed = await refreshSummaries(graph.db, { onlyStale: true });
    expect(refreshed.filter((k) => k.status === 'rebuilt').map((k) => k.kind)).toEqual([
      'repeated-breaches-v4',
      'repeated-breach-runs',
    ]);
    const fresh = await routed((db) => findRepeatedBreaches(db, args));
    expect(fresh.queries).toEqual([repeatedRunsRead(args)]);
    expect(JSON.stringify(fresh.answer)).toBe(exact);
  });

  it('goes on past an optional summary whose rebuild fails, and stops at any other', async () => {
    const failing = (optional: boolean): SummaryDefinition => ({
      kind: 'test-failing',
      optional,
      rebuild: () => Promise.reject(new Error('test: the rebuild ran out of memory')),
    });
    const summaries = [failing(true), repeatedBreachesSummary];
    const done = await refreshSummaries(graph.db, { summaries });
    expect(done.map((k) => [k.kind, k.status, k.error])).toEqual([
      ['test-failing', 'failed', 'test: the rebuild ran out of memory'],
      ['repeated-breaches-v4', 'rebuilt', undefined],
    ]);
    await expect(refreshSummaries(graph.db, { summaries: [failing(false)] })).rejects.toThrow(
      'ran out of memory',
    );
    // Rolled back with its transaction: the failed kind left no stamp.
    const stamps = await graph.db.read(readStamps, {});
    expect(stamps.map((s) => s.kind)).not.toContain('test-failing');
    await refreshSummaries(graph.db, { onlyStale: true });
    await expectSameAnswers();
  });

  it('notices a summary that disagrees with the graph (the comparison can fail)', async () => {
    const tamper = defineStatement(
      'test.summaries.tamper',
      "MATCH (c:BreachCountGroupedCell {level: 'coarse:regulation:year'}) WITH c LIMIT 1 SET c.requirementCount = c.requirementCount + 1",
    );
    await graph.db.write(tamper, {});
    await expect(expectSameAnswers()).rejects.toThrow();
    await refreshSummaries(graph.db);
    await expectSameAnswers();
    const tamperRatings = defineStatement(
      'test.summaries.tamper-ratings',
      'MATCH (c:RatingChangeCell) WITH c ORDER BY c.day DESC LIMIT 1 SET c.up = c.up + 1',
    );
    await graph.db.write(tamperRatings, {});
    await expect(expectSameAnswers()).rejects.toThrow();
    await refreshSummaries(graph.db);
    await expectSameAnswers();
    // The theme-set cell of the most findings: every pair count of its set moves by one.
    const tamperThemeSets = defineStatement(
      'test.summaries.tamper-theme-sets',
      'MATCH (c:ThemeSetCell) WITH c ORDER BY c.findings DESC LIMIT 1 SET c.findings = c.findings + 1',
    );
    await graph.db.write(tamperThemeSets, {});
    await expect(expectSamePairAnswers()).rejects.toThrow();
    await refreshSummaries(graph.db);
    await expectSamePairAnswers();
    // The month cell of the most findings, alone: only a window's answers can notice it.
    const tamperThemeMonths = defineStatement(
      'test.summaries.tamper-theme-months',
      'MATCH (c:ThemeSetMonthCell) WITH c ORDER BY c.findings DESC, c.month LIMIT 1 SET c.findings = c.findings + 1',
    );
    await graph.db.write(tamperThemeMonths, {});
    await expect(expectSamePairAnswers()).rejects.toThrow();
    await refreshSummaries(graph.db);
    await expectSamePairAnswers();
    // The runs of the pair ranked first, of either list, gone: the window reads must disagree.
    const tamperRuns = [
      `MATCH (s:RepeatedBreachInspections {rank: 0})
       MATCH (r:RepeatedBreachRunDocumented {pair: s.rankAll}) DETACH DELETE r`,
      'MATCH (r:RepeatedBreachRunAll {pair: 0}) DETACH DELETE r',
    ];
    for (const [n, cypher] of tamperRuns.entries()) {
      await graph.db.write(defineStatement(`test.summaries.tamper-runs-${n}`, cypher), {});
      await expect(expectSameAnswers()).rejects.toThrow();
      await refreshSummaries(graph.db);
      await expectSameAnswers();
    }
    // Generated-or-real flags flipped in the pair lists, or the top real pair left out of its
    // flag's ranks: the filtered variants must disagree.
    const tamperFlags = [
      'MATCH (s:RepeatedBreachInspections) SET s.synthetic = [x IN s.synthetic | NOT x]',
      'MATCH (s:RepeatedBreachInspections {rankReal: 0}) REMOVE s.rankReal',
    ];
    for (const [n, cypher] of tamperFlags.entries()) {
      await graph.db.write(defineStatement(`test.summaries.tamper-flags-${n}`, cypher), {});
      await expect(expectSameAnswers()).rejects.toThrow();
      await refreshSummaries(graph.db);
      await expectSameAnswers();
    }
  }, 600_000);

  it('reads provider groups from the graph after a regrouping, and groups breach counts only from cells stamped with the links counter', async () => {
    const group = repeatedVariants().find(([name]) => name === 'provider group')![1];
    const byGroup = breachVariants().find(([name]) => name === 'provider group')![1];
    const oneGroup = breachVariants().find(
      ([name]) => name === 'regulation, one provider group',
    )![1];
    const byRegulation = breachVariants()[0]![1];
    // Another provider with breaches, outside the sample's group, joined to it by a SAME_AS link.
    const link = defineStatement(
      'test.summaries.link-groups',
      `MATCH (a:Provider)-[:IN_GROUP]->(:ProviderGroup {id: $group})
       WITH a ORDER BY a.id LIMIT 1
       MATCH (b:Provider)-[:RUNS]->(:Location)<-[:OF]-(:Inspection)-[:REQUIRED]->()
       WHERE NOT EXISTS { (b)-[:IN_GROUP]->(:ProviderGroup {id: $group}) }
       WITH a, b ORDER BY b.id LIMIT 1
       CREATE (a)-[:SAME_AS {rule: 'test'}]->(b)`,
    );
    const unlink = defineStatement(
      'test.summaries.unlink-groups',
      "MATCH ()-[s:SAME_AS {rule: 'test'}]->() DELETE s",
    );
    const dated = new Map(breachDatedVariants());
    const groupByPlace = dated.get('provider group x local authority')!;
    const before = await findRepeatedBreachesExactly(graph.db, group);
    const groupsBefore = await countBreachesExactly(graph.db, byGroup);
    const groupsByPlaceBefore = await countBreachesExactly(graph.db, groupByPlace);
    try {
      await graph.db.write(link, { group: sample.providerGroup });
      await groupProviders(graph.db);
      // The group's locations are read at each request: still the summary, and the new answer.
      const regrouped = await routed((db) => findRepeatedBreaches(db, group));
      expect(regrouped.queries).toEqual(['analytics.repeated-breaches.summary.provider-group']);
      expect(JSON.stringify(regrouped.answer)).toBe(
        JSON.stringify(await findRepeatedBreachesExactly(graph.db, group)),
      );
      // The breach cells keep groups: stale for a group read until the next refresh, not for others.
      const cellSeek = (args: BreachCountArgs) =>
        nameWithSeek('analytics.breach-counts.summary', chooseScopeSeek(args.f));
      const exactSeek = (args: BreachCountArgs) =>
        nameWithSeek('analytics.breach-counts', chooseScopeSeek(args.f));
      for (const args of [byGroup, oneGroup]) {
        const stale = await routed((db) => countBreaches(db, args));
        expect(stale.queries).toEqual([cellSeek(args), exactSeek(args)]);
        expect(JSON.stringify(stale.answer)).toBe(
          JSON.stringify(await countBreachesExactly(graph.db, args)),
        );
      }
      expect((await routed((db) => countBreaches(db, byRegulation))).queries).toEqual([
        cellSeek(byRegulation),
      ]);
      // So do the dated cells: a group read goes to the exact query, a place read does not.
      const groupWindow = dated.get('provider group x legislation, from mid-month')!;
      const datedSeek = (args: BreachCountArgs) =>
        nameWithSeek('analytics.breach-counts.summary.dated', chooseScopeSeek(args.f));
      for (const args of [groupByPlace, groupWindow]) {
        const stale = await routed((db) => countBreaches(db, args));
        expect(stale.queries).toEqual([datedSeek(args), exactSeek(args)]);
        expect(JSON.stringify(stale.answer)).toBe(
          JSON.stringify(await countBreachesExactly(graph.db, args)),
        );
      }
      const byPlace = dated.get('provider x region')!;
      expect((await routed((db) => countBreaches(db, byPlace))).queries).toEqual([
        datedSeek(byPlace),
      ]);
      // The regrouping changed both answers, so a summary that missed it would be caught.
      expect(JSON.stringify(regrouped.answer)).not.toBe(JSON.stringify(before));
      expect(JSON.stringify(await countBreachesExactly(graph.db, byGroup))).not.toBe(
        JSON.stringify(groupsBefore),
      );
      expect(JSON.stringify(await countBreachesExactly(graph.db, groupByPlace))).not.toBe(
        JSON.stringify(groupsByPlaceBefore),
      );
      const refreshed = await refreshSummaries(graph.db, { onlyStale: true });
      expect(refreshed.filter((k) => k.status === 'rebuilt').map((k) => k.kind)).toEqual([
        'breach-counts-v3',
        'breach-counts-dated',
      ]);
      await expectSameAnswers();
    } finally {
      await graph.db.write(unlink, {});
      await groupProviders(graph.db);
      await refreshSummaries(graph.db, { onlyStale: true });
    }
    expect(JSON.stringify(await findRepeatedBreaches(graph.db, group))).toBe(
      JSON.stringify(before),
    );
    expect(JSON.stringify(await countBreaches(graph.db, byGroup))).toBe(
      JSON.stringify(groupsBefore),
    );
    expect(JSON.stringify(await countBreaches(graph.db, groupByPlace))).toBe(
      JSON.stringify(groupsByPlaceBefore),
    );
  });

  it('deletes the nodes and stamps of the earlier summary layouts at migration, and nothing of the current ones', async () => {
    const plantLegacy = defineStatement(
      'test.summaries.plant-legacy',
      `CREATE (:RepeatedBreachSummary {locationId: 'x', regulationId: 'y', rank: 0}), (:BreachCountSummary {level: 'coarse'}),
              (:ThemePairSummary {a: 'x', b: 'x', both: 1}), (:SummaryStamp {kind: 'repeated-breaches', version: 1}),
              (:RepeatedBreachPair {locationId: 'x', regulationId: 'y', rank: 0}), (:SummaryStamp {kind: 'repeated-breaches-v2', version: 1}),
              (:ThemePairCell {a: 'x', b: 'x', both: 1}), (:SummaryStamp {kind: 'theme-cooccurrence-v2', version: 1}),
              (:ThemeTrendSummary {themeId: 'x', findingCount: 1}), (:SummaryStamp {kind: 'theme-trends', version: 1}),
              (:ThemePairRegionCell {a: 'x', b: 'x', both: 1}), (:SummaryStamp {kind: 'theme-cooccurrence-v3', version: 1}),
              (:RepeatedBreachEvidence {locationId: 'x', regulationId: 'y', rank: 0}), (:SummaryStamp {kind: 'repeated-breaches-v3', version: 1}),
              (:BreachCountCell {level: 'coarse'}), (:SummaryStamp {kind: 'breach-counts-v2', version: 1})`,
    );
    const countLegacy = defineQuery<object, { n: number }>({
      name: 'test.summaries.count-legacy',
      cypher: `MATCH (n) WHERE n:RepeatedBreachSummary OR n:BreachCountSummary OR n:ThemePairSummary OR n:RepeatedBreachPair
                 OR n:ThemePairCell OR n:ThemeTrendSummary OR n:ThemePairRegionCell OR n:RepeatedBreachEvidence OR n:BreachCountCell
                 OR (n:SummaryStamp AND n.kind IN ['repeated-breaches', 'breach-counts', 'theme-cooccurrence', 'repeated-breaches-v2',
                                                   'theme-cooccurrence-v2', 'theme-trends', 'theme-cooccurrence-v3',
                                                   'repeated-breaches-v3', 'breach-counts-v2'])
               RETURN count(n) AS n`,
      parse: (row) => ({ n: read.number(row, 'n') }),
    });
    await graph.db.write(plantLegacy, {});
    expect((await graph.db.read(countLegacy, {}))[0]!.n).toBe(16);
    const log: string[] = [];
    await runMigrations(graph.db, { seedDir: null, log: (line) => log.push(line) });
    expect((await graph.db.read(countLegacy, {}))[0]!.n).toBe(0);
    expect(log.join('\n')).toContain('Deleted 9 summary nodes of an earlier layout');
    await expectSameAnswers();
  });

  it('sees any one stamp or node of an earlier summary layout alone, so a start that sees none need not delete', async () => {
    // Each label and each legacy stamp on its own: a start skips the deletes only when all are absent.
    const plants = [
      'RepeatedBreachSummary',
      'BreachCountSummary',
      'ThemePairSummary',
      'RepeatedBreachPair',
      'ThemePairCell',
      'ThemeTrendSummary',
      'ThemePairRegionCell',
      'RepeatedBreachEvidence',
      'BreachCountCell',
    ].map((label) => `CREATE (:${label} {plantedByTest: true})`);
    for (const kind of [
      'repeated-breaches',
      'breach-counts',
      'theme-cooccurrence',
      'repeated-breaches-v2',
      'theme-cooccurrence-v2',
      'theme-trends',
      'theme-cooccurrence-v3',
      'repeated-breaches-v3',
      'breach-counts-v2',
    ])
      plants.push(`CREATE (:SummaryStamp {kind: '${kind}', version: 1, plantedByTest: true})`);
    const removePlanted = defineStatement(
      'test.summaries.remove-planted',
      'MATCH (n {plantedByTest: true}) DETACH DELETE n',
    );
    // The current layouts' stamps and cells are not legacy.
    expect(await hasLegacySummaries(graph.db)).toBe(false);
    for (const [at, cypher] of plants.entries()) {
      await graph.db.write(defineStatement(`test.summaries.plant-legacy-${at}`, cypher), {});
      expect(await hasLegacySummaries(graph.db), cypher).toBe(true);
      await graph.db.write(removePlanted, {});
      expect(await hasLegacySummaries(graph.db), cypher).toBe(false);
    }
  });

  it('goes back to the exact queries when a report is loaded after the refresh, and to the summaries after the next', async () => {
    // Every pair, so the one the late report adds is in the answer.
    const unfiltered = { ...repeatedVariants()[0]![1], first: 1000 };
    const before = await findRepeatedBreachesExactly(graph.db, unfiltered);
    const result = await ingestFile(path.join(FIXTURE_DIR, LATE_REPORT), {
      db: graph.db,
      force: false,
      meta: null,
    });
    expect(result.status).toBe('loaded');

    const stale = await routed((db) => findRepeatedBreaches(db, unfiltered));
    expect(stale.queries).toEqual([
      'analytics.repeated-breaches.summary',
      'analytics.repeated-breaches',
    ]);
    const exact = await findRepeatedBreachesExactly(graph.db, unfiltered);
    expect(JSON.stringify(stale.answer)).toBe(JSON.stringify(exact));
    // The late report is a second inspection of a home already in the graph: the answer changed.
    expect(JSON.stringify(exact)).not.toBe(JSON.stringify(before));
    const trends = await routed((db) => findThemeTrends(db, trendVariants()[0]![1]));
    expect(trends.queries).toEqual(['analytics.theme-trends.summary', 'analytics.theme-trends']);
    const window = breachDatedVariants()[2]![1];
    const breaches = await routed((db) => countBreaches(db, window));
    expect(breaches.queries).toEqual([
      'analytics.breach-counts.summary.years',
      'analytics.breach-counts.summary.dated',
      'analytics.breach-counts',
    ]);
    expect(JSON.stringify(breaches.answer)).toBe(
      JSON.stringify(await countBreachesExactly(graph.db, window)),
    );
    const ratings = await routed((db) => findRatingChanges(db, ratingVariants()[0]![1]));
    expect(ratings.queries.sort()).toEqual([
      'analytics.rating-changes',
      'analytics.rating-changes.count',
      'analytics.rating-changes.summary',
    ]);

    const refreshed = await refreshSummaries(graph.db, { onlyStale: true });
    expect(refreshed.map((k) => k.status)).toEqual([
      'rebuilt',
      'rebuilt',
      'rebuilt',
      'rebuilt',
      'rebuilt',
      'rebuilt',
      'rebuilt',
      'rebuilt',
      'rebuilt',
    ]);
    await expectSameAnswers();
    const again = await refreshSummaries(graph.db, { onlyStale: true });
    expect(again.map((k) => k.status)).toEqual([
      'already-fresh',
      'already-fresh',
      'already-fresh',
      'already-fresh',
      'already-fresh',
      'already-fresh',
      'already-fresh',
      'already-fresh',
      'already-fresh',
    ]);
  });

  it('counts the locations of a dated cell once each, and notices a dated cell that disagrees with the graph', async () => {
    // Two locations with requirements, by one regulator, made one cell: the second moved to the
    // first's place and run by its providers alone.
    const twin = defineQuery<object, { providers: number }>({
      name: 'test.summaries.twin-locations',
      cypher: `MATCH (a:Location)<-[:OF]-(:Inspection)-[:BY]->(r:Regulator)
               WHERE EXISTS { (a)<-[:OF]-(:Inspection)-[:REQUIRED]->() } AND EXISTS { (:Provider)-[:RUNS]->(a) }
               WITH DISTINCT a, r ORDER BY COUNT { (a)<-[:OF]-(:Inspection)-[:REQUIRED]->() } DESC, a.id LIMIT 1
               MATCH (b:Location)<-[:OF]-(:Inspection)-[:BY]->(r)
               WHERE b <> a AND EXISTS { (b)<-[:OF]-(:Inspection)-[:REQUIRED]->() }
               WITH DISTINCT a, b ORDER BY COUNT { (b)<-[:OF]-(:Inspection)-[:REQUIRED]->() } DESC, b.id LIMIT 1
               SET b.region = a.region, b.localAuthority = a.localAuthority
               WITH a, b
               CALL (b) { MATCH (b)<-[old:RUNS]-() DELETE old }
               MATCH (p:Provider)-[:RUNS]->(a)
               MERGE (p)-[:RUNS]->(b)
               RETURN count(DISTINCT p) AS providers`,
      parse: (row) => ({ providers: read.number(row, 'providers') }),
    });
    const [moved] = await graph.db.write(twin, {});
    expect(moved!.providers).toBeGreaterThan(0);
    await groupProviders(graph.db);
    await refreshSummaries(graph.db);
    await expectSameAnswers();
    // Its totals (read by place and provider without a window), its requirement counts, its
    // locations' ordinals (every element one location) or its days (every one a year later),
    // each changed alone, must make some answer disagree.
    const tamperDated = [
      'SET c.locationCount = c.locationCount + 1',
      'SET c.requirements = [n IN c.requirements | n + 1]',
      'SET c.locations = [o IN c.locations | 0]',
      'SET c.days = [d IN c.days | d + 10000]',
    ];
    for (const [n, change] of tamperDated.entries()) {
      const tamper = defineQuery<object, { tampered: number }>({
        name: `test.summaries.tamper-dated-${n}`,
        cypher: `MATCH (c:BreachCountDatedCell {scope: 'all'}) WHERE c.locationCount > 1
                 WITH c ORDER BY c.locationCount DESC, size(c.days) DESC, c.regulator, c.region, c.localAuthority, c.providerId LIMIT 1
                 ${change}
                 RETURN count(*) AS tampered`,
        parse: (row) => ({ tampered: read.number(row, 'tampered') }),
      });
      expect(await graph.db.write(tamper, {}), change).toEqual([{ tampered: 1 }]);
      await expect(expectSameAnswers(), change).rejects.toThrow();
      await refreshSummaries(graph.db);
      await expectSameAnswers();
    }
  }, 600_000);

  it('notices a year cell that disagrees with the graph, in its totals, its elements or their previous days', async () => {
    // The 'all' scope's cell holding the sample inspection (of the most elements, if two): each
    // change alone must make some answer disagree (the totals are read for whole years split by
    // year, the elements for windows and flags).
    const tamperYears = [
      'SET c.locationCount = c.locationCount + 1',
      'SET c.inspectionCount = c.inspectionCount - 1',
      'SET c.requirements = [n IN c.requirements | n + 1]',
      // Every element a year later: out of the windows that held it.
      'SET c.days = [d IN c.days | d + 10000]',
      // Every element the first of its location: a location seen before counts again (in a
      // cell holding such a location, below).
      'SET c.prev = [p IN c.prev | -9]',
      // Every element preceded on its own day: no location counts in a window.
      'SET c.prev = c.days',
      'SET c.prevSameFlag = c.days',
      'SET c.generated = [g IN c.generated | NOT g]',
    ];
    for (const [n, change] of tamperYears.entries()) {
      const tamper = defineQuery<{ year: number; day: number }, { tampered: number }>({
        name: `test.summaries.tamper-years-${n}`,
        cypher: `MATCH (c:BreachCountYearCell {scope: 'all'})
                 WHERE ${change.startsWith('SET c.prev = [') ? 'any(p IN c.prev WHERE p > 0)' : 'c.year = $year AND $day IN c.days'}
                 WITH c ORDER BY size(c.days) DESC, c.regulator, c.year LIMIT 1
                 ${change}
                 RETURN count(*) AS tampered`,
        parse: (row) => ({ tampered: read.number(row, 'tampered') }),
      });
      const day = Number(sample.day.replaceAll('-', ''));
      expect(await graph.db.write(tamper, { year: sample.year, day }), change).toEqual([
        { tampered: 1 },
      ]);
      const agreed = await expectSameAnswers().then(
        () => true,
        () => false,
      );
      expect(agreed, `${change}: the answers still agree`).toBe(false);
      await refreshSummaries(graph.db);
      await expectSameAnswers();
    }
  }, 900_000);
});
