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

/** The paging arguments of a cross-report question. */
export interface PageArgs {
  /** Rows skipped before the first returned, in the answer's order. */
  skip: number;
  /** Rows returned at most (a resolver asks one past its page to learn whether another follows). */
  first: number;
  /** Count every row of the whole answer (the costlier half of a page); totalCount is null otherwise. */
  withTotal: boolean;
}

/** A question's rows for one page, and the whole answer's row count when it was asked for. */
export interface AnswerPage<Row> {
  rows: Row[];
  totalCount: number | null;
}
