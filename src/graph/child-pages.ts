/**
 * Paginated lists under a parent (a location's inspections, a theme's findings...), read for a
 * batch of parents in one query: each parent gets its own count and page.
 */
import { defineQuery, read, type NamedQuery, type PlainRecord } from '../db/query.ts';
import { FINDING_PREDICATE, SCOPE_PREDICATE, type FindingParams } from './filters.ts';
import { NODE_KINDS, type NodeKind } from './node-kinds.ts';

interface ChildPageSpec {
  from: NodeKind;
  to: NodeKind;
  /** Pattern from `n` (the parent) binding `m` (the listed node) and any names the predicate needs. */
  match: string;
  where: string;
  order: string;
}

export const CHILD_PAGES = {
  locationInspections: {
    from: 'location',
    to: 'inspection',
    match: '(n)<-[:OF]-(m:Inspection)',
    where: 'true',
    order: 'm.startDate DESC, m.id',
  },
  providerLocations: {
    from: 'provider',
    to: 'location',
    match: '(n)-[:RUNS]->(m:Location)',
    where: 'true',
    order: 'm.name, m.id',
  },
  inspectionFindings: {
    from: 'inspection',
    to: 'finding',
    match: '(n)-[:FOUND]->(m:Finding), (n)-[:OF]->(l:Location) WITH n AS i, m AS f, l, m',
    where: FINDING_PREDICATE,
    order: 'm.line, m.id',
  },
  themeFindings: {
    from: 'theme',
    to: 'finding',
    match:
      '(n)<-[:ABOUT]-(m:Finding)<-[:FOUND]-(i:Inspection)-[:OF]->(l:Location) WITH i, l, m, m AS f',
    where: FINDING_PREDICATE,
    order: 'i.startDate DESC, m.id',
  },
  regulationRequirements: {
    from: 'regulation',
    to: 'requirement',
    match:
      '(n)<-[:UNDER]-(m:Requirement)<-[:REQUIRED]-(i:Inspection)-[:OF]->(l:Location) WITH i, l, m',
    where: SCOPE_PREDICATE,
    order: 'i.startDate DESC, m.id',
  },
} as const satisfies Record<string, ChildPageSpec>;

export type ChildPageName = keyof typeof CHILD_PAGES;

export interface ChildPageParams {
  keys: string[];
  skip: number;
  limit: number;
  f: FindingParams;
}

export interface ChildPageResult {
  key: string;
  /** Null from the variant that does not count. */
  total: number | null;
  items: PlainRecord[];
}

function buildChildPageQuery(
  name: ChildPageName,
  count: boolean,
): NamedQuery<ChildPageParams, ChildPageResult> {
  const spec: ChildPageSpec = CHILD_PAGES[name];
  const from = NODE_KINDS[spec.from];
  const counting = count
    ? `CALL (n) { MATCH ${spec.match} WHERE ${spec.where} RETURN count(m) AS total }`
    : 'WITH key, n, null AS total';
  return defineQuery({
    name: count ? `page.${name}` : `page.${name}.uncounted`,
    cypher: `UNWIND $keys AS key
             MATCH (n:${from.label} {${from.key}: key})
             ${counting}
             CALL (n) {
               MATCH ${spec.match} WHERE ${spec.where}
               WITH * ORDER BY ${spec.order} SKIP $skip LIMIT $limit
               RETURN collect(properties(m)) AS items
             }
             RETURN key, total, items`,
    parse: (row) => ({
      key: read.string(row, 'key'),
      total: read.optionalNumber(row, 'total'),
      items: read.list(row, 'items'),
    }),
  });
}

const cache = new Map<string, NamedQuery<ChildPageParams, ChildPageResult>>();

/** The page query for a batch of parents; `count` false skips counting (totalCount not selected). */
export function childPageQuery(
  name: ChildPageName,
  count = true,
): NamedQuery<ChildPageParams, ChildPageResult> {
  const cacheKey = `${name}.${count}`;
  let query = cache.get(cacheKey);
  if (!query) {
    query = buildChildPageQuery(name, count);
    cache.set(cacheKey, query);
  }
  return query;
}
