/**
 * `npx tsx bench/insights-page-load.ts [--url http://127.0.0.1:4000] [--location ID] [--runs N]`:
 * what the insights pages cost a browser, against a server already running (`npm start`, on
 * the seed graph or any other). Prints the bundles' sizes (raw and gzipped, as served), and for
 * the dashboard and a location profile in the Chromium the @sparticuz/chromium dev dependency
 * ships, as the browser tests use (or CHROMIUM_PATH): the time until every panel (or the profile) shows its data, the GraphQL
 * requests sent and the bytes received. Nothing here asserts a time: it prints.
 */
import shippedChromium from '@sparticuz/chromium';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext } from 'playwright-core';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:4000' },
    location: { type: 'string', default: 'ofsted:1247390' },
    runs: { type: 'string', default: '3' },
  },
});
const origin = values.url!.replace(/\/$/, '');
const runs = Number(values.runs);

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

async function printBundleSizes(): Promise<void> {
  for (const pagePath of ['/insights', `/locations/${encodeURIComponent(values.location!)}`]) {
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

async function measurePage(
  context: BrowserContext,
  pagePath: string,
  ready: string,
): Promise<{ ms: number; requests: number; bytes: number }> {
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
  const started = performance.now();
  await page.goto(`${origin}${pagePath}`);
  // The dashboard's panels appear once its script runs; the profile's root is in the HTML.
  if (ready.startsWith('section')) await page.locator('section[data-panel]').nth(5).waitFor();
  await page.locator(ready).first().waitFor({ state: 'detached', timeout: 300_000 });
  const ms = performance.now() - started;
  await page.close();
  return { ms, requests, bytes };
}

async function main(): Promise<void> {
  await printBundleSizes();
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
      ['dashboard', '/insights', 'section[data-panel][data-state="loading"]'],
      [
        'location profile',
        `/locations/${encodeURIComponent(values.location!)}`,
        '#insights[data-state="loading"]',
      ],
    ] as const;
    for (const [name, pagePath, loading] of cases) {
      for (let run = 1; run <= runs; run += 1) {
        const { ms, requests, bytes } = await measurePage(context, pagePath, loading);
        console.log(
          `${name} run ${run}: data shown after ${ms.toFixed(0)} ms, ${requests} GraphQL requests, ${kib(bytes)} received`,
        );
      }
    }
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

await main();
