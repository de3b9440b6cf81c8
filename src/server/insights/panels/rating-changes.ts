/** Panel: rating changes per year (down, same, up) per regulator, from ratingChangeCounts. */
import { defineGroupedCountPanel } from './grouped-count-panel.ts';

export const DIRECTIONS = ['DOWN', 'SAME', 'UP'] as const;

export interface RatingChangeRow {
  regulator: string;
  year: number;
  direction: string;
  changes: number;
}

export const UNKNOWN_REGULATOR = 'UNKNOWN';

interface ChangeCountNode {
  regulator: string | null;
  year: number;
  direction: string;
  changeCount: number;
}

export const ratingChangesPanel = defineGroupedCountPanel<ChangeCountNode, RatingChangeRow>({
  id: 'rating-changes',
  title: 'Rating changes per year, by regulator',
  description:
    'Consecutive inspections of a location whose overall grade went down, stayed the same or went up, by the year of the later one.',
  field: 'ratingChangeCounts',
  operationName: 'DashboardRatingChanges',
  extraArguments: '',
  selection: 'regulator year direction changeCount',
  toRow: (node) => ({
    regulator: node.regulator ?? UNKNOWN_REGULATOR,
    year: node.year,
    direction: node.direction,
    changes: node.changeCount,
  }),
  columns: [
    { header: 'regulator', value: (row) => row.regulator },
    { header: 'year', value: (row) => row.year },
    { header: 'direction', value: (row) => row.direction },
    { header: 'changes', value: (row) => row.changes },
  ],
  markTitle: (row) => `${row.regulator} ${row.year} ${row.direction}: ${row.changes}`,
  countedBy:
    "Counted by the API: ratingChangeCounts counts ratingChanges' rows per regulator, year and direction in the database; year and dates are the later inspection's start.",
});
