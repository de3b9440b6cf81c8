/**
 * The insights dashboard (/insights), a location profile (/locations/:id) and a report's
 * passages (/reports/:sha256) in headless Chromium (support/offline-browser.ts), offline, against the real Neo4j
 * of the global setup holding the seeds and the multi-inspection fixtures. Each panel's marks and
 * CSV are compared with rows the test computes from the API's own lists (support/insights-expected.ts).
 * Screenshots go to test-results/insights/ (git-ignored).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../src/server/insights/csv.ts';
import {
  buildCsvFileName,
  NO_FILTERS,
  writeFilters,
  type InsightFilters,
} from '../../src/server/insights/insights-filters.ts';
import {
  enforcementPanel,
  providerGroupsPanel,
  ratingChangesPanel,
  repeatedRegulationsPanel,
  requirementRatesPanel,
  themeRatesPanel,
  type PanelData,
} from '../../src/server/insights/panels/index.ts';
import { startApiFixture, type ApiFixture } from '../support/api-fixture.ts';
import {
  createTestPost,
  expectEnforcement,
  expectProviderGroups,
  expectRatingChanges,
  expectRepeatedRegulations,
  expectRequirementRates,
  expectThemeRates,
} from './support/insights-expected.ts';
import { launchOfflineBrowser, type OfflineBrowser } from './support/offline-browser.ts';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/insights');

type Expect = (
  post: ReturnType<typeof createTestPost>,
  filters: InsightFilters,
) => Promise<unknown[]>;

/** Every panel, with the test's own computation of the rows it must plot. */
const PANELS: [PanelData<never>, Expect][] = [
  [repeatedRegulationsPanel, expectRepeatedRegulations],
  [requirementRatesPanel, expectRequirementRates],
  [themeRatesPanel, expectThemeRates],
  [ratingChangesPanel, expectRatingChanges],
  [enforcementPanel, expectEnforcement],
  [providerGroupsPanel, expectProviderGroups],
] as unknown as [PanelData<never>, Expect][];

/**
 * How long a page may take to show its data. Not a performance check (that is in bench/): the
 * first page after start waits for the bundle, and other suites may load the 2-core machine.
 */
const PAGE_TIMEOUT_MS = 180_000;
/** Per test: a page load, then for each panel its own API calls and a download. */
const TEST_TIMEOUT_MS = 600_000;

const FILTERED: InsightFilters = { ...NO_FILTERS, regulator: 'OFSTED', from: '2022-01-01' };

const MARK_TITLES =
  'svg [aria-label="bar"] title, svg [aria-label="cell"] title, svg [aria-label="dot"] title';

async function waitForPanels(page: Page): Promise<void> {
  await page.locator('section[data-panel]').nth(5).waitFor({ timeout: PAGE_TIMEOUT_MS });
  await page
    .locator('section[data-panel][data-state="loading"]')
    .first()
    .waitFor({ state: 'detached', timeout: PAGE_TIMEOUT_MS });
}

/** The fixture graph holds no generated report: once the page has read the flag, no banner. */
async function expectNoSyntheticBanner(page: Page): Promise<void> {
  await page.locator('body[data-synthetic-data="false"]').waitFor({ timeout: PAGE_TIMEOUT_MS });
  expect(await page.locator('.synthetic-banner, .synthetic-location').count()).toBe(0);
}

function sortedLines(csv: string): string[] {
  const [header, ...rows] = csv.split('\r\n');
  return [header!, ...rows.sort()];
}

describe('insights pages (headless Chromium, offline)', () => {
  let api: ApiFixture;
  let browser: OfflineBrowser;
  let origin: string;
  let post: ReturnType<typeof createTestPost>;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    api = await startApiFixture({ ingestToken: null });
    origin = `http://127.0.0.1:${api.server.port}`;
    post = createTestPost(`${origin}/graphql`);
    browser = await launchOfflineBrowser({
      acceptDownloads: true,
      viewport: { width: 1300, height: 900 },
    });
    browser.context.setDefaultTimeout(PAGE_TIMEOUT_MS);
    browser.context.on('page', (page) =>
      page.on('pageerror', (error) => pageErrors.push(error.message)),
    );
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  /** Each panel's marks and CSV against the test's own rows, on the dashboard for `filters`. */
  async function checkPanels(label: string, filters: InsightFilters, everyPanelHasRows: boolean) {
    const page = await browser.context.newPage();
    const search = writeFilters(filters);
    await page.goto(`${origin}/insights${search ? `?${search}` : ''}`);
    await waitForPanels(page);
    for (const [panel, expectRows] of PANELS) {
      const section = page.locator(`section[data-panel="${panel.id}"]`);
      expect(
        await section.getAttribute('data-state'),
        `${panel.id}: ${await section.locator('.panel-body').textContent()}`,
      ).toBe('ready');
      const expected = await expectRows(post, filters);
      if (everyPanelHasRows)
        expect(expected.length, `${panel.id} has rows to compare`).toBeGreaterThan(0);
      const titles = await section.locator(MARK_TITLES).allTextContents();
      expect(titles.sort(), `${panel.id} marks (${label})`).toEqual(
        expected.map((row) => panel.markTitle(row as never)).sort(),
      );
      if (panel.exportPath) await checkServerExport(section, panel, filters, expected);
      if (expected.length === 0) continue;

      // The CSV holds exactly the plotted rows, with a header and the filters in its name.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        section.getByRole('button', { name: 'Download CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(buildCsvFileName(panel.id, filters));
      const csv = readFileSync((await download.path())!, 'utf8');
      expect(sortedLines(csv), `${panel.id} CSV`).toEqual(
        sortedLines(toCsv(panel.columns, expected as never[])),
      );
    }
    await expectNoSyntheticBanner(page);
    if (filters === NO_FILTERS)
      await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard.png'), fullPage: true });
    await page.close();
  }

  /**
   * The heatmap's "Full CSV from the API" link is the server's export of breachCounts by region
   * and year under the same filters: one line per cell, with the test's own counts.
   */
  async function checkServerExport(
    section: ReturnType<Page['locator']>,
    panel: PanelData<never>,
    filters: InsightFilters,
    expected: unknown[],
  ) {
    const href = await section.locator('a.export').getAttribute('href');
    expect(href).toBe(panel.exportPath!(filters));
    const response = await fetch(`${origin}${href}`);
    expect(response.status).toBe(200);
    const [header, ...lines] = (await response.text()).split('\r\n').filter(Boolean);
    const columns = header!.split(',');
    const cells = lines.map((line) => {
      const fields = line.split(',');
      const field = (name: string) => fields[columns.indexOf(name)]!;
      return `${field('region') || '(no region)'}|${field('year')}|${field('requirementCount')}|${field('inspectionsInGroup')}`;
    });
    const rows = expected as {
      region: string;
      year: number;
      requirements: number;
      inspections: number;
    }[];
    expect(cells.sort()).toEqual(
      rows.map((row) => `${row.region}|${row.year}|${row.requirements}|${row.inspections}`).sort(),
    );
  }

  it.each([
    ['no filters', NO_FILTERS],
    ['OFSTED from 2022', FILTERED],
  ])(
    'plots on every panel the rows the API gives (%s)',
    (label, filters) => checkPanels(label, filters, true),
    TEST_TIMEOUT_MS,
  );

  it(
    'passes a region (by code, lower case) to the questions that take it, and filters the rest by location',
    async () => {
      // The fixture graph is small: none of its locations has a region (nor a provider group:
      // its setup computes none). So every panel filtered by a region, asked by its ONS code in
      // lower case, must be empty as the test's own rows are (the themes too: themeTrends takes
      // the region). Regions with data: insights-analyst.test.ts, on the seed sample.
      const { regions } = await post<{ regions: { code: string }[] }>('{ regions { code } }');
      expect(regions.length, 'the regions lookup lists the nine regions').toBe(9);
      await checkPanels(
        'region by code',
        { ...NO_FILTERS, region: regions[0]!.code.toLowerCase() },
        false,
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'keeps the filters in the URL when applied from the form',
    async () => {
      const page = await browser.context.newPage();
      await page.goto(`${origin}/insights`);
      await waitForPanels(page);
      await page.locator('select[name="regulator"]').selectOption('OFSTED');
      await page.locator('input[name="from"]').fill('2022-01-01');
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.waitForURL(`${origin}/insights?${writeFilters(FILTERED)}`);
      await waitForPanels(page);
      const titles = await page
        .locator('section[data-panel="enforcement"]')
        .locator(MARK_TITLES)
        .allTextContents();
      const expected = await expectEnforcement(post, FILTERED);
      expect(titles.sort()).toEqual(expected.map((row) => enforcementPanel.markTitle(row)).sort());
      await page.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'opens the operation behind a panel in the explorer, with its variables, and it runs',
    async () => {
      const page = await browser.context.newPage();
      await page.goto(`${origin}/insights?${writeFilters(FILTERED)}`);
      await waitForPanels(page);
      const [explorer] = await Promise.all([
        browser.context.waitForEvent('page'),
        page.locator('section[data-panel="enforcement"] a.explore').click(),
      ]);
      await explorer.waitForLoadState();
      await explorer
        .locator('.graphiql-query-editor')
        .getByText('query DashboardEnforcement')
        .waitFor();
      const variables = await explorer
        .locator('.graphiql-editor-tool .CodeMirror')
        .first()
        .evaluate((element) =>
          (element as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue(),
        );
      expect(JSON.parse(variables)).toEqual(enforcementPanel.variables(FILTERED));
      await explorer.getByRole('button', { name: 'Execute query (Ctrl-Enter)' }).click();
      await explorer
        .locator('section.result-window')
        .filter({ hasText: '"enforcementActionCounts"' })
        .waitFor();
      await explorer.close();
      await page.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'links a location to its profile, and a finding there to its sentence in the source report',
    async () => {
      const page = await browser.context.newPage();
      await page.goto(`${origin}/insights`);
      await waitForPanels(page);
      await page
        .locator('section[data-panel="repeated-regulations"] a[data-location="ofsted:SC999001"]')
        .click();
      await page.waitForURL(`${origin}/locations/ofsted%3ASC999001`);
      await page.locator('#insights[data-state="ready"]').waitFor({ timeout: PAGE_TIMEOUT_MS });

      // The timeline has every inspection of the location the API lists.
      const { location } = await post<{ location: { inspections: { totalCount: number } } }>(
        '{ location(id: "ofsted:SC999001") { inspections { totalCount } } }',
      );
      expect(await page.locator('table.timeline tbody tr').count()).toBe(
        location.inspections.totalCount,
      );
      // Hand-checked in the fixture reports: 2022 required action under regulations 12 and 23;
      // 2023 under 12 again (and 13), so 12 was not met and 23 was.
      const requirementRows = (
        await page.locator('table.requirements tbody tr').allInnerTexts()
      ).map((row) => row.split('\t').slice(0, 2).concat(row.split('\t')[4]!));
      expect(requirementRows).toEqual(
        expect.arrayContaining([
          ['2022-03-08', 'CHR2015:12', 'not met: required again (2023-02-14)'],
          ['2022-03-08', 'CHR2015:23', 'met (2023-02-14)'],
          ['2023-02-14', 'CHR2015:12', 'no later inspection yet'],
        ]),
      );
      await expectNoSyntheticBanner(page);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'location.png'), fullPage: true });

      const finding = page.locator('li.finding').first();
      const findingId = await finding.getAttribute('data-finding');
      const { finding: expected } = await post<{
        finding: { text: string; source: { line: number; report: { sha256: string } } };
      }>('query ($id: ID!) { finding(id: $id) { text source { line report { sha256 } } } }', {
        id: findingId,
      });
      await finding.locator('a.source').click();
      await page.waitForURL(
        `${origin}/reports/${expected.source.report.sha256}#L${expected.source.line}`,
      );
      await page.locator('#insights[data-state="ready"]').waitFor({ timeout: PAGE_TIMEOUT_MS });
      const target = page.locator(`li.passage[data-id="${findingId}"]`);
      expect(await target.locator('.text').textContent()).toBe(expected.text);
      expect(await target.getAttribute('data-line')).toBe(String(expected.source.line));
      expect(await page.locator(':target').getAttribute('data-line')).toBe(
        String(expected.source.line),
      );
      await expectNoSyntheticBanner(page);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'report.png') });
      await page.close();
    },
    TEST_TIMEOUT_MS,
  );

  it('tried no other host and threw no page error', () => {
    expect(browser.blockedUrls).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
