/**
 * ratingChanges counted per regulator, year (of the later inspection) and direction, in Cypher:
 * the changes are the exact query's (same rules, same window on the later inspection's start),
 * narrowed by the place filters the grouped counts take.
 */
import { defineQuery, read } from '../../../db/query.ts';
import type { Database } from '../../../db/executor.ts';
import { PLACE_SCOPE, regulatorCodeOf, type GroupedCountScope } from '../../grouped-count-scope.ts';
import { RATING_CHANGES } from './exact-query.ts';

export interface RatingChangeCountArgs extends GroupedCountScope {
  direction: string | null;
}

export interface RatingChangeCountRow {
  /** The later inspection's regulator; null when it has none. */
  regulator: string | null;
  year: number;
  direction: string;
  changeCount: number;
}

export const ratingChangeCountsQuery = defineQuery<RatingChangeCountArgs, RatingChangeCountRow>({
  name: 'analytics.rating-changes.counts',
  cypher: `${RATING_CHANGES}
      AND ${PLACE_SCOPE}
    WITH ${regulatorCodeOf('after')} AS regulator, after.startDate.year AS year, change[0] AS direction
    RETURN regulator, year, direction, count(*) AS changeCount
    ORDER BY coalesce(regulator, ''), year, direction`,
  parse: (row) => ({
    regulator: read.optionalString(row, 'regulator'),
    year: read.number(row, 'year'),
    direction: read.string(row, 'direction'),
    changeCount: read.number(row, 'changeCount'),
  }),
});

export function countRatingChanges(
  db: Database,
  args: RatingChangeCountArgs,
): Promise<RatingChangeCountRow[]> {
  return db.read(ratingChangeCountsQuery, args);
}
