/**
 * GraphQL over WebSocket (the graphql-ws protocol) at /graphql on the HTTP server's own port.
 * Every operation meets the limits an HTTP request meets, in the same order: the origin (at the
 * upgrade), the client's rate limit, tokens, depth, aliases and directives, string sizes and
 * cost. Subscriptions read the server's one ChangePoller; each event runs with a fresh request
 * budget and fresh DataLoaders, as an HTTP request would.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { ChangePoller } from '../../graph/changes/change-poller.ts';
import { ErrorCode } from '../../model/error-codes.ts';
import type { RequestContext } from '../../resolvers/context.ts';
import { formatError } from '../format-error.ts';
import { isGraphqlPath } from '../graphql-handler.ts';
import { buildLimitRules, checkOperationLimits, checkQueryTokens } from '../limits.ts';
import { isAllowedWebSocketOrigin } from './websocket-origin.ts';

export interface SubscriptionServerOptions {
  schema: GraphQLSchema;
  poller: ChangePoller;
  /** The one cross-origin caller allowed (as for HTTP). */
  corsOrigin: string;
  /** Null when the client may be served now, else the seconds it must wait (its rate limit). */
  admit: (req: IncomingMessage) => number | null;
  /** A request's context for the upgrade request (its headers carry the caller's token). */
  context: (req: IncomingMessage) => RequestContext;
  onSubscribed?: (field: string) => void;
  log: (line: string) => void;
}

export interface SubscriptionServer {
  /** Closes every socket and stops the poller (the server is draining). */
  dispose(): Promise<void>;
}

function refusal(code: ErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/** The operation's document and errors, checked like an HTTP request's. */
function checkOperation(
  schema: GraphQLSchema,
  query: string,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
): { document: DocumentNode } | { errors: readonly GraphQLError[] } {
  const tooLarge = checkQueryTokens(query);
  if (tooLarge) return { errors: [tooLarge] };
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return {
      errors: [
        refusal(ErrorCode.BadRequest, error instanceof Error ? error.message : String(error)),
      ],
    };
  }
  const invalid = validate(schema, document, [...specifiedRules, ...buildLimitRules()]);
  if (invalid.length > 0) return { errors: invalid };
  const operation = getOperationAST(document, operationName);
  if (!operation) return { errors: [refusal(ErrorCode.BadRequest, 'No operation to run.')] };
  const refused = checkOperationLimits(schema, document, operation, variables);
  return refused ? { errors: [refused] } : { document };
}

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export function startSubscriptionServer(
  httpServer: Server,
  options: SubscriptionServerOptions,
): SubscriptionServer {
  const { schema } = options;
  const wsServer = new WebSocketServer({ noServer: true });
  httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!isGraphqlPath(req.url)) {
      refuseUpgrade(socket, '404 Not Found');
      return;
    }
    if (!isAllowedWebSocketOrigin(req, options.corsOrigin)) {
      options.log(`subscriptions: refused a WebSocket from Origin ${req.headers.origin}`);
      refuseUpgrade(socket, '403 Forbidden');
      return;
    }
    wsServer.handleUpgrade(req, socket, head, (ws) => wsServer.emit('connection', ws, req));
  });
  const cleanup = useServer(
    {
      schema,
      onSubscribe: (ctx, _id, payload) => {
        const request = ctx.extra.request;
        const wait = options.admit(request);
        if (wait !== null)
          return [
            refusal(
              ErrorCode.RateLimited,
              `Too many requests from this address: retry in ${wait} s.`,
            ),
          ];
        const variables = payload.variables ?? {};
        const checked = checkOperation(schema, payload.query, payload.operationName, variables);
        if ('errors' in checked) return checked.errors;
        const context = options.context(request);
        context.subscriptions = {
          poller: options.poller,
          renew: () => {
            const fresh = options.context(request);
            context.db = fresh.db;
            context.loaders = fresh.loaders;
            context.queriesSent = fresh.queriesSent;
          },
          onSubscribed: (field) => options.onSubscribed?.(field),
        };
        return {
          schema,
          document: checked.document,
          operationName: payload.operationName,
          variableValues: variables,
          contextValue: context,
        };
      },
      // Errors of an event are shaped as an HTTP response's (codes, no internals).
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors
          ? { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error)) }
          : result,
    },
    wsServer,
  );
  return {
    async dispose() {
      await cleanup.dispose();
      await options.poller.stop();
    },
  };
}
