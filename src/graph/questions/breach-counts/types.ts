/** What breachCounts is asked and what it answers. */
import type { AnswerSort } from '../../answer-sort.ts';
import type { AnswerPage, PageArgs } from '../../page.ts';
import type { LegislationRow, ProviderRow, RegulationRow } from '../../rows.ts';

export type BreachGroup =
  | 'REGULATION'
  | 'LEGISLATION'
  | 'REGULATOR'
  | 'YEAR'
  | 'REGION'
  | 'LOCAL_AUTHORITY'
  | 'PROVIDER'
  | 'PROVIDER_GROUP';

export interface BreachCountArgs extends PageArgs {
  groupBy: BreachGroup[];
  f: {
    regulator: string | null;
    legislation: string | null;
    regulation: string | null;
    from: string | null;
    to: string | null;
    region: string | null;
    localAuthority: string | null;
    providerId: string | null;
    /** true: only generated inspections; false: only real; null: both. */
    synthetic?: boolean | null;
    /** Optional: a map without it reads as null in Cypher. */
    providerGroupId?: string | null;
  };
  /** Null or absent for the documented order. */
  sort?: AnswerSort<BreachCountSortField> | null;
  /**
   * False when nobody reads the rates: their denominators count every inspection in the scope
   * (about a second unfiltered at tier L), so a request that selects neither rate nor sorts by
   * one skips them. Absent reads as true.
   */
  withRates?: boolean | null;
}

export type BreachCountSortField =
  | 'REQUIREMENT_COUNT'
  | 'LOCATION_COUNT'
  | 'INSPECTION_COUNT'
  | 'INSPECTIONS_IN_GROUP'
  | 'REQUIREMENTS_PER_100_INSPECTIONS';

export interface BreachCountRow {
  regulationId: string | null;
  legislationId: string | null;
  regulator: string | null;
  year: number | null;
  region: string | null;
  localAuthority: string | null;
  providerId: string | null;
  providerGroupId: string | null;
  requirementCount: number;
  locationCount: number;
  inspectionCount: number;
  /**
   * The rate's denominator: inspections whose own report is loaded, in the filter and in the
   * row's regulator, year, region, local authority and provider where grouped by them, whatever
   * their requirements (regulation and legislation do not narrow it).
   */
  inspectionsInGroup: number;
  /** requirementCount × 100 / inspectionsInGroup. */
  requirementsPer100Inspections: number;
  /** The nodes of the groups asked for, read in the same query so resolvers need no more round trips. */
  regulation: RegulationRow | null;
  legislation: LegislationRow | null;
  provider: ProviderRow | null;
}

export type BreachCountPage = AnswerPage<BreachCountRow>;
