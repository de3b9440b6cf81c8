/** What ratingChanges is asked and what it answers. */
import type { AnswerPage, PageArgs } from '../../page.ts';
import type { InspectionRow, LocationRow, ProviderRow } from '../../rows.ts';

export interface RatingChangeArgs extends PageArgs {
  direction: string | null;
  regulator: string | null;
  from: string | null;
  to: string | null;
  /** true: only generated inspections; false: only real; null: both. */
  synthetic?: boolean | null;
}

export interface RatingChangeRow {
  locationId: string;
  providerId: string | null;
  beforeId: string | null;
  afterId: string;
  direction: string;
  basis: string;
  /** The nodes behind the ids, read in the same query so resolvers need no more round trips. */
  location: LocationRow;
  provider: ProviderRow | null;
  before: InspectionRow | null;
  after: InspectionRow;
}

export type RatingChangePage = AnswerPage<RatingChangeRow>;
