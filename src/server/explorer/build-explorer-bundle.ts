/**
 * Bundles the explorer's browser code (GraphiQL, React, CodeMirror and GraphiQL's CSS with its
 * inlined fonts) with esbuild (../browser-bundle.ts), in memory, once per process.
 */
import { fileURLToPath } from 'node:url';
import { buildBrowserBundle, cacheBundle, type BundleFile } from '../browser-bundle.ts';

export type { BundleFile } from '../browser-bundle.ts';

export interface ExplorerBundle {
  js: BundleFile;
  css: BundleFile;
  /** Short content hash, for cache-busting asset URLs. */
  version: string;
  buildMs: number;
}

const CLIENT_ENTRY = fileURLToPath(new URL('./client/explorer-client.ts', import.meta.url));

export async function buildExplorerBundle(): Promise<ExplorerBundle> {
  const { files, version, buildMs } = await buildBrowserBundle({ explorer: CLIENT_ENTRY });
  const js = files.get('explorer.js');
  const css = files.get('explorer.css');
  if (js === undefined || css === undefined)
    throw new Error('esbuild produced no explorer JS or CSS');
  return { js, css, version, buildMs };
}

/** The bundle, built on first call and shared after; a failed build is retried on the next call. */
export const loadExplorerBundle = cacheBundle(buildExplorerBundle);
