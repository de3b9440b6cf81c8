/**
 * A graph's content, label by label and relationship type by relationship type, in a form two
 * graphs can be compared by: the chaos run compares the graph it interrupted with an
 * uninterrupted load of the same corpus. Every node is written as its labels and properties,
 * every relationship as its two ends' keys, its type and properties, each list sorted, so
 * neither Neo4j's internal ids nor load order count; the times a load stamps (when a report was
 * ingested, a summary built, a post-load step done) are left out, as they differ between any two
 * loads, and the graph's write counter is compared only as far as it says something is pending.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../src/db/executor.ts';
import { defineQuery, type PlainRecord } from '../src/db/query.ts';
import type { PlainValue } from '../src/db/values.ts';

/** Properties that record when something was done, not what: never equal across two loads. */
export const VOLATILE_PROPERTIES = new Set(['ingestedAt', 'builtAt', 'doneAt']);

/**
 * The graph version (GraphState.version, and linksVersion beside it) counts the batches (the
 * linking runs) that wrote, so it depends on how a load was split into runs, not on what it holds. What matters of it is whether each summary
 * stamp and post-load step has caught up with it (not pending), so those are compared instead.
 */
const VERSION_COUNTERS: Readonly<Record<string, string>> = {
  SummaryStamp: 'version',
  PostLoadStep: 'doneAtVersion',
};

function withVersionsCompared(nodes: readonly NodeRow[]): NodeRow[] {
  const state = nodes.find((node) => node.labels.includes('GraphState'));
  const current = state?.properties.version;
  return nodes.map((node) => {
    const properties = { ...node.properties };
    if (node === state) {
      properties.version = '(write counter)';
      // Counts provider-linking runs (the response cache's answer version), not what they linked.
      if (properties.linksVersion !== undefined) properties.linksVersion = '(write counter)';
    }
    for (const label of node.labels) {
      const key = VERSION_COUNTERS[label];
      const value = key === undefined ? undefined : properties[key];
      if (key === undefined || value === undefined) continue;
      properties[key] =
        typeof value === 'number' && typeof current === 'number' && value >= current
          ? 'current'
          : 'pending';
    }
    return { ...node, properties };
  });
}

export interface NodeRow {
  elementId: string;
  labels: string[];
  properties: Record<string, PlainValue>;
}

export interface RelationshipRow {
  from: string;
  type: string;
  to: string;
  properties: Record<string, PlainValue>;
}

/** Entries per kind (`:Label` or `-[:TYPE]->`), sorted; a node with two labels is in both. */
export type GraphContent = Map<string, string[]>;

export interface KindDifference {
  kind: string;
  countA: number;
  countB: number;
  /** Entries in one graph and not the other (a multiset difference, both ways). */
  differing: number;
  /** A few of them, for the report. */
  examples: string[];
}

const readNodes = defineQuery<object, NodeRow>({
  name: 'bench.graph-digest.nodes',
  cypher: 'MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties',
  parse: (row) => ({
    elementId: String(row.id),
    labels: row.labels as string[],
    properties: row.properties as Record<string, PlainValue>,
  }),
});

const readRelationships = defineQuery<object, RelationshipRow>({
  name: 'bench.graph-digest.relationships',
  cypher:
    'MATCH (a)-[r]->(b) RETURN elementId(a) AS from, type(r) AS type, elementId(b) AS to, properties(r) AS properties',
  parse: (row: PlainRecord) => ({
    from: String(row.from),
    type: String(row.type),
    to: String(row.to),
    properties: row.properties as Record<string, PlainValue>,
  }),
});

/** JSON with object keys sorted at every level, volatile properties left out at the top. */
export function canonicalJson(value: PlainValue, dropVolatile = false): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value)
      .filter((key) => !(dropVolatile && VOLATILE_PROPERTIES.has(key)))
      .sort();
    const record = value as Record<string, PlainValue>;
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key]!)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** How a node is named at a relationship's end: its labels and `id`, else all it holds. */
function nodeKey(node: NodeRow): string {
  const labels = [...node.labels].sort().join(':');
  const id = node.properties.id;
  return id === undefined || id === null
    ? `(${labels} ${canonicalJson(node.properties, true)})`
    : `(${labels} ${canonicalJson(id)})`;
}

export function describeContent(
  nodes: readonly NodeRow[],
  relationships: readonly RelationshipRow[],
): GraphContent {
  const content: GraphContent = new Map();
  const add = (kind: string, entry: string) => {
    const list = content.get(kind);
    if (list) list.push(entry);
    else content.set(kind, [entry]);
  };
  const keys = new Map<string, string>();
  for (const node of withVersionsCompared(nodes)) {
    keys.set(node.elementId, nodeKey(node));
    const entry = `${[...node.labels].sort().join(':')} ${canonicalJson(node.properties, true)}`;
    for (const label of node.labels) add(`:${label}`, entry);
  }
  for (const r of relationships) {
    add(
      `-[:${r.type}]->`,
      `${keys.get(r.from) ?? '?'}-[${canonicalJson(r.properties, true)}]->${keys.get(r.to) ?? '?'}`,
    );
  }
  for (const list of content.values()) list.sort();
  return content;
}

export async function readGraphContent(db: Database): Promise<GraphContent> {
  return describeContent(await db.read(readNodes, {}), await db.read(readRelationships, {}));
}

/** sha256 of a kind's sorted entries: one short figure to print per label or type. */
export function digestEntries(entries: readonly string[]): string {
  const hash = createHash('sha256');
  for (const entry of entries) hash.update(entry).update('\n');
  return hash.digest('hex').slice(0, 16);
}

/** Entries of `a` missing from `b` (multiset: a duplicate counts as often as it occurs), both sorted. */
function missingFrom(a: readonly string[], b: readonly string[]): string[] {
  const missing: string[] = [];
  let j = 0;
  for (const entry of a) {
    while (j < b.length && b[j]! < entry) j += 1;
    if (j < b.length && b[j] === entry) j += 1;
    else missing.push(entry);
  }
  return missing;
}

/** The kinds whose entries differ between two graphs; empty when they hold the same content. */
export function compareContent(a: GraphContent, b: GraphContent, examples = 3): KindDifference[] {
  const kinds = [...new Set([...a.keys(), ...b.keys()])].sort();
  const differences: KindDifference[] = [];
  for (const kind of kinds) {
    const left = a.get(kind) ?? [];
    const right = b.get(kind) ?? [];
    const onlyLeft = missingFrom(left, right);
    const onlyRight = missingFrom(right, left);
    if (onlyLeft.length + onlyRight.length === 0) continue;
    differences.push({
      kind,
      countA: left.length,
      countB: right.length,
      differing: onlyLeft.length + onlyRight.length,
      examples: [
        ...onlyLeft.slice(0, examples).map((e) => `only in A: ${e.slice(0, 300)}`),
        ...onlyRight.slice(0, examples).map((e) => `only in B: ${e.slice(0, 300)}`),
      ],
    });
  }
  return differences;
}
