/**
 * The questions the benchmark asks twice: through GraphQL over HTTP (ours, with the nested
 * fields a client would select) and as the same named Cypher query on the bare driver.
 */
import { breachCountsQuery } from '../src/graph/analytics/breach-counts.ts';
import { ratingChangesQuery } from '../src/graph/analytics/rating-changes.ts';
import { repeatedBreachesQuery } from '../src/graph/analytics/repeated-breaches.ts';
import { themeCooccurrenceQuery, themeTrendsQuery } from '../src/graph/analytics/theme-trends.ts';
import { toFindingParams, toScopeParams } from '../src/graph/filters.ts';
import { listQuery } from '../src/graph/lists.ts';
import { relatedFindingsQuery, searchQuery, STOPWORDS } from '../src/graph/search.ts';
import { FULLTEXT_INDEX } from '../src/db/migrations.ts';

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
  bare: `MATCH (l:Location) WITH l ORDER BY l.name, l.id LIMIT 20
         RETURN l.id AS id, l.name AS name,
           [(l)<-[:OF]-(i:Inspection) | i {.id, .startDate,
             requirements: [(i)-[:REQUIRED]->(q:Requirement) | q {.text,
               regulation: [(q)-[:UNDER]->(g:Regulation) | g {.id, .heading}][0]}]}] AS inspections`,
  peer: `{ locations(limit: 20, sort: [{ name: ASC }]) { id name
           inspections { id startDate requirements { text regulation { id heading } } } } }`,
};

export function buildQueryCases(findingId: string): QueryCase[] {
  const scope = toScopeParams(null);
  return [
    {
      name: 'repeatedBreaches',
      graphql: `{ repeatedBreaches(minInspections: 2, first: 20) {
        location { id name } regulation { id heading } inspectionCount requirements { text dueDate } } }`,
      variables: {},
      bare: {
        cypher: repeatedBreachesQuery.cypher,
        params: { regulation: null, legislation: null, regulator: null, minInspections: 2, from: null, to: null, first: 20 },
      },
    },
    {
      name: 'breachCounts',
      graphql: '{ breachCounts(groupBy: [REGULATION, YEAR], first: 50) { regulation { id heading } year requirementCount locationCount } }',
      variables: {},
      bare: {
        cypher: breachCountsQuery.cypher,
        params: {
          groupBy: ['REGULATION', 'YEAR'],
          f: { regulator: null, legislation: null, regulation: null, from: null, to: null, region: null, localAuthority: null, providerId: null },
          first: 50,
        },
      },
    },
    {
      name: 'themeTrends',
      graphql: '{ themeTrends(interval: YEAR) { theme { id label } period findingCount inspectionCount } }',
      variables: {},
      bare: { cypher: themeTrendsQuery.cypher, params: { themes: null, from: null, to: null, interval: 'YEAR', polarity: null } },
    },
    {
      name: 'themeCooccurrence',
      graphql: '{ themeCooccurrence(first: 20) { first { id } second { id } findingCount jaccard } }',
      variables: {},
      bare: { cypher: themeCooccurrenceQuery.cypher, params: { f: toFindingParams(null), first: 20 } },
    },
    {
      name: 'ratingChanges',
      graphql: '{ ratingChanges(direction: DOWN, first: 50) { location { id name } before { id overallGrade } after { id overallGrade } direction basis } }',
      variables: {},
      bare: { cypher: ratingChangesQuery.cypher, params: { direction: 'DOWN', regulator: null, from: null, to: null, first: 50 } },
    },
    {
      name: 'enforcementActions',
      graphql: '{ enforcementActions(first: 20) { totalCount nodes { id type count complyBy text } } }',
      variables: {},
      // The API reads one item past the page (hasNextPage without counting), so the bare side does too.
      bare: { cypher: listQuery('enforcementActions', 'NEWEST', 'DESC').query.cypher, params: { skip: 0, limit: 21, f: { ...scope, type: null } } },
    },
    {
      name: 'relatedFindings',
      graphql: 'query ($id: ID!) { relatedFindings(findingId: $id, first: 10) { score reasons finding { id text } } }',
      variables: { id: findingId },
      bare: { cypher: relatedFindingsQuery.cypher, params: { findingId, index: FULLTEXT_INDEX, stopwords: STOPWORDS, first: 10 } },
    },
    {
      name: 'search',
      graphql: '{ search(text: "medication records", first: 20) { kind score snippet inspection { id } location { id } } }',
      variables: {},
      bare: { cypher: searchQuery.cypher, params: { index: FULLTEXT_INDEX, query: 'medication records', first: 20 } },
    },
    { name: 'nestedRead', graphql: NESTED_READ.ours, variables: {}, bare: { cypher: NESTED_READ.bare, params: {} } },
  ];
}
