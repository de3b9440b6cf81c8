/**
 * Per-request DataLoaders: every node, relationship and nested page a GraphQL response needs at
 * one level is fetched in one query, whatever the number of parents (no N+1). A list query that
 * already read nested levels attaches them to its row objects here, and the `...Of` readers
 * answer from those synchronously; a question that read its nodes primes the node loaders.
 */
import DataLoader from 'dataloader';
import type { Database } from '../db/executor.ts';
import type { PlainRecord } from '../db/query.ts';
import { childPageQuery, CHILD_PAGES, type ChildPageName } from './child-pages.ts';
import { toFindingParams, type FindingFilterInput } from './filters.ts';
import { NODE_KINDS, type NodeKind, type RowOf } from './node-kinds.ts';
import { toPage, type Page, type PageRequest } from './page.ts';
import { readReportSentences } from './source-context.ts';
import { nodesByKeyQuery, traversalQuery, TRAVERSALS, type TraversalName } from './traversals.ts';

type ToKind<T extends TraversalName> = (typeof TRAVERSALS)[T]['to'];
type PageKind<P extends ChildPageName> = (typeof CHILD_PAGES)[P]['to'];

export interface RelatedItem<Row> {
  row: Row;
  extra: unknown;
}

/** A value now, or later: what a resolver may return. */
export type Eventually<T> = T | Promise<T>;

/** Applies `map` to a value, at once when it is already there (no promise for prefetched fields). */
export function whenReady<T, U>(value: Eventually<T>, map: (value: T) => U): Eventually<U> {
  return value instanceof Promise ? value.then(map) : map(value);
}

interface AttachedPage {
  request: PageRequest;
  count: boolean;
  page: Page<unknown>;
}

/** A traversal read ahead under one row: its rows, and their extra values where it has them. */
interface AttachedRelated {
  rows: unknown[];
  extras: unknown[] | null;
}

/**
 * Levels read ahead under a row object, by traversal or page name. Kept on the row itself (a
 * symbol, which neither JSON nor GraphQL sees), not in a WeakMap: a nested read attaches levels
 * to hundreds of rows per request, and a WeakMap entry per row cost time to set, to read and to
 * collect. Such rows are built for one request (prefetch.ts) and never shared.
 */
const ATTACHED = Symbol('attached levels');
type WithAttached = { [ATTACHED]?: Map<string, AttachedRelated | AttachedPage> };

export function parseAs<K extends NodeKind>(kind: K, node: PlainRecord): RowOf<K> {
  return NODE_KINDS[kind].parse(node) as RowOf<K>;
}

/** Parents asking the same page (same list, offset, size, filter and count) share one loader. */
function pageGroup(
  name: ChildPageName,
  request: PageRequest,
  filter: FindingFilterInput | null | undefined,
  count: boolean,
): string {
  return `${name}|${request.skip}|${request.limit}|${JSON.stringify(toFindingParams(filter))}|${count}`;
}

export class Loaders {
  private readonly nodeLoaders = new Map<NodeKind, DataLoader<string, unknown>>();
  private readonly traversalLoaders = new Map<TraversalName, DataLoader<string, unknown>>();
  private readonly pageLoaders = new Map<string, DataLoader<string, unknown>>();
  /** `source { context }` of a page of items reads their reports' sentences in one query. */
  private readonly sentencesLoader = new DataLoader<string, string[] | null>((shas) =>
    readReportSentences(this.db, shas),
  );

  /**
   * @param readAhead false makes every nested field go through these loaders by itself, ignoring
   *   what parent queries could have read for it (to compare both ways in tests).
   */
  constructor(
    private readonly db: Database,
    readonly readAhead = true,
  ) {}

  /** The node of `kind` with this key, or null. */
  node<K extends NodeKind>(kind: K, key: string): Promise<RowOf<K> | null> {
    return this.nodeLoader(kind).load(key) as Promise<RowOf<K> | null>;
  }

  /**
   * The node a parent row already holds (remembered for later references to the same key), or
   * else the node loaded by key; null when the parent names none.
   */
  nodeFrom<K extends NodeKind>(
    kind: K,
    key: string | null,
    prefetched: RowOf<K> | null | undefined,
  ): Promise<RowOf<K> | null> {
    if (key === null) return Promise.resolve(null);
    if (prefetched && this.readAhead) {
      this.nodeLoader(kind).prime(key, prefetched);
      return Promise.resolve(prefetched);
    }
    return this.node(kind, key);
  }

  /** The sentences kept near a report's items, or null when the graph holds none for it. */
  reportSentences(sha256: string): Promise<string[] | null> {
    return this.sentencesLoader.load(sha256);
  }

  /** Nodes related to the parent with this key along a named traversal, in its order. */
  related<T extends TraversalName>(name: T, key: string): Promise<RelatedItem<RowOf<ToKind<T>>>[]> {
    return this.traversalLoader(name).load(key) as Promise<RelatedItem<RowOf<ToKind<T>>>[]>;
  }

  /** The first related node (for to-one relationships), or null. */
  async one<T extends TraversalName>(name: T, key: string): Promise<RowOf<ToKind<T>> | null> {
    const items = await this.related(name, key);
    return items[0]?.row ?? null;
  }

  /**
   * A page of the list under the parent with this key; parents asking the same page share one
   * query. `count` false leaves totalCount null (the request did not select it).
   */
  page<P extends ChildPageName>(
    name: P,
    key: string,
    request: PageRequest,
    filter?: FindingFilterInput | null,
    count = true,
  ): Promise<Page<RowOf<PageKind<P>>>> {
    return this.pageLoader(name, request, filter, count).load(key) as Promise<
      Page<RowOf<PageKind<P>>>
    >;
  }

  /**
   * Records what a query that already read this traversal found under one parent row: its rows,
   * and their extra values (null when the traversal has none).
   */
  attachRelated(
    parent: object,
    name: TraversalName,
    rows: unknown[],
    extras: unknown[] | null,
  ): void {
    const attached: AttachedRelated = { rows, extras };
    this.attachmentsOf(parent).set(name, attached);
  }

  /** Records a page that a query already read under one parent row (unfiltered pages only). */
  attachPage(
    parent: object,
    name: ChildPageName,
    request: PageRequest,
    count: boolean,
    page: Page<unknown>,
  ): void {
    const attached: AttachedPage = { request, count, page };
    this.attachmentsOf(parent).set(name, attached);
  }

  /** The traversal's items read ahead under this parent row, else loaded by the parent's key. */
  relatedOf<T extends TraversalName>(
    name: T,
    parent: object,
    key: string,
  ): Eventually<RelatedItem<RowOf<ToKind<T>>>[]> {
    const attached = this.attachedRelated(parent, name);
    if (!attached) return this.related(name, key);
    const { rows, extras } = attached;
    return rows.map((row, at) => ({ row, extra: extras?.[at] ?? null })) as RelatedItem<
      RowOf<ToKind<T>>
    >[];
  }

  /** The rows of `relatedOf`, without their extra values. */
  rowsOf<T extends TraversalName>(
    name: T,
    parent: object,
    key: string,
  ): Eventually<RowOf<ToKind<T>>[]> {
    const attached = this.attachedRelated(parent, name);
    if (attached) return attached.rows as RowOf<ToKind<T>>[];
    return this.related(name, key).then((items) => items.map((item) => item.row));
  }

  /** The first row of `relatedOf` (for to-one relationships), or null. */
  oneOf<T extends TraversalName>(
    name: T,
    parent: object,
    key: string,
  ): Eventually<RowOf<ToKind<T>> | null> {
    const attached = this.attachedRelated(parent, name);
    if (attached) return (attached.rows[0] ?? null) as RowOf<ToKind<T>> | null;
    return this.related(name, key).then((items) => items[0]?.row ?? null);
  }

  /**
   * The page read ahead under this parent row when it is the page asked for (same offset and
   * size, no filter, counted if a count is wanted), else `page`.
   */
  pageOf<P extends ChildPageName>(
    name: P,
    parent: object,
    key: string,
    request: PageRequest,
    filter: FindingFilterInput | null | undefined,
    count: boolean,
  ): Eventually<Page<RowOf<PageKind<P>>>> {
    const attached = this.attachment(parent, name) as AttachedPage | undefined;
    const fits =
      attached !== undefined &&
      (filter === null || filter === undefined) &&
      attached.request.skip === request.skip &&
      attached.request.limit === request.limit &&
      (attached.count || !count);
    return fits
      ? (attached.page as Page<RowOf<PageKind<P>>>)
      : this.page(name, key, request, filter, count);
  }

  /** What a query read ahead under the row by this traversal or page name, if it did. */
  private attachment(parent: object, name: string): AttachedRelated | AttachedPage | undefined {
    return this.readAhead ? (parent as WithAttached)[ATTACHED]?.get(name) : undefined;
  }

  private attachedRelated(parent: object, name: TraversalName): AttachedRelated | undefined {
    return this.attachment(parent, name) as AttachedRelated | undefined;
  }

  private attachmentsOf(parent: object): Map<string, AttachedRelated | AttachedPage> {
    return ((parent as WithAttached)[ATTACHED] ??= new Map());
  }

  private nodeLoader(kind: NodeKind): DataLoader<string, unknown> {
    let loader = this.nodeLoaders.get(kind);
    if (!loader) {
      loader = new DataLoader<string, unknown>(async (keys) => {
        const rows = await this.db.read(nodesByKeyQuery(kind), { keys: [...keys] });
        const byKey = new Map(rows.map((row) => [row.key, parseAs(kind, row.node)]));
        return keys.map((k) => byKey.get(k) ?? null);
      });
      this.nodeLoaders.set(kind, loader);
    }
    return loader;
  }

  private traversalLoader(name: TraversalName): DataLoader<string, unknown> {
    let loader = this.traversalLoaders.get(name);
    if (!loader) {
      const to = TRAVERSALS[name].to;
      loader = new DataLoader<string, unknown>(async (keys) => {
        const rows = await this.db.read(traversalQuery(name), { keys: [...keys] });
        const byKey = new Map(
          rows.map((row) => [
            row.key,
            row.items.map((item) => ({ row: parseAs(to, item.node), extra: item.extra })),
          ]),
        );
        return keys.map((k) => byKey.get(k) ?? []);
      });
      this.traversalLoaders.set(name, loader);
    }
    return loader;
  }

  private pageLoader(
    name: ChildPageName,
    request: PageRequest,
    filter: FindingFilterInput | null | undefined,
    count: boolean,
  ): DataLoader<string, unknown> {
    const group = pageGroup(name, request, filter, count);
    let loader = this.pageLoaders.get(group);
    if (!loader) {
      const to = CHILD_PAGES[name].to;
      const f = toFindingParams(filter);
      loader = new DataLoader<string, unknown>(async (keys) => {
        // One item past the page says whether another follows, without counting.
        const rows = await this.db.read(childPageQuery(name, count), {
          keys: [...keys],
          skip: request.skip,
          limit: request.limit + 1,
          f,
        });
        const byKey = new Map(
          rows.map((row) => [
            row.key,
            toPage(
              row.items.map((node) => parseAs(to, node)),
              request,
              row.total,
            ),
          ]),
        );
        return keys.map((k) => byKey.get(k) ?? toPage([], request, count ? 0 : null));
      });
      this.pageLoaders.set(group, loader);
    }
    return loader;
  }
}
