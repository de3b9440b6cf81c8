/**
 * Nested levels read in the same query as their parents. A prefetch plan (built from a GraphQL
 * selection by the resolvers) lists, for the nodes a query returns, which traversals and child
 * pages to read under each, and so on down. The Cypher for a plan is fixed by its shape (never
 * by request values: page offsets and sizes are parameters), so each shape is one named query.
 * What it reads is handed to the per-request loaders, so the resolvers below find it cached.
 */
import { read, type PlainRecord } from '../db/query.ts';
import { CHILD_PAGES, type ChildPageName } from './child-pages.ts';
import { parseAs, type Loaders } from './loaders.ts';
import { NODE_KINDS } from './node-kinds.ts';
import { toPage, type PageRequest } from './pagination.ts';
import { TRAVERSALS, type TraversalName } from './traversals.ts';

/** One nested level: a traversal, or an unfiltered child page, with the levels under it. */
export type PrefetchStep =
  | { kind: 'related'; traversal: TraversalName; children: readonly PrefetchStep[] }
  | { kind: 'page'; page: ChildPageName; request: PageRequest; count: boolean; children: readonly PrefetchStep[] };

/** The shape of a plan as text: what names its query (page values are left out). */
export function describePlan(steps: readonly PrefetchStep[]): string {
  return steps
    .map((step) => {
      const head = step.kind === 'related' ? step.traversal : `${step.page}${step.count ? '#' : ''}`;
      return step.children.length > 0 ? `${head}(${describePlan(step.children)})` : head;
    })
    .join(',');
}

export interface NestedCypher {
  /** CALL subqueries to place after the parent variable is bound. */
  clauses: string;
  /** A map expression of what they read, one entry per step (`s0`, `s1`...). */
  map: string;
  /** Page offsets and sizes, by the parameter names the clauses use. */
  params: Record<string, number>;
}

/**
 * Cypher reading `steps` under the node bound to `parent`. Each level runs in its own scoped
 * CALL that renames its parent to `n`, so the patterns of TRAVERSALS and CHILD_PAGES (written
 * from `n` to `m`) are used as they are. Pages are only prefetched unfiltered, where their
 * predicate is true, so it is left out.
 */
export function buildNestedCypher(parent: string, steps: readonly PrefetchStep[]): NestedCypher {
  let counter = 0;
  const params: Record<string, number> = {};
  const fresh = (prefix: string) => `${prefix}${(counter += 1)}`;

  function level(parentVar: string, levelSteps: readonly PrefetchStep[]): { clauses: string[]; map: string } {
    const clauses: string[] = [];
    const entries: string[] = [];
    levelSteps.forEach((step, index) => {
      const child = fresh('c');
      const items = fresh('v');
      const inner = level(child, step.children);
      const collect = (extra: string) =>
        `RETURN collect({node: properties(${child}), ${extra}nested: ${inner.map}}) AS ${items}`;
      if (step.kind === 'related') {
        const spec = TRAVERSALS[step.traversal] as { pattern: string; order: string; extra?: string };
        clauses.push(`CALL (${parentVar}) {
          WITH ${parentVar} AS n
          MATCH ${spec.pattern}
          WITH m, ${spec.extra ?? 'null'} AS extra ORDER BY ${spec.order}
          WITH m AS ${child}, extra
          ${inner.clauses.join('\n')}
          ${collect('extra: extra, ')}
        }`);
        entries.push(`s${index}: ${items}`);
        return;
      }
      const spec = CHILD_PAGES[step.page];
      const skip = fresh('skip');
      const limit = fresh('limit');
      // One item past the page says whether another follows.
      params[skip] = step.request.skip;
      params[limit] = step.request.limit + 1;
      clauses.push(`CALL (${parentVar}) {
          WITH ${parentVar} AS n
          MATCH ${spec.match}
          WITH * ORDER BY ${spec.order} SKIP $${skip} LIMIT $${limit}
          WITH m AS ${child}
          ${inner.clauses.join('\n')}
          ${collect('')}
        }`);
      let total = 'null';
      if (step.count) {
        total = fresh('total');
        clauses.push(`CALL (${parentVar}) { WITH ${parentVar} AS n MATCH ${spec.match} RETURN count(m) AS ${total} }`);
      }
      entries.push(`s${index}: {items: ${items}, total: ${total}}`);
    });
    return { clauses, map: `{${entries.join(', ')}}` };
  }

  const top = level(parent, steps);
  return { clauses: top.clauses.join('\n'), map: top.map, params };
}

/** One node a nested query returned: its properties, the traversal's extra value, its levels. */
function readItems(value: PlainRecord, field: string): { node: PlainRecord; extra: unknown; nested: PlainRecord }[] {
  return read.list(value, field).map((item) => ({ node: read.map(item, 'node'), extra: item.extra ?? null, nested: read.map(item, 'nested') }));
}

/** Hands what a nested query read under the parent with this key to the loaders. */
export function primeNested(loaders: Loaders, steps: readonly PrefetchStep[], parentKey: string, nested: PlainRecord): void {
  steps.forEach((step, index) => {
    const field = `s${index}`;
    if (step.kind === 'related') {
      const to = TRAVERSALS[step.traversal].to;
      const items = readItems(nested, field);
      loaders.primeRelated(step.traversal, parentKey, items.map((item) => ({ row: parseAs(to, item.node), extra: item.extra })));
      primeChildren(loaders, step.children, NODE_KINDS[to].key, items);
      return;
    }
    const to = CHILD_PAGES[step.page].to;
    const value = read.map(nested, field);
    const items = readItems(value, 'items');
    const total = step.count ? read.number(value, 'total') : null;
    loaders.primePage(step.page, parentKey, step.request, step.count, toPage(items.map((item) => parseAs(to, item.node)), step.request, total));
    primeChildren(loaders, step.children, NODE_KINDS[to].key, items);
  });
}

function primeChildren(loaders: Loaders, steps: readonly PrefetchStep[], keyField: string, items: { node: PlainRecord; nested: PlainRecord }[]): void {
  if (steps.length === 0) return;
  for (const item of items) primeNested(loaders, steps, read.string(item.node, keyField), item.nested);
}
