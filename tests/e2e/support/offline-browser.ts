/**
 * Headless Chromium driven by playwright-core, kept off the internet: every request to a host
 * other than 127.0.0.1 is aborted and recorded, so a test can assert that none was tried. The
 * browser is the one the @sparticuz/chromium npm package ships (unpacked to the temporary folder
 * on first use), so `npm install` is all a machine needs; CHROMIUM_PATH picks another.
 */
import shippedChromium from '@sparticuz/chromium';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
} from 'playwright-core';
const LOCAL_HOST = '127.0.0.1';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Belt and braces under the request routing: no name but 127.0.0.1 resolves at all.
  `--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE ${LOCAL_HOST}`,
];

/** Playwright gives launch() a fresh temporary user-data dir and deletes it on close. */
export async function launchOfflineChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? (await shippedChromium.executablePath());
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  // data: and blob: URLs are made inside the page and never leave it.
  return protocol === 'data:' || protocol === 'blob:' || hostname === LOCAL_HOST;
}

export interface OfflineContext {
  context: BrowserContext;
  /** Every URL the pages tried to reach off 127.0.0.1 (all of them aborted). */
  blockedUrls: string[];
}

/** A new context (its own storage, so no saved GraphiQL tabs) that may talk to 127.0.0.1 only. */
export async function openOfflineContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<OfflineContext> {
  const context = await browser.newContext(options);
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
  // WebSockets bypass route(): record any the page opens elsewhere.
  context.on('page', (page) =>
    page.on('websocket', (socket) => {
      if (!isLocal(socket.url().replace(/^ws/, 'http'))) blockedUrls.push(socket.url());
    }),
  );
  return { context, blockedUrls };
}

export interface OfflineBrowser extends OfflineContext {
  /** Closes the context and the browser. */
  close(): Promise<void>;
}

/** A browser with one offline context, for tests that need no second one. */
export async function launchOfflineBrowser(
  options: BrowserContextOptions = {},
): Promise<OfflineBrowser> {
  const browser = await launchOfflineChromium();
  const offline = await openOfflineContext(browser, options);
  return { ...offline, close: () => browser.close() };
}
