/**
 * Runs a GraphQL operation inside the server for an HTTP request that is not itself GraphQL (a
 * CSV export): through Apollo's executeHTTPGraphQLRequest with the request's own headers and a
 * context built as for /graphql, so validation, limits, the request budget and authorisation are
 * the API's own.
 */
import type { IncomingMessage } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

export interface OperationError {
  message: string;
  extensions?: { code?: string };
}

export interface OperationResult {
  /** The HTTP status Apollo chose (200 for an answer, even one with field errors). */
  status: number;
  data: Record<string, unknown> | null;
  errors: OperationError[];
}

export type RunOperation = (
  req: IncomingMessage,
  query: string,
  variables: Record<string, unknown>,
) => Promise<OperationResult>;

/** The request's headers, as JSON POST ones: the body sent is the operation, not the client's. */
function readHeaders(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers))
    if (value !== undefined && key !== 'content-length' && key !== 'content-type')
      headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  headers.set('content-type', 'application/json');
  return headers;
}

export function createOperationRunner<Context extends BaseContext>(
  apollo: ApolloServer<Context>,
  context: (req: IncomingMessage) => Promise<Context>,
): RunOperation {
  return async (req, query, variables) => {
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers: readHeaders(req),
        search: '',
        body: { query, variables },
      },
      context: () => context(req),
    });
    let text = '';
    if (response.body.kind === 'complete') text = response.body.string;
    else for await (const chunk of response.body.asyncIterator) text += chunk;
    const parsed = JSON.parse(text) as {
      data?: Record<string, unknown> | null;
      errors?: OperationError[];
    };
    return {
      status: response.status ?? 200,
      data: parsed.data ?? null,
      errors: parsed.errors ?? [],
    };
  };
}
