/**
 * GET / serves the explorer page, GET /explorer/<version>/explorer.{js,css} its bundle. The
 * bundle is built in memory when the router is created, so the first page load rarely waits.
 */
import { createHash } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { loadExplorerBundle, type ExplorerBundle } from './build-explorer-bundle.ts';
import type { ExampleTab } from './explorer-config.ts';
import { readExampleTabs } from './read-examples.ts';
import { renderExplorerPage } from './render-explorer-page.ts';

const GRAPHQL_PATH = '/graphql';
const ASSET_PREFIX = '/explorer';

function fingerprintExamples(tabs: ExampleTab[]): string {
  return createHash('sha256').update(JSON.stringify(tabs)).digest('hex').slice(0, 12);
}

function sendFailure(res: Response, what: string, error: unknown): void {
  console.error(`Explorer: cannot ${what}:`, error);
  res
    .status(500)
    .type('text/plain')
    .send(
      `The explorer cannot ${what}: ${(error as Error).message ?? String(error)}\nGraphQL still answers at ${GRAPHQL_PATH}.`,
    );
}

async function servePage(req: Request, res: Response): Promise<void> {
  let bundle: ExplorerBundle;
  let tabs: ExampleTab[];
  try {
    bundle = await loadExplorerBundle();
  } catch (error) {
    sendFailure(res, 'build its bundle', error);
    return;
  }
  try {
    tabs = await readExampleTabs();
  } catch (error) {
    sendFailure(res, 'read the example operations', error);
    return;
  }
  const html = renderExplorerPage({
    config: {
      tabs,
      storageNamespace: `inspection-graph:${fingerprintExamples(tabs)}`,
      graphqlPath: GRAPHQL_PATH,
    },
    graphqlUrl: `${req.protocol}://${req.get('host') ?? 'localhost'}${GRAPHQL_PATH}`,
    scriptPath: `${ASSET_PREFIX}/${bundle.version}/explorer.js`,
    stylePath: `${ASSET_PREFIX}/${bundle.version}/explorer.css`,
  });
  res.set('cache-control', 'no-cache').type('html').send(html);
}

async function serveAsset(req: Request, res: Response, kind: 'js' | 'css'): Promise<void> {
  let bundle: ExplorerBundle;
  try {
    bundle = await loadExplorerBundle();
  } catch (error) {
    sendFailure(res, 'build its bundle', error);
    return;
  }
  if (req.params.version !== bundle.version) {
    // A page from before a restart asked for an older bundle: it must reload, not mix versions.
    res.status(404).type('text/plain').send('This explorer bundle is gone: reload the page.');
    return;
  }
  const file = bundle[kind];
  // The version in the path changes with the content, so the browser may keep it for good.
  res
    .set('cache-control', 'public, max-age=31536000, immutable')
    .vary('accept-encoding')
    .type(kind);
  if (req.acceptsEncodings('gzip') === 'gzip') {
    res.set('content-encoding', 'gzip').send(file.gzipped);
  } else {
    res.send(file.text);
  }
}

export function createExplorerRouter(): Router {
  // Start building now; the rejection is handled where a request awaits it.
  loadExplorerBundle().catch(() => undefined);
  const router = express.Router();
  router.get('/', (req, res) => servePage(req, res));
  router.get(`${ASSET_PREFIX}/:version/explorer.js`, (req, res) => serveAsset(req, res, 'js'));
  router.get(`${ASSET_PREFIX}/:version/explorer.css`, (req, res) => serveAsset(req, res, 'css'));
  return router;
}
