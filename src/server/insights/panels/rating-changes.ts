/** Panel: rating changes per year (down, up, same) per regulator, from ratingChanges. */
import { yearOf } from '../insights-filters.ts';
import { LOCATION_FIELDS, type LocationFields, type PanelData } from './panel.ts';
import { matchesPlace, placeFilterNotes, type PlaceFilter } from './place-filter.ts';
import { readAllPages } from './post-graphql.ts';

/** ratingChanges takes no place argument: every place filter is applied here. */
const IN_PAGE: readonly PlaceFilter[] = ['region', 'localAuthority', 'providerGroup'];

export const DIRECTIONS = ['DOWN', 'SAME', 'UP'] as const;

export interface RatingChangeRow {
  regulator: string;
  year: number;
  direction: string;
  changes: number;
}

const OPERATION = `query DashboardRatingChanges($regulator: Regulator, $from: Date, $to: Date, $first: Int, $after: String) {
  ratingChanges(regulator: $regulator, from: $from, to: $to, first: $first, after: $after) {
    nodes {
      direction
      after { startDate regulator }
      ${LOCATION_FIELDS}
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface ChangeNode {
  direction: string;
  after: { startDate: string | null; regulator: string | null };
  location: LocationFields;
}

export const UNKNOWN_REGULATOR = 'UNKNOWN';

export const ratingChangesPanel: PanelData<RatingChangeRow> = {
  id: 'rating-changes',
  title: 'Rating changes per year, by regulator',
  description:
    'Consecutive inspections of a location whose overall grade went down, stayed the same or went up, by the year of the later one.',
  operation: OPERATION,
  variables: (filters) => ({
    regulator: filters.regulator,
    from: filters.from,
    to: filters.to,
    first: 100,
  }),
  async load(post, filters) {
    const nodes = await readAllPages(
      post,
      OPERATION,
      { regulator: filters.regulator, from: filters.from, to: filters.to },
      (data: { ratingChanges: { nodes: ChangeNode[]; pageInfo: never } }) => data.ratingChanges,
    );
    const counts = new Map<string, RatingChangeRow>();
    for (const node of nodes) {
      const year = yearOf(node.after.startDate);
      if (year === null || !matchesPlace(node.location, filters, IN_PAGE)) continue;
      const regulator = node.after.regulator ?? UNKNOWN_REGULATOR;
      const key = `${regulator}|${year}|${node.direction}`;
      const row = counts.get(key) ?? { regulator, year, direction: node.direction, changes: 0 };
      row.changes += 1;
      counts.set(key, row);
    }
    return [...counts.values()].sort(
      (a, b) =>
        a.regulator.localeCompare(b.regulator) ||
        a.year - b.year ||
        DIRECTIONS.indexOf(a.direction as never) - DIRECTIONS.indexOf(b.direction as never),
    );
  },
  columns: [
    { header: 'regulator', value: (row) => row.regulator },
    { header: 'year', value: (row) => row.year },
    { header: 'direction', value: (row) => row.direction },
    { header: 'changes', value: (row) => row.changes },
  ],
  markTitle: (row) => `${row.regulator} ${row.year} ${row.direction}: ${row.changes}`,
  filterNotes: placeFilterNotes('ratingChanges', IN_PAGE),
  countedHere:
    'Counted here: ratingChanges gives one row per change, with no count per year, so the page counts its rows by regulator, year and direction.',
};
