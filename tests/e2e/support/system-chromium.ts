/**
 * The system's Chromium (Debian's `chromium` package, /usr/bin/chromium; CHROMIUM_PATH picks
 * another) driven by playwright-core, in a fresh user-data dir, kept off the internet: every
 * request to a host other than 127.0.0.1 is aborted and recorded. Used by the insights tests;
 * `npx playwright install` is never needed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const SYSTEM_CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LOCAL_HOST = '127.0.0.1';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface SystemBrowser {
  context: BrowserContext;
  /** Every URL the pages tried to reach off 127.0.0.1 (all of them aborted). */
  blockedUrls: string[];
  close(): Promise<void>;
}

function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  // data: and blob: URLs (a CSV download, say) are made inside the page and never leave it.
  return protocol === 'data:' || protocol === 'blob:' || hostname === LOCAL_HOST;
}

export async function launchSystemChromium(): Promise<SystemBrowser> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'insights-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: SYSTEM_CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    viewport: { width: 1300, height: 900 },
  });
  const blockedUrls: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isLocal(url)) {
      await route.continue();
    } else {
      blockedUrls.push(url);
      await route.abort('blockedbyclient');
    }
  });
  return {
    context,
    blockedUrls,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
