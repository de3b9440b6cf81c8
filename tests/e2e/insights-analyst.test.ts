/**
 * The analyst's question on the graph `npm start` gives a fresh clone (the seed sample: real
 * reports under seed/real/ and the generated ones under seed/synthetic/, so locations have regions,
 * local authorities and provider groups): "which regulations are breached again and again in the
 * North West since 2019, and by which provider groups", the issue's words, asked through the dashboard's form in
 * headless Chromium, and the rows taken away as CSV. Each of the two panels' bars and CSV is
 * compared with rows the test computes from the API's plain repeatedBreaches list
 * (support/insights-expected.ts); the theme panel, which now passes the region to themeTrends, with
 * the findings list counted here. The synthetic-data banner comes from the generated sample
 * itself. Screenshots go to test-results/insights/ (git-ignored).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../../src/app/prepare-graph.ts';
import { PROJECT_ROOT } from '../../src/config.ts';
import { refreshSummaries } from '../../src/graph/summaries/refresh-summaries.ts';
import { startServer, type RunningServer } from '../../src/server/app.ts';
import { toCsv } from '../../src/server/insights/csv.ts';
import {
  buildCsvFileName,
  NO_FILTERS,
  readFilters,
  type InsightFilters,
} from '../../src/server/insights/insights-filters.ts';
import {
  providerGroupsPanel,
  repeatedRegulationsPanel,
  themeRatesPanel,
  type PanelData,
} from '../../src/server/insights/panels/index.ts';
import {
  SYNTHETIC_LOCATION_NOTICE,
  SYNTHETIC_NOTICE,
} from '../../src/server/insights/synthetic-notice.ts';
import { connectTestGraph, resetTestGraph, type TestGraph } from '../support/test-graph.ts';
import {
  createTestPost,
  expectProviderGroups,
  expectRepeatedRegulations,
  expectThemeRates,
  readRepeatedBreachRows,
} from './support/insights-expected.ts';
import { launchOfflineBrowser, type OfflineBrowser } from './support/offline-browser.ts';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/insights');
const SEED_DIR = path.join(PROJECT_ROOT, 'seed');
const SINCE = '2019-01-01';
/** The region of the question (seed/synthetic/README.md: why the sample has it). */
const REGION = 'North West';

/** Not a performance check (that is in bench/): other suites may load the 2-core machine. */
const PAGE_TIMEOUT_MS = 180_000;
const TEST_TIMEOUT_MS = 600_000;

const MARK_TITLES =
  'svg [aria-label="bar"] title, svg [aria-label="cell"] title, svg [aria-label="dot"] title';

type Post = ReturnType<typeof createTestPost>;

async function waitForPanels(page: Page): Promise<void> {
  await page.locator('section[data-panel]').nth(5).waitFor({ timeout: PAGE_TIMEOUT_MS });
  await page
    .locator('section[data-panel][data-state="loading"]')
    .first()
    .waitFor({ state: 'detached', timeout: PAGE_TIMEOUT_MS });
}

function sortedLines(csv: string): string[] {
  const [header, ...rows] = csv.split('\r\n');
  return [header!, ...rows.sort()];
}

/** Repeated breaches since 2019 per region, from the API's plain list, grouped here. */
async function countByRegion(post: Post): Promise<Map<string, number>> {
  const rows = await readRepeatedBreachRows(post, { ...NO_FILTERS, from: SINCE });
  expect(rows.length, 'repeated breaches since 2019 in the seed sample').toBeGreaterThan(0);
  const counts = new Map<string, number>();
  for (const row of rows) {
    const region = row.location.region ?? '(no region)';
    counts.set(region, (counts.get(region) ?? 0) + 1);
  }
  return counts;
}

describe('the analyst question on the seed sample (headless Chromium, offline)', () => {
  let graph: TestGraph;
  let server: RunningServer;
  let browser: OfflineBrowser;
  let origin: string;
  let post: Post;
  const pageErrors: string[] = [];
  const warnings: string[] = [];

  beforeAll(async () => {
    graph = connectTestGraph();
    await resetTestGraph(graph);
    // What `npm start` does on an empty graph: the seed load with the generated sample, then the
    // summaries once it serves.
    await runMigrations(graph.db, { seedDir: SEED_DIR, log: () => {} });
    await refreshSummaries(graph.db, { onlyStale: true });
    server = await startServer({ host: '127.0.0.1', port: 0, ingestToken: null }, graph.db);
    origin = `http://127.0.0.1:${server.port}`;
    post = createTestPost(`${origin}/graphql`);
    browser = await launchOfflineBrowser({
      acceptDownloads: true,
      viewport: { width: 1300, height: 900 },
    });
    browser.context.setDefaultTimeout(PAGE_TIMEOUT_MS);
    browser.context.on('page', (page) => {
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'warning') warnings.push(message.text());
      });
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await graph?.close();
  });

  /** The panel's bars against the test's rows, and its CSV download against them too. */
  async function checkPanel<Row>(
    page: Page,
    panel: PanelData<Row>,
    filters: InsightFilters,
    expected: Row[],
  ): Promise<Locator> {
    const section = page.locator(`section[data-panel="${panel.id}"]`);
    expect(
      await section.getAttribute('data-state'),
      `${panel.id}: ${await section.locator('.panel-body').textContent()}`,
    ).toBe('ready');
    const titles = await section.locator(MARK_TITLES).allTextContents();
    expect(titles.sort(), `${panel.id} marks`).toEqual(
      expected.map((row) => panel.markTitle(row)).sort(),
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(buildCsvFileName(panel.id, filters));
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(sortedLines(csv), `${panel.id} CSV`).toEqual(
      sortedLines(toCsv(panel.columns, expected)),
    );
    return section;
  }

  it(
    'answers which regulations are breached again and again in the North West since 2019, and by which provider groups',
    async () => {
      const counts = await countByRegion(post);
      const region = REGION;
      console.log(`repeated breaches since ${SINCE} by region: ${JSON.stringify([...counts])}`);
      expect(counts.get(region) ?? 0, 'North West repeated breaches since 2019').toBeGreaterThan(0);

      const page = await browser.context.newPage();
      await page.goto(`${origin}/insights`);
      await waitForPanels(page);
      // As an analyst would: type the region, pick the start date, apply.
      await page.locator('input[name="region"]').fill(region);
      await page.locator('input[name="from"]').fill(SINCE);
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.waitForURL(/\/insights\?/);
      const filters = readFilters(new URL(page.url()).search);
      expect(filters).toEqual({ ...NO_FILTERS, region, from: SINCE });
      await page
        .locator('section[data-panel="provider-groups"][data-state="loading"]')
        .waitFor({ state: 'detached' });
      await waitForPanels(page);

      const regulations = await expectRepeatedRegulations(post, filters);
      expect(regulations.length).toBeGreaterThan(0);
      await checkPanel(page, repeatedRegulationsPanel, filters, regulations);
      const groups = await expectProviderGroups(post, filters);
      expect(groups.length).toBeGreaterThan(0);
      const groupSection = await checkPanel(page, providerGroupsPanel, filters, groups);
      // Every provider is in a group (alone if nothing links it), the seed load groups them.
      console.log(`provider groups panel: ${JSON.stringify(groups)}`);
      expect(groups.some((row) => row.group.startsWith('provider-group:'))).toBe(true);
      // Both panels' grouped counts take the region: the API counts, nothing is applied here.
      expect(await groupSection.locator('.panel-notes').textContent()).toContain(
        'Counted by the API',
      );
      expect(await groupSection.locator('.panel-notes').textContent()).not.toContain(
        'applied here',
      );

      // themeTrends takes the region now: the theme panel's points are the region's, over its
      // own inspections, and it says nothing is ignored.
      const themes = await expectThemeRates(post, filters);
      expect(themes.length).toBeGreaterThan(0);
      const themeSection = await checkPanel(page, themeRatesPanel, filters, themes);
      expect(await themeSection.locator('.panel-notes li').count()).toBe(0);
      const everywhereThemes = await expectThemeRates(post, { ...NO_FILTERS, from: SINCE });
      const titlesOf = (rows: typeof themes) =>
        rows.map((row) => themeRatesPanel.markTitle(row)).sort();
      expect(titlesOf(themes)).not.toEqual(titlesOf(everywhereThemes));
      // Plot draws a ⚠ in a chart when it warns; none on any panel.
      expect(await page.locator('section[data-panel] svg').getByText('⚠').count()).toBe(0);

      // The synthetic-data banner from the generated sample itself (health.syntheticData).
      await page.locator('body[data-synthetic-data="true"]').waitFor();
      expect(await page.locator('.synthetic-banner').textContent()).toBe(SYNTHETIC_NOTICE);
      await page.screenshot({
        path: path.join(SCREENSHOTS, 'analyst-question.png'),
        fullPage: true,
      });
      // The region narrows the answer: asked for a region with no repeated breach since 2019,
      // both panels are empty, as the test's rows.
      const { regions } = await post<{ regions: { name: string }[] }>('{ regions { name } }');
      const emptyRegion = regions.map((r) => r.name).find((name) => !counts.has(name))!;
      const emptyFilters = { ...filters, region: emptyRegion };
      expect(await expectRepeatedRegulations(post, emptyFilters)).toEqual([]);
      await page.locator('input[name="region"]').fill(emptyRegion);
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.waitForURL((url) => readFilters(url.search).region === emptyRegion);
      await page
        .locator('section[data-panel="repeated-regulations"] p.empty')
        .waitFor({ timeout: PAGE_TIMEOUT_MS });
      await waitForPanels(page);
      for (const panel of [repeatedRegulationsPanel, providerGroupsPanel])
        expect(
          await page.locator(`section[data-panel="${panel.id}"]`).locator(MARK_TITLES).count(),
        ).toBe(0);

      // The provider group filter, chosen in the form (the group of the most locations), goes to
      // themeTrends: the theme panel's points are the group's locations', counted here.
      const { providerGroups } = await post<{
        providerGroups: { nodes: { id: string; locationCount: number }[] };
      }>('{ providerGroups(minProviders: 1, first: 100) { nodes { id locationCount } } }');
      const group = [...providerGroups.nodes].sort((x, y) => y.locationCount - x.locationCount)[0]!;
      await page.locator('input[name="region"]').fill('');
      await page.locator('input[name="from"]').fill('');
      await page.locator('select[name="providerGroup"]').selectOption(group.id);
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.waitForURL((url) => readFilters(url.search).providerGroup === group.id);
      await page
        .locator('section[data-panel="theme-rates"][data-state="loading"]')
        .waitFor({ state: 'detached' });
      await waitForPanels(page);
      const groupFilters = { ...NO_FILTERS, providerGroup: group.id };
      const groupThemes = await expectThemeRates(post, groupFilters);
      console.log(`provider group ${group.id}: ${groupThemes.length} theme points`);
      await checkPanel(page, themeRatesPanel, groupFilters, groupThemes);
      await page.screenshot({
        path: path.join(SCREENSHOTS, 'provider-group.png'),
        fullPage: true,
      });

      await page.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "marks a generated location on its profile, from the sample's own flags",
    async () => {
      const { locations } = await post<{ locations: { nodes: { id: string }[] } }>(
        '{ locations(first: 1, filter: { synthetic: true }) { nodes { id } } }',
      );
      const id = locations.nodes[0]!.id;
      const page = await browser.context.newPage();
      await page.goto(`${origin}/locations/${encodeURIComponent(id)}`);
      await page.locator('#insights[data-state="ready"]').waitFor();
      expect(await page.locator('.synthetic-banner').textContent()).toBe(SYNTHETIC_NOTICE);
      expect(await page.locator('.synthetic-location').textContent()).toBe(
        SYNTHETIC_LOCATION_NOTICE,
      );
      await page.screenshot({ path: path.join(SCREENSHOTS, 'location-synthetic.png') });
      await page.close();
    },
    TEST_TIMEOUT_MS,
  );

  it('tried no other host, threw no page error and Plot warned of nothing', () => {
    expect(browser.blockedUrls).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
