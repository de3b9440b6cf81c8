/**
 * The questions the benchmark asks twice: through GraphQL over HTTP (ours, with the nested
 * fields a client would select) and as the same named Cypher query on the bare driver.
 */
// The bench runs each question's own summary read on the bare driver, so it reaches inside the
// question folders (src/ itself may import a question only through its index.ts).
import type { Driver } from 'neo4j-driver';
import type { BreachCountArgs } from '../src/graph/questions/breach-counts/index.ts';
import {
  breachCountsSummaryQuery,
  toBreachSummaryParams,
} from '../src/graph/questions/breach-counts/summary.ts';
import { ratingChangesSummaryPageQuery } from '../src/graph/questions/rating-changes/summary.ts';
import { repeatedBreachesSummaryQuery } from '../src/graph/questions/repeated-breaches/summary.ts';
import { runsReadFor } from '../src/graph/questions/repeated-breaches/window-read.ts';
import { toWindowDays } from '../src/graph/questions/repeated-breaches/window-runs.ts';
import { themeCooccurrenceSummaryQuery } from '../src/graph/questions/theme-cooccurrence/summary.ts';
import { themeTrendsSummaryQuery } from '../src/graph/questions/theme-trends/summary.ts';
import { toScopeParams } from '../src/graph/filters.ts';
import { listQuery } from '../src/graph/lists.ts';
import { relatedFindingsQuery, searchQuery, STOPWORDS } from '../src/graph/search.ts';
import { FULLTEXT_INDEX } from '../src/graph/schema/migrations.ts';

export interface QueryCase {
  name: string;
  graphql: string;
  variables: Record<string, unknown>;
  bare: { cypher: string; params: Record<string, unknown> };
}

/** The four-level nested read, written three ways: ours, the bare driver, @neo4j/graphql. */
export const NESTED_READ = {
  ours: `{ locations(first: 20, sort: { field: NAME, direction: ASC }) { nodes { id name
           inspections(first: 100) { nodes { id startDate requirements { text regulation { id heading } } } } } } }`,
  // Written as a hand-tuned query would be: from the Location.name index in order (every
  // generated location has a name, so this is the same page as the API's).
  bare: `MATCH (l:Location) WHERE l.name IS NOT NULL WITH l ORDER BY l.name, l.id LIMIT 20
         RETURN l.id AS id, l.name AS name,
           [(l)<-[:OF]-(i:Inspection) | i {.id, .startDate,
             requirements: [(i)-[:REQUIRED]->(q:Requirement) | q {.text,
               regulation: [(q)-[:UNDER]->(g:Regulation) | g {.id, .heading}][0]}]}] AS inspections`,
  peer: `{ locations(limit: 20, sort: [{ name: ASC }]) { id name
           inspections { id startDate requirements { text regulation { id heading } } } } }`,
};

/**
 * The four whole-graph questions are asked unfiltered (repeatedBreaches also with a date window),
 * which their summaries answer (the bench refreshes them first), so the bare side runs the
 * summary query the API runs, with its params.
 */
export function buildQueryCases(findingId: string): QueryCase[] {
  const scope = toScopeParams(null);
  const breachArgs: BreachCountArgs = {
    groupBy: ['REGULATION', 'YEAR'],
    f: {
      regulator: null,
      legislation: null,
      regulation: null,
      from: null,
      to: null,
      region: null,
      localAuthority: null,
      providerId: null,
    },
    skip: 0,
    first: 51,
    withTotal: false,
    sort: null,
    withRates: false,
  };
  return [
    {
      name: 'repeatedBreaches',
      graphql: `{ repeatedBreaches(minInspections: 2, first: 20) {
        nodes { location { id name } regulation { id heading } inspectionCount requirements { text dueDate } } } }`,
      variables: {},
      bare: {
        cypher: repeatedBreachesSummaryQuery.cypher,
        params: {
          regulation: null,
          legislation: null,
          regulator: null,
          minInspections: 2,
          from: null,
          to: null,
          evidence: ['DOCUMENTED'],
          synthetic: null,
          providerGroupId: null,
          skip: 0,
          first: 21,
          withTotal: false,
        },
      },
    },
    {
      // With a date window the summary's all-time rank is not the answer's order: a read of its own.
      name: 'repeatedBreachesSince2018',
      graphql: `{ repeatedBreaches(minInspections: 2, from: "2018-01-01", first: 20) {
        nodes { location { id name } regulation { id heading } inspectionCount requirements { text dueDate } } } }`,
      variables: {},
      // A window: the API reads the summary's runs (window-read.ts), so the bare side does too.
      bare: {
        cypher: runsReadFor(['DOCUMENTED'])!.cypher,
        params: {
          regulation: null,
          legislation: null,
          regulator: null,
          minInspections: 2,
          from: '2018-01-01',
          to: null,
          ...toWindowDays('2018-01-01', null),
          evidence: ['DOCUMENTED'],
          synthetic: null,
          providerGroupId: null,
          skip: 0,
          first: 21,
          withTotal: false,
        },
      },
    },
    {
      name: 'breachCounts',
      graphql:
        '{ breachCounts(groupBy: [REGULATION, YEAR], first: 50) { nodes { regulation { id heading } year requirementCount locationCount } } }',
      variables: {},
      bare: {
        cypher: breachCountsSummaryQuery(toBreachSummaryParams(breachArgs)!).cypher,
        params: { ...toBreachSummaryParams(breachArgs)! },
      },
    },
    {
      name: 'themeTrends',
      graphql:
        '{ themeTrends(interval: YEAR) { theme { id label } period findingCount inspectionCount } }',
      variables: {},
      bare: {
        cypher: themeTrendsSummaryQuery.cypher,
        params: {
          themes: null,
          synthetic: null,
          regulator: null,
          from: null,
          to: null,
          interval: 'YEAR',
          polarity: null,
        },
      },
    },
    {
      name: 'themeCooccurrence',
      graphql:
        '{ themeCooccurrence(first: 20) { nodes { first { id } second { id } findingCount jaccard } } }',
      variables: {},
      bare: {
        cypher: themeCooccurrenceSummaryQuery.cypher,
        params: {
          polarity: null,
          regulator: null,
          region: null,
          synthetic: null,
          themes: null,
          regulation: null,
          skip: 0,
          first: 21,
          withTotal: false,
          sort: null,
        },
      },
    },
    {
      name: 'ratingChanges',
      graphql:
        '{ ratingChanges(direction: DOWN, first: 50) { nodes { location { id name } before { id overallGrade } after { id overallGrade } direction basis } } }',
      variables: {},
      // A direction: the API reads the summary's cells and the page in one query (answer.ts).
      bare: {
        cypher: ratingChangesSummaryPageQuery.cypher,
        params: {
          direction: 'DOWN',
          regulator: null,
          from: null,
          to: null,
          synthetic: null,
          skip: 0,
          first: 51,
          withTotal: false,
          rows: 51,
        },
      },
    },
    {
      name: 'enforcementActions',
      graphql:
        '{ enforcementActions(first: 20) { totalCount nodes { id type count complyBy text } } }',
      variables: {},
      // The API reads one item past the page (hasNextPage without counting), so the bare side does too.
      bare: {
        cypher: listQuery('enforcementActions', 'NEWEST', 'DESC').query.cypher,
        params: { skip: 0, limit: 21, f: { ...scope, type: null } },
      },
    },
    {
      name: 'relatedFindings',
      graphql:
        'query ($id: ID!) { relatedFindings(findingId: $id, first: 10) { score reasons finding { id text } } }',
      variables: { id: findingId },
      bare: {
        cypher: relatedFindingsQuery.cypher,
        params: { findingId, index: FULLTEXT_INDEX, stopwords: STOPWORDS, first: 10 },
      },
    },
    {
      name: 'search',
      graphql:
        '{ search(text: "medication records", first: 20) { kind score snippet inspection { id } location { id } } }',
      variables: {},
      bare: {
        cypher: searchQuery.cypher,
        params: { index: FULLTEXT_INDEX, query: 'medication records', first: 20 },
      },
    },
    {
      name: 'nestedRead',
      graphql: NESTED_READ.ours,
      variables: {},
      bare: { cypher: NESTED_READ.bare, params: {} },
    },
  ];
}

/** A themed finding's id, for the relatedFindings case (any one: the case asks about its neighbours). */
export async function readSampleFindingId(driver: Driver): Promise<string> {
  const sample = await driver.executeQuery(
    'MATCH (f:Finding)-[:ABOUT]->() RETURN f.id AS id LIMIT 1',
  );
  return String(sample.records[0]?.get('id') ?? '');
}
