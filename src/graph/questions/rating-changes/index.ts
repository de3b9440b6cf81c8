/** ratingChanges: overall grades that went up, down or stayed, between consecutive inspections. */
export { findRatingChanges } from './answer.ts';
export { findRatingChangesExactly } from './exact-query.ts';
export { ratingChangesSummary } from './summary.ts';
export type { RatingChangeArgs, RatingChangePage, RatingChangeRow } from './types.ts';
export { countRatingChanges, type RatingChangeCountRow } from './grouped-counts.ts';
