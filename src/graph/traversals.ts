/**
 * One-hop (or fixed-path) reads from a batch of parent nodes: the relationships resolvers
 * follow. Each is a named query over UNWIND $keys, so a DataLoader answers a whole level of a
 * GraphQL response in one round trip.
 */
import { defineQuery, read, type NamedQuery, type PlainRecord } from '../db/query.ts';
import { NODE_KINDS, type NodeKind } from './node-kinds.ts';

interface TraversalSpec {
  from: NodeKind;
  to: NodeKind;
  /** Pattern from `n` (the parent) to `m` (the related node); may bind `r`. */
  pattern: string;
  order: string;
  /** Extra value carried with each related node (e.g. the terms on ABOUT), as a Cypher expression. */
  extra?: string;
}

export const TRAVERSALS = {
  locationProvider: {
    from: 'location',
    to: 'provider',
    pattern: '(n)<-[:RUNS]-(m:Provider)',
    order: 'm.id',
  },
  locationRegulators: {
    from: 'location',
    to: 'regulator',
    pattern: '(n)-[:REGULATED_BY]->(m:Regulator)',
    order: 'm.code',
  },
  inspectionLocation: {
    from: 'inspection',
    to: 'location',
    pattern: '(n)-[:OF]->(m:Location)',
    order: 'm.id',
  },
  inspectionRegulator: {
    from: 'inspection',
    to: 'regulator',
    pattern: '(n)-[:BY]->(m:Regulator)',
    order: 'm.code',
  },
  inspectionPrevious: {
    from: 'inspection',
    to: 'inspection',
    pattern: '(n)-[:PREVIOUS]->(m:Inspection)',
    order: 'm.startDate',
  },
  inspectionJudgements: {
    from: 'inspection',
    to: 'judgement',
    pattern: '(n)-[:HAS_JUDGEMENT]->(m:Judgement)',
    order: 'm.ordinal, m.id',
  },
  inspectionRequirements: {
    from: 'inspection',
    to: 'requirement',
    pattern: '(n)-[:REQUIRED]->(m:Requirement)',
    order: 'm.line, m.id',
  },
  inspectionRecommendations: {
    from: 'inspection',
    to: 'recommendation',
    pattern: '(n)-[:RECOMMENDED]->(m:Recommendation)',
    order: 'm.line, m.id',
  },
  inspectionEnforcement: {
    from: 'inspection',
    to: 'enforcement',
    pattern: '(n)-[:LED_TO]->(m:EnforcementAction)',
    order: 'm.line, m.id',
  },
  inspectionReports: {
    from: 'inspection',
    to: 'report',
    pattern: '(n)-[:REPORTED_IN]->(m:Report)',
    order: 'm.ingestedAt',
  },
  judgementInspection: {
    from: 'judgement',
    to: 'inspection',
    pattern: '(n)<-[:HAS_JUDGEMENT]-(m:Inspection)',
    order: 'm.id',
  },
  recommendationInspection: {
    from: 'recommendation',
    to: 'inspection',
    pattern: '(n)<-[:RECOMMENDED]-(m:Inspection)',
    order: 'm.id',
  },
  requirementRegulation: {
    from: 'requirement',
    to: 'regulation',
    pattern: '(n)-[:UNDER]->(m:Regulation)',
    order: 'm.id',
  },
  requirementInspection: {
    from: 'requirement',
    to: 'inspection',
    pattern: '(n)<-[:REQUIRED]-(m:Inspection)',
    order: 'm.id',
  },
  requirementEnforcement: {
    from: 'requirement',
    to: 'enforcement',
    pattern: '(n)-[:ENFORCED_BY]->(m:EnforcementAction)',
    order: 'm.id',
  },
  findingInspection: {
    from: 'finding',
    to: 'inspection',
    pattern: '(n)<-[:FOUND]-(m:Inspection)',
    order: 'm.id',
  },
  findingThemes: {
    from: 'finding',
    to: 'theme',
    pattern: '(n)-[r:ABOUT]->(m:Theme)',
    order: 'm.id',
    extra: '{terms: r.terms, confidence: r.confidence}',
  },
  findingCitations: {
    from: 'finding',
    to: 'regulation',
    pattern: '(n)-[:CITES]->(m:Regulation)',
    order: 'm.id',
  },
  findingRepeatCitations: {
    from: 'finding',
    to: 'regulation',
    pattern: '(n)-[:CITES {inRepeatStatement: true}]->(m:Regulation)',
    order: 'm.id',
  },
  findingRepeats: {
    from: 'finding',
    to: 'inspection',
    pattern: '(n)-[:REPEATS]->(m:Inspection)',
    order: 'm.startDate',
  },
  enforcementRegulation: {
    from: 'enforcement',
    to: 'regulation',
    pattern: '(n)-[:UNDER]->(m:Regulation)',
    order: 'm.id',
  },
  enforcementInspection: {
    from: 'enforcement',
    to: 'inspection',
    pattern: '(n)<-[:LED_TO]-(m:Inspection)',
    order: 'm.id',
  },
  regulationLegislation: {
    from: 'regulation',
    to: 'legislation',
    pattern: '(n)-[:PART_OF]->(m:Legislation)',
    order: 'm.id',
  },
  regulationThemes: {
    from: 'regulation',
    to: 'theme',
    pattern: '(n)-[:COVERS]->(m:Theme)',
    order: 'm.id',
  },
  legislationRegulations: {
    from: 'legislation',
    to: 'regulation',
    pattern: '(n)<-[:PART_OF]-(m:Regulation)',
    order: 'toIntegerOrNull(m.number), m.number',
  },
  themeRegulations: {
    from: 'theme',
    to: 'regulation',
    pattern: '(n)<-[:COVERS]-(m:Regulation)',
    order: 'm.id',
  },
} as const satisfies Record<string, TraversalSpec>;

export type TraversalName = keyof typeof TRAVERSALS;

export interface Related<Row> {
  row: Row;
  extra: unknown;
}

export interface TraversalResult {
  key: string;
  items: { node: PlainRecord; extra: unknown }[];
}

function buildTraversalQuery(name: TraversalName): NamedQuery<{ keys: string[] }, TraversalResult> {
  const spec: TraversalSpec = TRAVERSALS[name];
  const from = NODE_KINDS[spec.from];
  return defineQuery({
    name: `traverse.${name}`,
    cypher: `UNWIND $keys AS key
             MATCH (n:${from.label} {${from.key}: key})
             CALL (n) {
               MATCH ${spec.pattern}
               WITH m, ${spec.extra ?? 'null'} AS extra ORDER BY ${spec.order}
               RETURN collect({node: properties(m), extra: extra}) AS items
             }
             RETURN key, items`,
    parse: (row) => ({
      key: read.string(row, 'key'),
      items: read
        .list(row, 'items')
        .map((item) => ({ node: read.map(item, 'node'), extra: item.extra ?? null })),
    }),
  });
}

const cache = new Map<TraversalName, NamedQuery<{ keys: string[] }, TraversalResult>>();

export function traversalQuery(
  name: TraversalName,
): NamedQuery<{ keys: string[] }, TraversalResult> {
  let query = cache.get(name);
  if (!query) {
    query = buildTraversalQuery(name);
    cache.set(name, query);
  }
  return query;
}

export function nodesByKeyQuery(
  kind: NodeKind,
): NamedQuery<{ keys: string[] }, { key: string; node: PlainRecord }> {
  const { label, key } = NODE_KINDS[kind];
  return defineQuery({
    name: `nodes.${kind}`,
    cypher: `UNWIND $keys AS key MATCH (n:${label} {${key}: key}) RETURN key, properties(n) AS node`,
    parse: (row) => ({ key: read.string(row, 'key'), node: read.map(row, 'node') }),
  });
}
