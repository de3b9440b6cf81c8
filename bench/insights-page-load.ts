/**
 * `npx tsx bench/insights-page-load.ts [--data DIR | --url http://127.0.0.1:4000] [--location ID] [--runs N]`:
 * what the insights pages cost a browser. With `--data`, it starts `npm start`'s server itself
 * on that Neo4j data folder (a fresh folder gets the seed sample; `LOAD_SEED=false` for a loaded
 * tier-M folder) and waits until the summaries are refreshed; with `--url`, it measures a server
 * already running. Prints the bundles' sizes (raw and gzipped, as served), and for the dashboard
 * and a location profile, in the Chromium the @sparticuz/chromium dev dependency ships (as the
 * browser tests use, or CHROMIUM_PATH): per load, the time from navigation until every panel (or
 * the profile) has drawn its data and the browser has painted a frame after it, beside
 * DOMContentLoaded, the GraphQL requests sent and the bytes received; then p50 and max over the
 * loads (one warm-up load first, not counted) and the load average. Nothing here asserts a time.
 */
import shippedChromium from '@sparticuz/chromium';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext } from 'playwright-core';
import { findFreePort } from '../src/db/processes.ts';
import { startServerChild, type ServerChild } from './server-child.ts';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:4000' },
    data: { type: 'string' },
    location: { type: 'string' },
    runs: { type: 'string', default: '5' },
  },
});
const runs = Number(values.runs);

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
const loadAverage = (): string =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

/** The server on `dataDir`, ready once it serves and its summaries are refreshed. */
async function startOwnServer(dataDir: string): Promise<{ origin: string; server: ServerChild }> {
  const port = await findFreePort();
  const server = await startServerChild(
    'src/app/main.ts',
    null,
    {
      NEO4J_URI: '',
      NEO4J_USER: '',
      NEO4J_PASSWORD: '',
      NEO4J_PASSWORD_FILE: '',
      NEO4J_DATA_DIR: path.resolve(dataDir),
      NEO4J_LOCAL_PORT: '0',
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
    },
    // Until the summaries are fresh the questions take the exact queries: measure after.
    /summaries (?:refreshed|not refreshed)[^\n]*/,
    (chunk) => process.stderr.write(chunk.replace(/^/gm, '  server: ')),
  );
  console.log(server.ready);
  return { origin: `http://127.0.0.1:${port}`, server };
}

async function printBundleSizes(origin: string, locationPath: string): Promise<void> {
  for (const pagePath of ['/insights', locationPath]) {
    const html = await (await fetch(`${origin}${pagePath}`)).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/insights-assets\/[^"]+)"/g)].map(
      (match) => match[1]!,
    );
    for (const asset of assets) {
      const text = await (await fetch(`${origin}${asset}`)).text();
      console.log(
        `${pagePath} ${path.basename(asset)}: ${kib(Buffer.byteLength(text))} raw, ${kib(gzipSync(text).length)} gzipped`,
      );
    }
  }
}

/** A location with a profile worth drawing: the one asked for, else the first repeated breach's. */
async function pickLocation(origin: string): Promise<string> {
  if (values.location) return values.location;
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        '{ repeatedBreaches(first: 1) { nodes { location { id } } } locations(first: 1) { nodes { id } } }',
    }),
  });
  const { data } = (await response.json()) as {
    data: {
      repeatedBreaches: { nodes: { location: { id: string } }[] };
      locations: { nodes: { id: string }[] };
    };
  };
  const id = data.repeatedBreaches.nodes[0]?.location.id ?? data.locations.nodes[0]?.id;
  if (!id) throw new Error('the graph has no location: load one, or pass --location');
  return id;
}

interface PageLoad {
  /** Navigation start → every panel drawn and a frame painted after it. */
  drawnMs: number;
  domContentLoadedMs: number;
  requests: number;
  bytes: number;
  /** Panels that showed an error instead of their chart. */
  errors: number;
}

async function measurePage(
  context: BrowserContext,
  url: string,
  kind: 'dashboard' | 'profile',
): Promise<PageLoad> {
  const page = await context.newPage();
  let requests = 0;
  let bytes = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/graphql')) requests += 1;
  });
  page.on('response', async (response) => {
    const body = await response.body().catch(() => Buffer.alloc(0));
    bytes += body.length;
  });
  await page.goto(url);
  // Six panels, none loading: each has replaced "Loading…" by its chart (or an error). In the
  // page's language as text: this file is compiled without the DOM library.
  const settled =
    kind === 'dashboard'
      ? `document.querySelectorAll('section[data-panel]').length === 6 &&
         document.querySelectorAll('section[data-panel][data-state="loading"]').length === 0`
      : `document.querySelector('#insights')?.getAttribute('data-state') !== 'loading'`;
  await page.waitForFunction(settled, null, { timeout: 300_000, polling: 'raf' });
  // The time in the page's own clock (from navigation start) once a frame is painted after it.
  const timing = (await page.evaluate(`new Promise((resolve) =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        const [navigation] = performance.getEntriesByType('navigation');
        resolve({
          drawn: performance.now(),
          dcl: navigation ? navigation.domContentLoadedEventEnd : NaN,
          errors: document.querySelectorAll('[data-state="error"]').length,
        });
      })))`)) as { drawn: number; dcl: number; errors: number };
  await page.close();
  return {
    drawnMs: timing.drawn,
    domContentLoadedMs: timing.dcl,
    requests,
    bytes,
    errors: timing.errors,
  };
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function measure(origin: string): Promise<void> {
  const locationPath = `/locations/${encodeURIComponent(await pickLocation(origin))}`;
  await printBundleSizes(origin, locationPath);
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'insights-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? (await shippedChromium.executablePath()),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
  try {
    const cases = [
      ['dashboard', '/insights', 'dashboard'],
      ['location profile', locationPath, 'profile'],
    ] as const;
    for (const [name, pagePath, kind] of cases) {
      await measurePage(context, `${origin}${pagePath}`, kind); // warm-up: caches, JIT
      const loads: PageLoad[] = [];
      for (let run = 1; run <= runs; run += 1) {
        const load = await measurePage(context, `${origin}${pagePath}`, kind);
        loads.push(load);
        console.log(
          `${name} run ${run}: drawn after ${load.drawnMs.toFixed(0)} ms (DOMContentLoaded ${load.domContentLoadedMs.toFixed(0)} ms), ${load.requests} GraphQL requests, ${kib(load.bytes)} received${load.errors ? `, ${load.errors} panels in error` : ''}`,
        );
      }
      const drawn = loads.map((load) => load.drawnMs).sort((a, b) => a - b);
      console.log(
        `${name}: all drawn p50 ${quantile(drawn, 0.5).toFixed(0)} ms, max ${drawn.at(-1)!.toFixed(0)} ms over ${runs} loads (load average ${loadAverage()})`,
      );
    }
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(`load average ${loadAverage()}`);
  const own = values.data ? await startOwnServer(values.data) : null;
  try {
    await measure(own?.origin ?? values.url!.replace(/\/$/, ''));
  } finally {
    await own?.server.stop();
  }
}

await main();
