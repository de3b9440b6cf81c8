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
 * The key of step `index`'s value (and of a traversal's extra value) in the map of the node it
 * was read under. No stored property is named with an `@`, so these never meet a property.
 */
export function stepKey(index: number): string {
  return STEP_KEYS[index] ?? `@s${index}`;
}
const STEP_KEYS = Array.from({ length: 16 }, (_, index) => `@s${index}`);
const EXTRA_KEY = '@extra';

/**
 * A Cypher map of what `fields` need of the node bound to `variable` (all its properties when
 * null), with `entries` (`` `@s0`: … ``) beside them: one map per node, not a map holding the
 * node's map and another of its levels, which cost the driver and the row conversion a third of
 * a nested read's work. Property names come from the row tables, never from a request.
 */
export function projectNode(
  variable: string,
  fields: Projection,
  entries: readonly string[] = [],
): string {
  if (fields === null)
    return entries.length === 0
      ? `properties(${variable})`
      : `${variable} {.*, ${entries.join(', ')}}`;
  const properties = new Set(fields.flatMap((field) => readPropertiesOf(field)));
  const selected = [...[...properties].map((property) => `.${property}`), ...entries];
  return `${variable} {${selected.join(', ')}}`;
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
  /** The map entries of what the steps read under the parent, one per step (`` `@s0`: … ``). */
  entries: string[];
  /** Page offsets and sizes, by the parameter names the entries use. */
  params: Record<string, number>;
}

/**
 * Cypher reading `steps` under the node bound to `parent`, as map entries to set beside its
 * properties (projectNode). Each level is a COLLECT subquery that renames its parent to `n`, so
 * the patterns of TRAVERSALS and CHILD_PAGES (written from `n` to `m`) are used as they are.
 * Pages are only prefetched unfiltered, where their predicate is true, so it is left out.
 *
 * COLLECT subqueries, not CALL subqueries ending in collect(): the bench's nested read was
 * faster as COLLECT, and projecting the fields read beats reading whole nodes (properties()).
 */
export function buildNestedCypher(parent: string, steps: readonly PrefetchStep[]): NestedCypher {
  let counter = 0;
  const params: Record<string, number> = {};
  const fresh = (prefix: string) => `${prefix}${(counter += 1)}`;

  function level(parentVar: string, levelSteps: readonly PrefetchStep[]): string[] {
    return levelSteps.map((step, index) => {
      const key = `\`${stepKey(index)}\``;
      const child = fresh('c');
      const inner = level(child, step.children);
      if (step.kind === 'related') {
        const spec = TRAVERSALS[step.traversal] as {
          pattern: string;
          order: string;
          extra?: string;
        };
        if (!spec.extra) {
          return `${key}: COLLECT { WITH ${parentVar} AS n MATCH ${spec.pattern} WITH m ORDER BY ${spec.order} WITH m AS ${child} RETURN ${projectNode(child, step.fields, inner)} }`;
        }
        // A subquery sees its outer variables, so each level's extra value has its own name.
        const extra = fresh('e');
        return `${key}: COLLECT {
          WITH ${parentVar} AS n
          MATCH ${spec.pattern}
          WITH m, ${spec.extra} AS ${extra} ORDER BY ${spec.order}
          WITH m AS ${child}, ${extra}
          RETURN ${projectNode(child, step.fields, [...inner, `\`${EXTRA_KEY}\`: ${extra}`])}
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
          RETURN ${projectNode(child, step.fields, inner)}
        }`;
      const total = step.count
        ? `COUNT { WITH ${parentVar} AS n MATCH ${spec.match} RETURN m }`
        : 'null';
      return `${key}: {items: ${items}, total: ${total}}`;
    });
  }

  return { entries: level(parent, steps), params };
}

/**
 * Each node a nested query returned under one parent, as a row, and the traversal's extra value
 * of each when `withExtras`, in one pass: the levels under a row are attached to it as it is made.
 */
function readRows(
  loaders: Loaders,
  kind: NodeKind,
  fields: Projection,
  children: readonly PrefetchStep[],
  list: PlainRecord[],
  count: number,
  withExtras: boolean,
): { rows: unknown[]; extras: unknown[] | null } {
  const rows = new Array<unknown>(list.length);
  const extras = withExtras ? new Array<unknown>(list.length) : null;
  for (let at = 0; at < list.length; at += 1) {
    const item = list[at]!;
    if (extras) extras[at] = item[EXTRA_KEY] ?? null;
    const row = parseProjected(kind, item, fields);
    rows[at] = row;
    // Items past the page (read to know hasNextPage) are never served, so nothing hangs on them;
    // only object rows have fields below them (a regulator is a plain code).
    if (children.length > 0 && at < count && typeof row === 'object' && row !== null)
      attachNested(loaders, children, row, item);
  }
  return { rows, extras };
}

/**
 * Attaches what a nested query read under this parent row to it, level by level, from the map
 * the parent was read from (its step entries beside its properties).
 */
export function attachNested(
  loaders: Loaders,
  steps: readonly PrefetchStep[],
  parent: object,
  nested: PlainRecord,
): void {
  for (let index = 0; index < steps.length; index += 1) {
    const step = steps[index]!;
    const field = stepKey(index);
    if (step.kind === 'related') {
      const spec = TRAVERSALS[step.traversal] as { to: NodeKind; extra?: string };
      const list = read.list(nested, field);
      const { rows, extras } = readRows(
        loaders,
        spec.to,
        step.fields,
        step.children,
        list,
        list.length,
        spec.extra !== undefined,
      );
      loaders.attachRelated(parent, step.traversal, rows, extras);
      continue;
    }
    const to = CHILD_PAGES[step.page].to;
    const value = read.map(nested, field);
    const list = read.list(value, 'items');
    const served = Math.min(list.length, step.request.limit);
    const { rows } = readRows(loaders, to, step.fields, step.children, list, served, false);
    const total = step.count ? read.number(value, 'total') : null;
    const page = toPage(rows, step.request, total);
    loaders.attachPage(parent, step.page, step.request, step.count, page);
  }
}
