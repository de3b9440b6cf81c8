/**
 * The stamp kind of themeCooccurrence's summary, whose cells are `ThemeSetCell` (summary.ts) and
 * `ThemeSetMonthCell` (window-summary.ts), rebuilt together. Versioned, with cells under their
 * own labels: a graph stamped by an earlier layout (unfiltered `ThemePairSummary` counts;
 * `ThemePairCell`, v2, without the region; `ThemePairRegionCell`, v3, pair counts without the
 * flag, theme sets or regulations) is neither read nor deleted by this one
 * (retire-legacy-summaries.ts deletes them at start).
 */
export const THEME_COOCCURRENCE_KIND = 'theme-cooccurrence-v4';
