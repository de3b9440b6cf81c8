/**
 * How a panel asks the API: one operation, its variables, the `data` back (an `errors` answer
 * throws with the API's own message). The page passes a same-origin fetch; tests may pass theirs.
 */
export type PostGraphql = <Data>(
  query: string,
  variables: Record<string, unknown>,
) => Promise<Data>;

export class GraphqlAnswerError extends Error {
  override name = 'GraphqlAnswerError';
}

interface FetchLike {
  (
    url: string,
    init: { method: string; headers: Record<string, string>; body: string },
  ): Promise<{ status: number; text(): Promise<string> }>;
}

export function createPostGraphql(graphqlUrl: string, fetchImpl: FetchLike): PostGraphql {
  return async <Data>(query: string, variables: Record<string, unknown>): Promise<Data> => {
    const response = await fetchImpl(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    let body: { data?: Data; errors?: { message: string }[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new GraphqlAnswerError(`${response.status}: ${text.slice(0, 200) || '(empty)'}`);
    }
    if (body.errors?.length) throw new GraphqlAnswerError(body.errors[0]!.message);
    if (body.data === undefined) throw new GraphqlAnswerError(`${response.status}: no data`);
    return body.data;
  };
}

interface Connection<Node> {
  nodes: Node[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Pages are capped at 100 rows; the dashboard reads at most this many pages of one answer. */
export const PAGE_SIZE = 100;
const MAX_PAGES = 50;

/**
 * Every row of a paged answer: `pick` finds the connection in the data; the operation takes
 * `$first` and `$after`.
 */
export async function readAllPages<Data, Node>(
  post: PostGraphql,
  query: string,
  variables: Record<string, unknown>,
  pick: (data: Data) => Connection<Node>,
): Promise<Node[]> {
  const nodes: Node[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const connection = pick(await post<Data>(query, { ...variables, first: PAGE_SIZE, after }));
    nodes.push(...connection.nodes);
    if (!connection.pageInfo.hasNextPage) return nodes;
    after = connection.pageInfo.endCursor;
  }
  throw new GraphqlAnswerError(`more than ${MAX_PAGES * PAGE_SIZE} rows: narrow the filters`);
}
