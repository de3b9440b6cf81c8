/**
 * The insights pages' browser code, bundled in memory at start like the explorer's: `insights`
 * (the dashboard, with Observable Plot) and `profile` (the location and report pages, without
 * it), each a JS file and a CSS file.
 */
import { fileURLToPath } from 'node:url';
import { buildBrowserBundle, cacheBundle } from '../browser-bundle.ts';

const entry = (name: string): string =>
  fileURLToPath(new URL(`./client/${name}.ts`, import.meta.url));

export const INSIGHTS_ENTRIES = {
  insights: entry('insights-client'),
  profile: entry('profile-client'),
};

export type InsightsEntry = keyof typeof INSIGHTS_ENTRIES;

export const loadInsightsBundle = cacheBundle(() => buildBrowserBundle(INSIGHTS_ENTRIES));
