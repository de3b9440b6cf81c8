/** GraphiQL's fetcher: POSTs each operation as JSON to the API on the page's own origin. */
import type { ExecutionResult } from 'graphql';
import { pickOperationName } from './pick-operation-name.ts';

export interface FetcherParams {
  query: string;
  operationName?: string | null;
  variables?: unknown;
}

export interface FetcherOptions {
  headers?: Record<string, unknown>;
}

export function createSameOriginFetcher(graphqlPath: string) {
  return async (params: FetcherParams, options?: FetcherOptions): Promise<ExecutionResult> => {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json',
    };
    // The headers editor may hold numbers or booleans: HTTP only carries text.
    for (const [name, value] of Object.entries(options?.headers ?? {}))
      headers[name] = String(value);
    const response = await fetch(graphqlPath, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: JSON.stringify({
        query: params.query,
        operationName: pickOperationName(params.query, params.operationName),
        variables: params.variables,
      }),
    });
    const text = await response.text();
    try {
      return JSON.parse(text) as ExecutionResult;
    } catch {
      // A proxy's HTML error page or an empty body: show what came back instead of a parse error.
      throw new Error(
        `${response.status} ${response.statusText}: ${text.slice(0, 500) || '(empty response)'}`,
      );
    }
  };
}
