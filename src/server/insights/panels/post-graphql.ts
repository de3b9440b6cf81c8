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

/** Answers worth asking again: the database was slow or away for a moment, or we were early. */
const TRANSIENT_CODES = new Set([
  'DATABASE_UNAVAILABLE',
  'QUERY_TIMEOUT',
  'REQUEST_TIMEOUT',
  'RATE_LIMITED',
]);
const ATTEMPTS = 3;
const RETRY_PAUSE_MS = 1000;

interface Answer<Data> {
  data?: Data;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export function createPostGraphql(graphqlUrl: string, fetchImpl: FetchLike): PostGraphql {
  const askOnce = async <Data>(
    query: string,
    variables: Record<string, unknown>,
  ): Promise<Answer<Data> & { status: number }> => {
    const response = await fetchImpl(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    try {
      return { ...(JSON.parse(text) as Answer<Data>), status: response.status };
    } catch {
      throw new GraphqlAnswerError(`${response.status}: ${text.slice(0, 200) || '(empty)'}`);
    }
  };
  return async <Data>(query: string, variables: Record<string, unknown>): Promise<Data> => {
    for (let attempt = 1; ; attempt += 1) {
      const body = await askOnce<Data>(query, variables);
      const error = body.errors?.[0];
      if (!error) {
        if (body.data === undefined) throw new GraphqlAnswerError(`${body.status}: no data`);
        return body.data;
      }
      const code = error.extensions?.code ?? 'ERROR';
      if (attempt >= ATTEMPTS || !TRANSIENT_CODES.has(code))
        throw new GraphqlAnswerError(`${code}: ${error.message}`);
      await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS * attempt));
    }
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
