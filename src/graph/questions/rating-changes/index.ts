/** ratingChanges: overall grades that went up, down or stayed, between consecutive inspections. */
export { findRatingChanges } from './exact-query.ts';
export type { RatingChangeArgs, RatingChangeRow } from './types.ts';
