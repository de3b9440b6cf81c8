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

export function toConnection<T>(page: Page<T>): Connection<T> {
  const edges = page.items.map((node, i) => ({ cursor: encodeCursor(page.skip + i), node }));
  return {
    edges,
    nodes: page.items,
    // NaN is never served: Int serialisation refuses it, so a count skipped by mistake fails loudly.
    totalCount: page.totalCount ?? Number.NaN,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.skip > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
