/**
 * GraphQL over HTTP for the audit: one request, and every page of a connection read with
 * `first: 100` and `after` until `hasNextPage` is false, its `totalCount` checked against the
 * rows read.
 */
export const PAGE_SIZE = 100;

export type Json = unknown;

export async function postGraphql(
  url: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<Record<string, Json>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: Record<string, Json> | null;
    errors?: { message: string }[];
  };
  if (body.errors?.length)
    throw new Error(`GraphQL error: ${body.errors.map((e) => e.message).join('; ')}`);
  if (!response.ok || !body.data)
    throw new Error(`GraphQL request failed: HTTP ${response.status}`);
  return body.data;
}

interface ConnectionPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Json[];
}

export interface AllPages<Node> {
  nodes: Node[];
  /** Why the pages do not add up, or null. */
  pagingProblem: string | null;
}

/**
 * Reads a whole connection `field` whose query takes `$first` and `$after` and selects
 * `totalCount`, `pageInfo { hasNextPage endCursor }` and `nodes`.
 */
export async function readAllPages<Node>(
  url: string,
  field: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<AllPages<Node>> {
  const nodes: Node[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (;;) {
    const data = await postGraphql(url, query, { ...variables, first: PAGE_SIZE, after });
    const page = data[field] as ConnectionPage;
    totals.add(page.totalCount);
    nodes.push(...(page.nodes as Node[]));
    if (!page.pageInfo.hasNextPage) break;
    if (!page.pageInfo.endCursor) throw new Error(`${field}: a next page but no endCursor`);
    after = page.pageInfo.endCursor;
  }
  const [total] = totals;
  const pagingProblem =
    totals.size > 1
      ? `totalCount changed between pages: ${[...totals].join(', ')}`
      : total !== nodes.length
        ? `totalCount ${total} but ${nodes.length} rows read`
        : null;
  return { nodes, pagingProblem };
}
