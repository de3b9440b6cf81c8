/**
 * Bundles the explorer's browser code (GraphiQL, React, CodeMirror and GraphiQL's CSS with its
 * inlined fonts) with esbuild, in memory, once per process. Nothing is written to disk, so a
 * fresh clone needs no build step and no generated file can go stale or get committed.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { build } from 'esbuild';

export interface BundleFile {
  text: string;
  /** Gzipped once here rather than per request: the JS and CSS are large and compress well. */
  gzipped: Buffer;
}

export interface ExplorerBundle {
  js: BundleFile;
  css: BundleFile;
  /** Short content hash, for cache-busting asset URLs. */
  version: string;
  buildMs: number;
}

const gzipAsync = promisify(gzip);

const CLIENT_ENTRY = fileURLToPath(new URL('./client/explorer-client.ts', import.meta.url));

export async function buildExplorerBundle(): Promise<ExplorerBundle> {
  const started = performance.now();
  const result = await build({
    entryPoints: { explorer: CLIENT_ENTRY },
    bundle: true,
    write: false,
    // Required by esbuild to name the JS and CSS outputs even though nothing is written.
    outdir: 'explorer-bundle',
    format: 'iife',
    platform: 'browser',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    minify: true,
    legalComments: 'none',
    // React and GraphiQL pick their production builds from this.
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const js = result.outputFiles.find((file) => file.path.endsWith('.js'))?.text;
  const css = result.outputFiles.find((file) => file.path.endsWith('.css'))?.text;
  if (js === undefined || css === undefined)
    throw new Error('esbuild produced no explorer JS or CSS');
  const version = createHash('sha256').update(js).update(css).digest('hex').slice(0, 12);
  const [jsGzipped, cssGzipped] = await Promise.all([gzipAsync(js), gzipAsync(css)]);
  return {
    js: { text: js, gzipped: jsGzipped },
    css: { text: css, gzipped: cssGzipped },
    version,
    buildMs: Math.round(performance.now() - started),
  };
}

let cached: Promise<ExplorerBundle> | null = null;

/** The bundle, built on first call and shared after; a failed build is retried on the next call. */
export function loadExplorerBundle(): Promise<ExplorerBundle> {
  if (!cached) {
    const building = buildExplorerBundle();
    cached = building;
    building.catch(() => {
      if (cached === building) cached = null;
    });
  }
  return cached;
}
