/** themeCooccurrence: pairs of themes that tag the same findings, ranked. */
export { findThemeCooccurrence } from './answer.ts';
export { findThemeCooccurrenceExactly } from './exact-query.ts';
export { themeCooccurrenceSummary } from './summary.ts';
export type {
  ThemeCooccurrenceArgs,
  ThemeCooccurrencePage,
  ThemePairRow,
  ThemePairSortField,
} from './types.ts';
