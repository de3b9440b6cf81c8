/**
 * Nested levels read in the same query as their parents. A prefetch plan (built from a GraphQL
 * selection by the resolvers) lists, for the nodes a query returns, which traversals and child
 * pages to read under each, and so on down. The Cypher for a plan is fixed by its shape (never
 * by request values: page offsets and sizes are parameters), so each shape is one named query.
 * Each node is read with only the properties its selection needs (a projection), and what is
 * read under a row is attached to that row object in the per-request loaders, so the resolvers
 * below answer from it without a promise or a query. The rows are partial, so they never enter
 * the loaders' shared caches, where another selection of the same node could find them.
 */
import { read, type PlainRecord } from '../db/query.ts';
import { CHILD_PAGES, type ChildPageName } from './child-pages.ts';
import type { Loaders } from './loaders.ts';
import { NODE_KINDS, type NodeKind } from './node-kinds.ts';
import { toPage, type PageRequest } from './page.ts';
import { readPropertiesOf, readRowFields, ROW_READERS, type RowKind } from './rows.ts';
import { TRAVERSALS, type TraversalName } from './traversals.ts';

/** The row fields a selection needs of a node (its key among them), or null for the whole node. */
export type Projection = readonly string[] | null;

/** One nested level: a traversal, or an unfiltered child page, with the levels under it. */
export type PrefetchStep =
  | {
      kind: 'related';
      traversal: TraversalName;
      fields: Projection;
      children: readonly PrefetchStep[];
    }
  | {
      kind: 'page';
      page: ChildPageName;
      request: PageRequest;
      count: boolean;
      fields: Projection;
      children: readonly PrefetchStep[];
    };

/** The projection as text, for query names: `[id,name]`, or nothing for the whole node. */
export function describeProjection(fields: Projection): string {
  return fields === null ? '' : `[${fields.join(',')}]`;
}

/**
 * A Cypher map of what `fields` need of the node bound to `variable`. Property names come from
 * the row tables, never from a request.
 */
export function projectNode(variable: string, fields: Projection): string {
  if (fields === null) return `properties(${variable})`;
  const properties = new Set(fields.flatMap((field) => readPropertiesOf(field)));
  return `${variable} {${[...properties].map((property) => `.${property}`).join(', ')}}`;
}

function isRowKind(kind: NodeKind): kind is RowKind {
  return kind in ROW_READERS;
}

/** A node read with `fields` → the row resolvers receive (partial when projected). */
export function parseProjected(kind: NodeKind, node: PlainRecord, fields: Projection): unknown {
  return fields !== null && isRowKind(kind)
    ? readRowFields(kind, node, fields)
    : NODE_KINDS[kind].parse(node);
}

/** The shape of a plan as text: what names its query (page values are left out). */
export function describePlan(steps: readonly PrefetchStep[]): string {
  return steps
    .map((step) => {
      const name =
        step.kind === 'related' ? step.traversal : `${step.page}${step.count ? '#' : ''}`;
      const head = `${name}${describeProjection(step.fields)}`;
      return step.children.length > 0 ? `${head}(${describePlan(step.children)})` : head;
    })
    .join(',');
}

export interface NestedCypher {
  /** A map expression of what the steps read under the parent, one entry per step (`s0`, `s1`...). */
  map: string;
  /** Page offsets and sizes, by the parameter names the map uses. */
  params: Record<string, number>;
}

/**
 * Cypher reading `steps` under the node bound to `parent`, as one map expression. Each level is
 * a COLLECT subquery that renames its parent to `n`, so the patterns of TRAVERSALS and
 * CHILD_PAGES (written from `n` to `m`) are used as they are. Pages are only prefetched
 * unfiltered, where their predicate is true, so it is left out.
 *
 * COLLECT subqueries, not CALL subqueries ending in collect(): the bench's nested read was
 * faster as COLLECT, and projecting the fields read beats reading whole nodes (properties()).
 */
export function buildNestedCypher(parent: string, steps: readonly PrefetchStep[]): NestedCypher {
  let counter = 0;
  const params: Record<string, number> = {};
  const fresh = (prefix: string) => `${prefix}${(counter += 1)}`;

  function level(parentVar: string, levelSteps: readonly PrefetchStep[]): string {
    const entries = levelSteps.map((step, index) => {
      const child = fresh('c');
      const inner = level(child, step.children);
      // Only what is there is returned: no empty `nested` map, no null `extra`, per item.
      const node = `node: ${projectNode(child, step.fields)}${step.children.length > 0 ? `, nested: ${inner}` : ''}`;
      if (step.kind === 'related') {
        const spec = TRAVERSALS[step.traversal] as {
          pattern: string;
          order: string;
          extra?: string;
        };
        if (!spec.extra) {
          return `s${index}: COLLECT { WITH ${parentVar} AS n MATCH ${spec.pattern} WITH m ORDER BY ${spec.order} WITH m AS ${child} RETURN {${node}} }`;
        }
        // A subquery sees its outer variables, so each level's extra value has its own name.
        const extra = fresh('e');
        return `s${index}: COLLECT {
          WITH ${parentVar} AS n
          MATCH ${spec.pattern}
          WITH m, ${spec.extra} AS ${extra} ORDER BY ${spec.order}
          WITH m AS ${child}, ${extra}
          RETURN {${node}, extra: ${extra}}
        }`;
      }
      const spec = CHILD_PAGES[step.page];
      const skip = fresh('skip');
      const limit = fresh('limit');
      // One item past the page says whether another follows.
      params[skip] = step.request.skip;
      params[limit] = step.request.limit + 1;
      const items = `COLLECT {
          WITH ${parentVar} AS n
          MATCH ${spec.match}
          WITH * ORDER BY ${spec.order} SKIP $${skip} LIMIT $${limit}
          WITH m AS ${child}
          RETURN {${node}}
        }`;
      const total = step.count
        ? `COUNT { WITH ${parentVar} AS n MATCH ${spec.match} RETURN m }`
        : 'null';
      return `s${index}: {items: ${items}, total: ${total}}`;
    });
    return `{${entries.join(', ')}}`;
  }

  return { map: level(parent, steps), params };
}

const NOTHING_NESTED: PlainRecord = {};

/** One node a nested query returned: its properties, the traversal's extra value, its levels. */
function readItems(
  value: PlainRecord,
  field: string,
): { node: PlainRecord; extra: unknown; nested: PlainRecord }[] {
  return read.list(value, field).map((item) => ({
    node: read.map(item, 'node'),
    extra: item.extra ?? null,
    nested: item.nested === undefined ? NOTHING_NESTED : read.map(item, 'nested'),
  }));
}

/** Attaches what a nested query read under this parent row to it, level by level. */
export function attachNested(
  loaders: Loaders,
  steps: readonly PrefetchStep[],
  parent: object,
  nested: PlainRecord,
): void {
  steps.forEach((step, index) => {
    const field = `s${index}`;
    if (step.kind === 'related') {
      const to = TRAVERSALS[step.traversal].to;
      const items = readItems(nested, field).map((item) => ({
        row: parseProjected(to, item.node, step.fields),
        extra: item.extra,
        nested: item.nested,
      }));
      loaders.attachRelated(
        parent,
        step.traversal,
        items.map(({ row, extra }) => ({ row, extra })),
      );
      attachChildren(loaders, step.children, items);
      return;
    }
    const to = CHILD_PAGES[step.page].to;
    const value = read.map(nested, field);
    const items = readItems(value, 'items').map((item) => ({
      row: parseProjected(to, item.node, step.fields),
      nested: item.nested,
    }));
    const total = step.count ? read.number(value, 'total') : null;
    const page = toPage(
      items.map((item) => item.row),
      step.request,
      total,
    );
    loaders.attachPage(parent, step.page, step.request, step.count, page);
    // Items past the page (read to know hasNextPage) are never served, so nothing hangs on them.
    attachChildren(loaders, step.children, items.slice(0, page.items.length));
  });
}

function attachChildren(
  loaders: Loaders,
  steps: readonly PrefetchStep[],
  items: { row: unknown; nested: PlainRecord }[],
): void {
  if (steps.length === 0) return;
  for (const item of items) {
    // Only object rows have fields below them (a regulator is a plain code).
    if (typeof item.row === 'object' && item.row !== null)
      attachNested(loaders, steps, item.row, item.nested);
  }
}
