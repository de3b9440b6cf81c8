/** themeTrends: findings and inspections per theme per year, quarter or month. */
export { findThemeTrends } from './answer.ts';
export { findThemeTrendsExactly } from './exact-query.ts';
export { themeTrendsSummary } from './summary.ts';
export type { ThemeTrendArgs, ThemeTrendRow, ThemeTrendSortField, TrendInterval } from './types.ts';
