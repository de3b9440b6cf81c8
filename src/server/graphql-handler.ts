/**
 * /graphql straight from node:http to Apollo, as Apollo's own standalone server does it: CORS,
 * the client's rate limit, the JSON body (its size limited), the query's token count, then
 * `executeHTTPGraphQLRequest`. The express app still serves everything else (health,
 * explorer); on the API's path its router and `res.send` (which hashes every response for an
 * ETag no POST uses) cost time on every request for nothing. A browser opening /graphql is sent
 * to the explorer at `/`, not shown Apollo's landing page, which loads from Apollo's CDN.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import cors from 'cors';
import express from 'express';
import type { GraphQLError } from 'graphql';
import { ErrorCode } from '../model/error-codes.ts';
import { checkQueryTokens } from './limits.ts';
import { isNotModified } from './response-cache/index.ts';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

type Next = (error?: unknown) => void;
type Middleware = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

export interface GraphqlHandlerOptions<Context extends BaseContext> {
  /** The one cross-origin caller allowed (Apollo Sandbox). */
  corsOrigin: string;
  /** Largest request body in bytes: `upload` for a request that may upload a report, else `standard`. */
  bodyLimit: { standard: number; upload: number };
  /** True when the request may send an upload-sized body (it carries the ingest token). */
  mayUpload: (req: IncomingMessage) => boolean;
  /** Null when the client may be served now, else the seconds it must wait (its rate limit). */
  admit: (req: IncomingMessage) => number | null;
  context: (req: IncomingMessage) => Promise<Context>;
}

function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  for (const [key, value] of Object.entries(headers)) res.setHeader(key, value);
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/** One line for a client whose body could not be read (bad JSON, too large, bad charset). */
function sendBodyError(res: ServerResponse, error: unknown, limit: number): void {
  const status = (error as { status?: unknown }).status;
  const type = (error as { type?: unknown }).type;
  const message =
    type === 'entity.too.large'
      ? `The request body is larger than ${limit} bytes.`
      : error instanceof Error
        ? error.message.split('\n')[0]!
        : 'The request body could not be read.';
  sendError(
    res,
    typeof status === 'number' && status >= 400 && status < 500 ? status : 400,
    ErrorCode.BadRequest,
    message,
  );
}

/** Apollo answers every GraphQL failure itself; this is for a failure of Apollo or the socket. */
function sendInternalError(res: ServerResponse, error: unknown): void {
  console.error('[graphql] request failed outside Apollo:', error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendError(res, 500, ErrorCode.InternalServerError, 'Internal server error.');
}

/** A browser opening the API's address (it asks for a page, not JSON). */
function isBrowserVisit(req: IncomingMessage): boolean {
  return req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
}

/** The query text of a POST body or a GET's search string, when there is one. */
function readQueryText(req: IncomingMessage & { body?: unknown }): string | null {
  if (req.method === 'GET') {
    const url = req.url ?? '';
    const at = url.indexOf('?');
    return at === -1 ? null : new URLSearchParams(url.slice(at)).get('query');
  }
  const body = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const query = (body as { query?: unknown }).query;
  return typeof query === 'string' ? query : null;
}

function sendRefusal(res: ServerResponse, error: GraphQLError): void {
  sendError(res, 400, String(error.extensions.code), error.message);
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
  // The client holds this very answer (response-cache/): headers only.
  if (isNotModified(req.headers['if-none-match'], res.statusCode, response.headers.get('etag'))) {
    res.statusCode = 304;
    res.removeHeader('content-type');
    res.end();
    return;
  }
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
  const { standard, upload } = options.bodyLimit;
  const parseJson = express.json({ limit: standard }) as unknown as Middleware;
  const parseUpload = express.json({ limit: upload }) as unknown as Middleware;
  return (req, res) => {
    if (isBrowserVisit(req)) {
      res.statusCode = 302;
      res.setHeader('location', '/');
      res.end();
      return;
    }
    allowOrigin(req, res, (corsError) => {
      if (corsError) {
        sendInternalError(res, corsError);
        return;
      }
      const wait = options.admit(req);
      if (wait !== null) {
        sendError(
          res,
          429,
          ErrorCode.RateLimited,
          `Too many requests from this address: retry in ${wait} s.`,
          { 'retry-after': String(wait) },
        );
        return;
      }
      const mayUpload = options.mayUpload(req);
      (mayUpload ? parseUpload : parseJson)(req, res, (bodyError) => {
        if (bodyError) {
          sendBodyError(res, bodyError, mayUpload ? upload : standard);
          return;
        }
        const query = readQueryText(req);
        const tooLarge = query === null ? null : checkQueryTokens(query);
        if (tooLarge) {
          sendRefusal(res, tooLarge);
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
