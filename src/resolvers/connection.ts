/**
 * Cursor pagination shared by every connection: opaque cursors over an offset, and `first`
 * capped at MAX_PAGE_SIZE so no request can ask for an unbounded page.
 */
import { GraphQLError } from 'graphql';
import type { Page, PageRequest } from '../graph/page.ts';
import { ErrorCode } from '../model/error-codes.ts';

export const MAX_PAGE_SIZE = 100;

export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) {
    // Not echoed: it is the client's own text, of any size.
    throw new GraphQLError('Invalid cursor: pass an endCursor or cursor from an earlier page.', {
      extensions: { code: ErrorCode.BadUserInput },
    });
  }
  return Number(match[1]);
}

/** `first` (null = default) clamped to 0..MAX_PAGE_SIZE; `after` turned into an offset. */
export function toPageRequest(
  first: number | null | undefined,
  after: string | null | undefined,
  fallback = 20,
): PageRequest {
  const wanted = first ?? fallback;
  if (!Number.isInteger(wanted) || wanted < 0) {
    throw new GraphQLError(
      `first must be a whole number from 0 to ${MAX_PAGE_SIZE}, got ${wanted}.`,
      {
        extensions: { code: ErrorCode.BadUserInput },
      },
    );
  }
  return { skip: after ? decodeCursor(after) + 1 : 0, limit: Math.min(wanted, MAX_PAGE_SIZE) };
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  totalCount: number;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

/**
 * The connection over a page. `edges` and `pageInfo` are built when first read: most requests
 * select `nodes` only, and a nested read of 20 locations with their inspections otherwise
 * encoded a base64 cursor and built an edge for every one of a few hundred items it never sent.
 */
class PageConnection<T> implements Connection<T> {
  readonly nodes: T[];
  // NaN is never served: Int serialisation refuses it, so a count skipped by mistake fails loudly.
  readonly totalCount: number;
  private builtEdges: Connection<T>['edges'] | null = null;

  constructor(private readonly page: Page<T>) {
    this.nodes = page.items;
    this.totalCount = page.totalCount ?? Number.NaN;
  }

  get edges(): Connection<T>['edges'] {
    return (this.builtEdges ??= this.page.items.map((node, i) => ({
      cursor: encodeCursor(this.page.skip + i),
      node,
    })));
  }

  get pageInfo(): Connection<T>['pageInfo'] {
    const { skip, items, hasNextPage } = this.page;
    return {
      hasNextPage,
      hasPreviousPage: skip > 0,
      startCursor: items.length > 0 ? encodeCursor(skip) : null,
      endCursor: items.length > 0 ? encodeCursor(skip + items.length - 1) : null,
    };
  }
}

export function toConnection<T>(page: Page<T>): Connection<T> {
  return new PageConnection(page);
}
