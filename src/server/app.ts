/**
 * The HTTP server: Apollo Server 5 at /graphql, GET /health, and the explorer at GET /.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Config } from '../config.ts';
import type { Database } from '../db/executor.ts';
import { checkHealth } from '../graph/health.ts';
import { resolvers } from '../resolvers/index.ts';
import type { RequestContext } from './context.ts';
import { formatError } from './format-error.ts';
import { readTypeDefs } from './type-defs.ts';

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export class PortInUseError extends Error {
  override name = 'PortInUseError';
}

function readBearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return match ? match[1]!.trim() : null;
}

export async function startServer(config: Pick<Config, 'host' | 'port' | 'ingestToken'>, db: Database): Promise<RunningServer> {
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<RequestContext>({
    typeDefs: readTypeDefs(),
    resolvers,
    formatError,
    introspection: true,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();

  app.get('/health', async (_req, res) => {
    const report = await checkHealth(db);
    res.status(report.neo4j ? 200 : 503).json({ status: report.neo4j ? 'ok' : 'degraded', ...report });
  });
  app.use(
    '/graphql',
    express.json({ limit: '5mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const queriesSent: string[] = [];
        const token = readBearerToken(req.headers.authorization);
        return {
          db: db.withObserver((name) => queriesSent.push(name)),
          queriesSent,
          canIngest: config.ingestToken !== null && token === config.ingestToken,
        };
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new PortInUseError(`Port ${config.port} on ${config.host} is already in use: stop what uses it or set PORT to another port.`)
          : error,
      );
    });
    httpServer.listen(config.port, config.host, resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  const shownHost = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    stop: async () => {
      await apollo.stop();
    },
  };
}
