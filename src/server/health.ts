/**
 * Health routes for load balancers and orchestrators:
 *
 * - `GET /health/live`: 200 while the process serves HTTP at all (restart it if this fails);
 * - `GET /health/ready`: 200 when Neo4j answers within a second, 503 when it does not or while
 *   the server is shutting down (send it no new requests);
 * - `GET /health`: the same as ready, kept for existing checks.
 */
import express from 'express';
import type { Database } from '../db/executor.ts';
import { checkHealth } from '../graph/health.ts';

export interface HealthRoutes {
  router: express.Router;
  /** From now on ready answers 503 (called first thing when the server stops). */
  markShuttingDown(): void;
}

export function createHealthRoutes(db: Database): HealthRoutes {
  let shuttingDown = false;
  const router = express.Router();
  const ready: express.RequestHandler = async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    if (shuttingDown) {
      res.status(503).json({ status: 'shutting-down', neo4j: null, database: db.databaseName });
      return;
    }
    const report = await checkHealth(db);
    res
      .status(report.neo4j ? 200 : 503)
      .json({ status: report.neo4j ? 'ok' : 'degraded', ...report });
  };
  router.get('/health/live', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/health/ready', ready);
  router.get('/health', ready);
  return { router, markShuttingDown: () => (shuttingDown = true) };
}
