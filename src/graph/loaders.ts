/**
 * Per-request DataLoaders: every node, relationship and nested page a GraphQL response needs at
 * one level is fetched in one query, whatever the number of parents (no N+1).
 */
import DataLoader from 'dataloader';
import type { Database } from '../db/executor.ts';
import type { PlainRecord } from '../db/query.ts';
import { childPageQuery, CHILD_PAGES, type ChildPageName } from './child-pages.ts';
import { toFindingParams, type FindingFilterInput } from './filters.ts';
import { NODE_KINDS, type NodeKind, type RowOf } from './node-kinds.ts';
import type { Page, PageRequest } from './pagination.ts';
import { nodesByKeyQuery, traversalQuery, TRAVERSALS, type TraversalName } from './traversals.ts';

type ToKind<T extends TraversalName> = (typeof TRAVERSALS)[T]['to'];
type PageKind<P extends ChildPageName> = (typeof CHILD_PAGES)[P]['to'];

export interface RelatedItem<Row> {
  row: Row;
  extra: unknown;
}

function parseAs<K extends NodeKind>(kind: K, node: PlainRecord): RowOf<K> {
  return NODE_KINDS[kind].parse(node) as RowOf<K>;
}

export class Loaders {
  private readonly nodeLoaders = new Map<NodeKind, DataLoader<string, unknown>>();
  private readonly traversalLoaders = new Map<TraversalName, DataLoader<string, unknown>>();
  private readonly pageLoaders = new Map<string, DataLoader<string, unknown>>();

  constructor(private readonly db: Database) {}

  /** The node of `kind` with this key, or null. */
  node<K extends NodeKind>(kind: K, key: string): Promise<RowOf<K> | null> {
    let loader = this.nodeLoaders.get(kind);
    if (!loader) {
      loader = new DataLoader<string, unknown>(async (keys) => {
        const rows = await this.db.read(nodesByKeyQuery(kind), { keys: [...keys] });
        const byKey = new Map(rows.map((row) => [row.key, parseAs(kind, row.node)]));
        return keys.map((k) => byKey.get(k) ?? null);
      });
      this.nodeLoaders.set(kind, loader);
    }
    return loader.load(key) as Promise<RowOf<K> | null>;
  }

  /** Nodes related to the parent with this key along a named traversal, in its order. */
  related<T extends TraversalName>(name: T, key: string): Promise<RelatedItem<RowOf<ToKind<T>>>[]> {
    let loader = this.traversalLoaders.get(name);
    if (!loader) {
      const to = TRAVERSALS[name].to;
      loader = new DataLoader<string, unknown>(async (keys) => {
        const rows = await this.db.read(traversalQuery(name), { keys: [...keys] });
        const byKey = new Map(rows.map((row) => [row.key, row.items.map((item) => ({ row: parseAs(to, item.node), extra: item.extra }))]));
        return keys.map((k) => byKey.get(k) ?? []);
      });
      this.traversalLoaders.set(name, loader);
    }
    return loader.load(key) as Promise<RelatedItem<RowOf<ToKind<T>>>[]>;
  }

  /** The first related node (for to-one relationships), or null. */
  async one<T extends TraversalName>(name: T, key: string): Promise<RowOf<ToKind<T>> | null> {
    const items = await this.related(name, key);
    return items[0]?.row ?? null;
  }

  /** A page of the list under the parent with this key; parents asking the same page share one query. */
  page<P extends ChildPageName>(name: P, key: string, request: PageRequest, filter?: FindingFilterInput | null): Promise<Page<RowOf<PageKind<P>>>> {
    const f = toFindingParams(filter);
    const group = `${name}|${request.skip}|${request.limit}|${JSON.stringify(f)}`;
    let loader = this.pageLoaders.get(group);
    if (!loader) {
      const to = CHILD_PAGES[name].to;
      loader = new DataLoader<string, unknown>(async (keys) => {
        const rows = await this.db.read(childPageQuery(name), { keys: [...keys], skip: request.skip, limit: request.limit, f });
        const byKey = new Map(rows.map((row) => [row.key, { items: row.items.map((node) => parseAs(to, node)), totalCount: row.total, skip: request.skip }]));
        return keys.map((k) => byKey.get(k) ?? { items: [], totalCount: 0, skip: request.skip });
      });
      this.pageLoaders.set(group, loader);
    }
    return loader.load(key) as Promise<Page<RowOf<PageKind<P>>>>;
  }
}
