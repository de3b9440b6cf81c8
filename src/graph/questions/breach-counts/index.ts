/** breachCounts: requirements, inspections and locations per regulation, year, place, provider. */
export { countBreaches } from './answer.ts';
export { countBreachesExactly } from './exact-query.ts';
export { breachCountsSummary } from './summary.ts';
export { breachCountsDatedSummary } from './dated-summary.ts';
export { breachCountsYearCellSummary } from './year-cells.ts';
export type {
  BreachCountArgs,
  BreachCountPage,
  BreachCountRow,
  BreachCountSortField,
  BreachGroup,
} from './types.ts';
