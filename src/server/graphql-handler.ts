/**
 * /graphql straight from node:http to Apollo, as Apollo's own standalone server does it: CORS,
 * the JSON body, then `executeHTTPGraphQLRequest`. The express app still serves everything
 * else (health, explorer); on the API's path its router and `res.send` (which hashes every
 * response for an ETag no POST uses) cost time on every request for nothing.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import cors from 'cors';
import express from 'express';
import { ErrorCode } from '../model/error-codes.ts';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

type Next = (error?: unknown) => void;
type Middleware = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

export interface GraphqlHandlerOptions<Context extends BaseContext> {
  /** The one cross-origin caller allowed (Apollo Sandbox). */
  corsOrigin: string;
  /** Largest request body, in body-parser's notation ('30mb'). */
  bodyLimit: string;
  context: (req: IncomingMessage) => Promise<Context>;
}

/** One line for a client whose body could not be read (bad JSON, too large, bad charset). */
function sendBodyError(res: ServerResponse, error: unknown): void {
  const status = (error as { status?: unknown }).status;
  const message =
    error instanceof Error ? error.message.split('\n')[0]! : 'The request body could not be read.';
  res.statusCode = typeof status === 'number' && status >= 400 && status < 500 ? status : 400;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message, extensions: { code: ErrorCode.BadRequest } }] }));
}

/** Apollo answers every GraphQL failure itself; this is for a failure of Apollo or the socket. */
function sendInternalError(res: ServerResponse, error: unknown): void {
  console.error('[graphql] request failed outside Apollo:', error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.statusCode = 500;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(
    JSON.stringify({
      errors: [
        { message: 'Internal server error.', extensions: { code: ErrorCode.InternalServerError } },
      ],
    }),
  );
}

function readHeaders(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

async function answerGraphql<Context extends BaseContext>(
  apollo: ApolloServer<Context>,
  options: GraphqlHandlerOptions<Context>,
  req: IncomingMessage & { body?: unknown },
  res: ServerResponse,
): Promise<void> {
  const url = req.url ?? '';
  const query = url.indexOf('?');
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: (req.method ?? 'GET').toUpperCase(),
      headers: readHeaders(req),
      search: query === -1 ? '' : url.slice(query),
      body: req.body,
    },
    context: () => options.context(req),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

export function createGraphqlHandler<Context extends BaseContext>(
  apollo: ApolloServer<Context>,
  options: GraphqlHandlerOptions<Context>,
): NodeHandler {
  // Both are connect-style middleware that only read and write the node request and response.
  const allowOrigin = cors({ origin: options.corsOrigin }) as unknown as Middleware;
  const parseJson = express.json({ limit: options.bodyLimit }) as unknown as Middleware;
  return (req, res) => {
    allowOrigin(req, res, (corsError) => {
      if (corsError) {
        sendInternalError(res, corsError);
        return;
      }
      parseJson(req, res, (bodyError) => {
        if (bodyError) {
          sendBodyError(res, bodyError);
          return;
        }
        answerGraphql(apollo, options, req, res).catch((error: unknown) =>
          sendInternalError(res, error),
        );
      });
    });
  };
}

/** True for the API's own path, with or without a query string or a trailing slash. */
export function isGraphqlPath(url: string | undefined): boolean {
  const path = (url ?? '').split('?', 1)[0]!;
  return path === '/graphql' || path === '/graphql/';
}
