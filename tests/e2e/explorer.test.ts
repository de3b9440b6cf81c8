/**
 * The explorer at GET / in a real headless Chromium with no way off 127.0.0.1: the page, its
 * bundle, and the examples in EXAMPLE_CASES run against the real Neo4j from the global setup.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiFixture, type ApiFixture } from '../support/api-fixture.ts';
import { launchOfflineChromium, openOfflineContext } from './support/offline-browser.ts';

interface ExampleCase {
  /** The example's operation name, which GraphiQL shows as its tab title. */
  operation: string;
  /** Texts the result pane must show once the operation has run. */
  expectedInResult: string[];
}

// One row per example in operations/examples/ to run in the browser, against the seeds and the
// multi-inspection fixtures (tests/fixtures/reports) loaded by startApiFixture.
const EXAMPLE_CASES: ExampleCase[] = [
  { operation: 'Health', expectedInResult: ['"neo4j": true'] },
  {
    operation: 'RepeatedBreaches',
    expectedInResult: [
      '"id": "ofsted:SC999001"',
      '"id": "CHR2015:12"',
      '"startDate": "2022-03-08"',
      '"startDate": "2023-02-14"',
    ],
  },
  {
    // No type: every action, the seed's compliance notice under regulation 6 among them.
    operation: 'EnforcementActions',
    expectedInResult: [
      '"type": "COMPLIANCE_NOTICE"',
      '"id": "CHR2015:6"',
      '"type": "WARNING_NOTICE"',
    ],
  },
];

const SANDBOX_PREFIX = 'https://studio.apollographql.com/sandbox/explorer?endpoint=';

/**
 * URL-shaped strings in the bundled libraries that are never fetched: XML namespace names given
 * to createElementNS, links inside error and help texts, and GraphiQL's default logo link
 * (this page replaces that logo with an empty one).
 */
const INERT_URL_PREFIXES = [
  'http://www.w3.org/', // XML namespace names (React, CodeMirror)
  'https://react.dev/errors/', // React's production error messages
  'https://yarnpkg.com/en/docs/selective-version-resolutions', // graphql-js duplicate-module error
  'https://en.wikipedia.org/wiki/IEEE_floating_point', // description of the Float scalar
  'https://commonmark.org/', // description of the @deprecated reason argument
  'https://codemirror.net/5/doc/manual.html', // link in GraphiQL's short-keys help dialog
  'https://github.com/graphql/graphiql', // GraphiQL's default logo, replaced on this page
  'http://${', // markdown-it's linkify adding a scheme to bare links in descriptions
  SANDBOX_PREFIX, // the bundle pointing the Sandbox link at the page's own origin
];

function findUrls(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s"'`)<>\\]+/g) ?? [])];
}

async function fetchText(url: string): Promise<{ status: number; type: string; text: string }> {
  const response = await fetch(url);
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
}

async function runExample(page: Page, operation: string): Promise<string> {
  await page.locator(`button.graphiql-tab-button[title="${operation}"]`).click();
  await page.locator('.graphiql-query-editor').getByText(`query ${operation}`).waitFor();
  await page.getByRole('button', { name: 'Execute query (Ctrl-Enter)' }).click();
  const result = page.locator('section.result-window');
  await result
    .filter({ hasText: '"data"' })
    .or(result.filter({ hasText: '"errors"' }))
    .waitFor();
  // CodeMirror renders only the lines in view; its own value holds the whole result.
  const whole = await page
    .locator('section.result-window .CodeMirror')
    .evaluate(
      (element) =>
        (element as unknown as { CodeMirror?: { getValue(): string } }).CodeMirror?.getValue() ??
        null,
    );
  return whole ?? (await result.textContent()) ?? '';
}

describe('explorer at GET / (headless Chromium, offline)', () => {
  let api: ApiFixture;
  let browser: Browser;
  let origin: string;
  beforeAll(async () => {
    api = await startApiFixture({ ingestToken: null });
    // server.url says "localhost"; the browser may reach 127.0.0.1 only.
    origin = `http://127.0.0.1:${api.server.port}`;
    browser = await launchOfflineChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('serves a page and bundle that name no other origin but a plain Apollo Sandbox link', async () => {
    const page = await fetchText(`${origin}/`);
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/html/);
    expect(findUrls(page.text)).toEqual([
      `${SANDBOX_PREFIX}${encodeURIComponent(`${origin}/graphql`)}`,
    ]);
    expect(page.text).toMatch(
      /<a id="sandbox-link" href="https:\/\/studio\.apollographql\.com\/sandbox\/explorer\?endpoint=/,
    );

    const assets = [
      ...page.text.matchAll(/<(?:script src|link rel="stylesheet" href)="([^"]+)"/g),
    ].map((match) => match[1]!);
    expect(assets).toHaveLength(2);
    for (const asset of assets) {
      expect(asset).toMatch(/^\/explorer\/[0-9a-f]+\/explorer\.(js|css)$/);
      const body = await fetchText(`${origin}${asset}`);
      expect(body.status).toBe(200);
      expect(body.type).toMatch(asset.endsWith('.js') ? /javascript/ : /^text\/css/);
      const external = findUrls(body.text).filter(
        (url) => !INERT_URL_PREFIXES.some((prefix) => url.startsWith(prefix)),
      );
      expect(external, asset).toEqual([]);
      if (asset.endsWith('.css')) {
        // Fonts and images are inlined: the stylesheet makes the browser fetch nothing more.
        expect(body.text.match(/@import|url\(\s*["']?(?!data:)[^)]{0,80}/g) ?? []).toEqual([]);
      }
    }
  });

  it.each(EXAMPLE_CASES)(
    'runs the $operation example and shows its result',
    async ({ operation, expectedInResult }) => {
      const { context, blockedUrls } = await openOfflineContext(browser);
      try {
        const page = await context.newPage();
        const pageErrors: string[] = [];
        page.on('pageerror', (error) => pageErrors.push(error.message));
        const graphqlPosts: string[] = [];
        page.on('request', (request) => {
          if (request.method() === 'POST') graphqlPosts.push(request.url());
        });

        await page.goto(`${origin}/`);
        const sandboxLink = page.getByRole('link', { name: 'Open in Apollo Sandbox' });
        expect(await sandboxLink.getAttribute('href')).toBe(
          `${SANDBOX_PREFIX}${encodeURIComponent(`${origin}/graphql`)}`,
        );

        const result = await runExample(page, operation);
        for (const text of expectedInResult) expect(result).toContain(text);
        expect(new Set(graphqlPosts)).toEqual(new Set([`${origin}/graphql`]));
        expect(pageErrors).toEqual([]);
        expect(blockedUrls).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
