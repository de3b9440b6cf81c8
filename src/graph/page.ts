/**
 * A page of a list as the graph reads it: an offset and a limit, read one item past the limit so
 * the page knows whether another follows without counting. Cursors and connections are the API's
 * business (resolvers/connection.ts).
 */
export interface PageRequest {
  skip: number;
  limit: number;
}

export interface Page<T> {
  items: T[];
  /** Null when the request did not select totalCount, so nothing was counted. */
  totalCount: number | null;
  skip: number;
  /** Known without counting: pages are read one item past their limit. */
  hasNextPage: boolean;
}

/** Items read for a page of `limit` (one extra says whether another page follows) → the page. */
export function toPage<T>(read: T[], request: PageRequest, totalCount: number | null): Page<T> {
  return {
    items: read.slice(0, request.limit),
    totalCount,
    skip: request.skip,
    hasNextPage: read.length > request.limit,
  };
}
