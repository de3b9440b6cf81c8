/**
 * GET /insights (the dashboard), /locations/:id (a location's profile), /reports/:sha256 (a
 * report's passages, where a finding's source link leads) and their bundle under
 * /insights-assets/<version>/. Each page is a shell: its bundle asks /graphql for the data.
 */
import express, { type Request, type Response, type Router } from 'express';
import type { BrowserBundle } from '../browser-bundle.ts';
import { loadInsightsBundle, type InsightsEntry } from './build-insights-bundle.ts';
import type { InsightsPageConfig } from './insights-config.ts';
import { renderInsightsPage } from './render-insights-page.ts';

const GRAPHQL_PATH = '/graphql';
const ASSET_PREFIX = '/insights-assets';

async function loadBundle(res: Response): Promise<BrowserBundle | null> {
  try {
    return await loadInsightsBundle();
  } catch (error) {
    console.error('Insights: cannot build the bundle:', error);
    res
      .status(500)
      .type('text/plain')
      .send(
        `The insights pages cannot build their bundle: ${(error as Error).message}\nGraphQL still answers at ${GRAPHQL_PATH}.`,
      );
    return null;
  }
}

async function servePage(
  res: Response,
  entry: InsightsEntry,
  title: string,
  config: Omit<InsightsPageConfig, 'graphqlPath'>,
): Promise<void> {
  const bundle = await loadBundle(res);
  if (!bundle) return;
  const html = renderInsightsPage({
    title,
    config: { ...config, graphqlPath: GRAPHQL_PATH },
    scriptPath: `${ASSET_PREFIX}/${bundle.version}/${entry}.js`,
    stylePath: `${ASSET_PREFIX}/${bundle.version}/${entry}.css`,
  });
  res.set('cache-control', 'no-cache').type('html').send(html);
}

async function serveAsset(req: Request, res: Response): Promise<void> {
  const bundle = await loadBundle(res);
  if (!bundle) return;
  const name = String(req.params.file);
  const file = bundle.files.get(name);
  if (req.params.version !== bundle.version || !file) {
    // A page from before a restart asked for an older bundle: it must reload, not mix versions.
    res.status(404).type('text/plain').send('This bundle is gone: reload the page.');
    return;
  }
  res
    .set('cache-control', 'public, max-age=31536000, immutable')
    .vary('accept-encoding')
    .type(name.endsWith('.css') ? 'css' : 'js');
  if (req.acceptsEncodings('gzip') === 'gzip')
    res.set('content-encoding', 'gzip').send(file.gzipped);
  else res.send(file.text);
}

export function createInsightsRouter(): Router {
  // Start building now; the rejection is handled where a request awaits it.
  loadInsightsBundle().catch(() => undefined);
  const router = express.Router();
  router.get('/insights', (_req, res) =>
    servePage(res, 'insights', 'Insights', { page: 'dashboard', subject: null }),
  );
  router.get('/locations/:id', (req, res) =>
    servePage(res, 'profile', 'Location profile', {
      page: 'location',
      subject: String(req.params.id),
    }),
  );
  router.get('/reports/:sha256', (req, res) =>
    servePage(res, 'profile', 'Report', { page: 'report', subject: String(req.params.sha256) }),
  );
  router.get(`${ASSET_PREFIX}/:version/:file`, (req, res) => serveAsset(req, res));
  return router;
}
