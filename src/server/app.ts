/**
 * The HTTP server: Apollo Server 5 at /graphql, the health routes (health.ts), the CSV exports
 * (export/), and the explorer at GET /.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { makeExecutableSchema } from '@graphql-tools/schema';
import express from 'express';
import { DEFAULT_REQUEST_LIMITS, type Config, type RequestLimits } from '../config.ts';
import type { Database } from '../db/executor.ts';
import type { QueryRecorder } from '../db/first-queries.ts';
import { Loaders } from '../graph/loaders.ts';
import { resolvers } from '../resolvers/index.ts';
import type { RequestContext } from '../resolvers/context.ts';
import { UploadParser } from '../resolvers/upload-parser.ts';
import { compiledExecutorGateway } from './compiled-executor.ts';
import { createExplorerRouter } from './explorer/explorer-router.ts';
import { createExportRouter } from './export/export-route.ts';
import { createOperationRunner } from './export/run-operation.ts';
import { formatError } from './format-error.ts';
import { createHealthRoutes } from './health.ts';
import { createInsightsRouter } from './insights/insights-router.ts';
import { createGraphqlHandler, isGraphqlPath, type NodeHandler } from './graphql-handler.ts';
import { buildLimitRules, limitsPlugin } from './limits.ts';
import { ClientRateLimiter } from './rate-limit.ts';
import { RequestBudget } from './request-budget.ts';
import { readTypeDefs } from './type-defs.ts';
import { RequestActivity } from './request-activity.ts';
import { listWarmOperations, warmQuestions, type WarmResult } from './warm-questions.ts';
import { ChangePoller } from '../graph/changes/change-poller.ts';
import { VersionWatcher, type GraphMark } from '../graph/version-watch/version-watcher.ts';
import { startSubscriptionServer } from './subscriptions/subscription-server.ts';
import { ResponseCache, responseCachePlugin, stringifyResult } from './response-cache/index.ts';
import { readAnswerVersion } from '../graph/summaries/graph-version.ts';
import {
  DEFAULT_REFRESH_DELAY_MS,
  SummaryRefresher,
} from '../graph/summaries/refresh-scheduler.ts';

const APOLLO_SANDBOX_ORIGIN = 'https://studio.apollographql.com';

export interface RunningServer {
  url: string;
  port: number;
  /** Asks the likely first questions once, so Neo4j has planned them (warm-questions.ts). */
  warmQuestions(): Promise<WarmResult>;
  /** Resolves when no request is being answered (background work at a start waits for it). */
  whenIdle(): Promise<void>;
  stop(): Promise<void>;
}

export class PortInUseError extends Error {
  override name = 'PortInUseError';
}

/** Constant-time comparison, so response timing says nothing about the token. */
function isSameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function readBearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return match ? match[1]!.trim() : null;
}

/** The body an upload of `maxUploadBytes` needs: its base64 text and 1 MiB for the rest. */
export function uploadBodyBytes(maxUploadBytes: number): number {
  return Math.ceil(maxUploadBytes / 3) * 4 + 1024 * 1024;
}

export interface ServerHooks {
  /** Told the names of the queries each GraphQL request sent (tests count round trips with it). */
  onRequestQueries?: (queryNames: readonly string[]) => void;
  /** False resolves every nested field through the DataLoaders alone (tests compare both ways). */
  readAhead?: boolean;
  /** Delay between the last upload and the summaries' refresh (DEFAULT_REFRESH_DELAY_MS). */
  summaryRefreshDelayMs?: number;
  /** Rows per page a CSV export asks for (MAX_PAGE_SIZE by default; tests ask for fewer). */
  exportPageSize?: number;
  /** Told the outcome of each background summary refresh. */
  log?: (line: string) => void;
  /** Told when a subscription over WebSocket listens (tests wait for it before writing). */
  onSubscribed?: (field: string) => void;
  /** The database the graph watcher reads (the server's own by default; tests break it apart). */
  watchDb?: Database;
  /** Told of each read of the graph watcher: the mark, or the error (tests wait on it). */
  onGraphWatch?: (outcome: GraphMark | Error) => void;
  /** Told of each read query the requests run (npm start records the first ones: first-queries.ts). */
  recordQueries?: QueryRecorder;
}

export async function startServer(
  config: Pick<Config, 'host' | 'port' | 'ingestToken'> & {
    limits?: Partial<RequestLimits>;
    /** RESPONSE_CACHE_BYTES; 0 or absent: no response cache (tests opt in). */
    responseCacheBytes?: number;
  },
  db: Database,
  hooks: ServerHooks = {},
): Promise<RunningServer> {
  const limits: RequestLimits = { ...DEFAULT_REQUEST_LIMITS, ...config.limits };
  const app = express();
  // Nothing needs to know what serves the pages.
  app.disable('x-powered-by');
  const rateLimiter = new ClientRateLimiter({
    perMinute: limits.rateLimitPerMinute,
    limitLoopback: limits.rateLimitLoopback,
  });
  const uploads = new UploadParser();
  const holdsIngestToken = (header: string | undefined): boolean => {
    const token = readBearerToken(header);
    return config.ingestToken !== null && token !== null && isSameSecret(token, config.ingestToken);
  };
  const summaries = new SummaryRefresher(
    db,
    hooks.summaryRefreshDelayMs ?? DEFAULT_REFRESH_DELAY_MS,
    hooks.log ?? (() => {}),
  );
  const responseCache =
    (config.responseCacheBytes ?? 0) > 0 ? new ResponseCache(config.responseCacheBytes!) : null;
  // Set once Apollo has started; nothing listens before that.
  let graphqlHandler: NodeHandler | null = null;
  // What users ask now, so the warm-up after a start steps aside for them.
  const activity = new RequestActivity();
  const httpServer = http.createServer((req, res) => {
    activity.track(res);
    if (graphqlHandler && isGraphqlPath(req.url)) graphqlHandler(req, res);
    else app(req, res);
  });
  // One schema for HTTP (Apollo) and WebSocket (graphql-ws).
  const schema = makeExecutableSchema({ typeDefs: readTypeDefs(), resolvers });
  // One per request or subscription event: its own budget, observer and loaders.
  const context = (req: http.IncomingMessage): RequestContext => {
    const queriesSent: string[] = [];
    const budget = new RequestBudget({
      timeoutMs: limits.requestTimeoutMs,
      maxSessions: limits.maxSessionsPerRequest,
    });
    const observed = db.withObserver((name) => queriesSent.push(name)).withGate(budget.gate);
    const requestDb = hooks.recordQueries ? observed.withRecorder(hooks.recordQueries) : observed;
    return {
      db: requestDb,
      loaders: new Loaders(requestDb, hooks.readAhead ?? true),
      queriesSent,
      canIngest: holdsIngestToken(req.headers.authorization),
      ingestEnabled: config.ingestToken !== null,
      maxUploadBytes: limits.maxUploadBytes,
      uploads,
      summaries,
    };
  };
  // One reader of the graph's version and change counter, for the cache and the subscriptions.
  const watcher = new VersionWatcher(hooks.watchDb ?? db, {
    intervalMs: limits.graphWatchMs,
    log: hooks.log ?? ((line) => console.error(line)),
    onRead: hooks.onGraphWatch,
  });
  // The first cacheable requests need not read the version themselves.
  if (responseCache) watcher.wake();
  const subscriptions = startSubscriptionServer(httpServer, {
    schema,
    poller: new ChangePoller(db, watcher, hooks.log),
    corsOrigin: APOLLO_SANDBOX_ORIGIN,
    admit: (req) => rateLimiter.take(req.socket.remoteAddress),
    context,
    onSubscribed: hooks.onSubscribed,
    log: hooks.log ?? ((line) => console.error(line)),
  });
  const apollo = new ApolloServer<RequestContext>({
    // The schema, executed by compiled operations (compiled-executor.ts) rather than graphql-js.
    gateway: compiledExecutorGateway(schema),
    formatError,
    introspection: true,
    // Compact JSON (Apollo's default pretty-prints), and a cached answer's stored text as it is.
    stringifyResult,
    // The process owns its signals (app/main.ts stops the server, then the graph): Apollo's own
    // handler would stop it a second time and re-raise the signal.
    stopOnTerminationSignals: false,
    validationRules: buildLimitRules(),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Closes the WebSockets and stops the change poller when the server drains.
      { serverWillStart: async () => ({ drainServer: () => subscriptions.dispose() }) },
      // Its landing page loads from Apollo's CDN; a browser at /graphql is sent to / instead.
      ApolloServerPluginLandingPageDisabled(),
      limitsPlugin<RequestContext>(),
      // No field sets cache hints, and the default cache-control plugin wraps every resolver to look for them.
      ApolloServerPluginCacheControlDisabled(),
      ...(responseCache
        ? [
            responseCachePlugin<RequestContext>({
              cache: responseCache,
              watchedVersion: () => watcher.currentVersion(),
              readVersion: async ({ db }) => (await db.read(readAnswerVersion, {}))[0]!.version,
              noteWrite: () => watcher.noteWrite(),
              identify: ({ canIngest }) => (canIngest ? 'ingest-token' : 'anonymous'),
              liveFields: new Set(['health']),
            }),
          ]
        : []),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ contextValue }) {
              hooks.onRequestQueries?.(contextValue.queriesSent);
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  const health = createHealthRoutes(db);
  app.use(health.router);
  // One per request, for /graphql and for each page of a CSV export alike.
  const buildContext = async (req: http.IncomingMessage) => context(req);
  graphqlHandler = createGraphqlHandler(apollo, {
    // Apollo Sandbox (linked from the explorer) calls the API from its own origin.
    corsOrigin: APOLLO_SANDBOX_ORIGIN,
    bodyLimit: {
      standard: limits.maxRequestBytes,
      upload: Math.max(limits.maxRequestBytes, uploadBodyBytes(limits.maxUploadBytes)),
    },
    mayUpload: (req) => holdsIngestToken(req.headers.authorization),
    admit: (req) => rateLimiter.take(req.socket.remoteAddress),
    context: buildContext,
  });
  const runOperation = createOperationRunner(apollo, buildContext);
  // CSV exports of the cross-report questions, through the same operations, context and limits.
  app.use(
    createExportRouter({
      run: runOperation,
      admit: (req) => rateLimiter.take(req.socket.remoteAddress),
      pageSize: hooks.exportPageSize,
    }),
  );
  // The explorer: GraphiQL at GET /, bundled from npm packages and served from here (no CDN).
  app.use(createExplorerRouter());
  // The insights dashboard and location profiles, bundled the same way.
  app.use(createInsightsRouter());

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new PortInUseError(
              `Port ${config.port} on ${config.host} is already in use: stop what uses it or set PORT to another port.`,
            )
          : error,
      );
    });
    httpServer.listen(config.port, config.host, resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  const shownHost =
    config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    warmQuestions: async () =>
      warmQuestions(runOperation, await listWarmOperations(), () => activity.whenIdle()),
    whenIdle: () => activity.whenIdle(),
    stop: async () => {
      health.markShuttingDown();
      await summaries.stop();
      await apollo.stop();
      await watcher.stop();
      await uploads.close();
    },
  };
}
