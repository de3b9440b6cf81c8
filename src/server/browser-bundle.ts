/**
 * Bundles browser code from npm packages with esbuild, in memory, once per process: the explorer
 * and the insights pages both use it. Nothing is written to disk, so a fresh clone needs no build
 * step and no generated file can go stale or get committed.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { build } from 'esbuild';

export interface BundleFile {
  text: string;
  /** Gzipped once here rather than per request: the JS and CSS are large and compress well. */
  gzipped: Buffer;
}

export interface BrowserBundle {
  /** By output file name: `<entry>.js`, and `<entry>.css` for an entry that imports CSS. */
  files: Map<string, BundleFile>;
  /** Short content hash, for cache-busting asset URLs. */
  version: string;
  buildMs: number;
}

const gzipAsync = promisify(gzip);

/** @param entryPoints output name (e.g. `explorer`) → absolute path of its entry file. */
export async function buildBrowserBundle(
  entryPoints: Record<string, string>,
): Promise<BrowserBundle> {
  const started = performance.now();
  const result = await build({
    entryPoints,
    bundle: true,
    write: false,
    // Required by esbuild to name the outputs even though nothing is written.
    outdir: 'browser-bundle',
    format: 'iife',
    platform: 'browser',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    minify: true,
    legalComments: 'none',
    // React and GraphiQL pick their production builds from this.
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const hash = createHash('sha256');
  const files = new Map<string, BundleFile>();
  for (const file of result.outputFiles) {
    hash.update(file.text);
    files.set(path.basename(file.path), { text: file.text, gzipped: await gzipAsync(file.text) });
  }
  return {
    files,
    version: hash.digest('hex').slice(0, 12),
    buildMs: Math.round(performance.now() - started),
  };
}

/** A bundle built on first call and shared after; a failed build is retried on the next call. */
export function cacheBundle<T>(buildOnce: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | null = null;
  return () => {
    if (!cached) {
      const building = buildOnce();
      cached = building;
      building.catch(() => {
        if (cached === building) cached = null;
      });
    }
    return cached;
  };
}
