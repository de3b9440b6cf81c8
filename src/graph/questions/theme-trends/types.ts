/** What themeTrends is asked and what it answers. */
import type { AnswerSort } from '../../answer-sort.ts';
import type { ThemeRow } from '../../rows.ts';

export type TrendInterval = 'YEAR' | 'QUARTER' | 'MONTH';

export type ThemeTrendSortField =
  | 'FINDING_COUNT'
  | 'INSPECTION_COUNT'
  | 'CONCERN_INSPECTION_COUNT'
  | 'INSPECTIONS_IN_PERIOD'
  | 'FINDINGS_PER_INSPECTION'
  | 'CONCERN_SHARE';

export interface ThemeTrendArgs {
  themes: string[] | null;
  from: string | null;
  to: string | null;
  interval: TrendInterval;
  polarity: string | null;
  /**
   * Count the rates' denominator (one more query); done too whatever this says when the sort is
   * by a rate or the denominator. Absent or false: the rates are null.
   */
  withRates?: boolean;
  /** Null or absent for the documented order (theme id, then period). */
  sort?: AnswerSort<ThemeTrendSortField> | null;
  /** true: only generated inspections; false: only real; null: both. */
  synthetic?: boolean | null;
  /** The inspection's regulator code; null or absent for every regulator. */
  regulator?: string | null;
  /** The location's region and local authority as stored (ONS names: graph/filters.ts toPlaceParams). */
  region?: string | null;
  localAuthority?: string | null;
  /** Only locations of this provider group. */
  providerGroupId?: string | null;
}

/** The filters on where and by whom an inspection was made; any set and no summary answers. */
export type ThemeTrendScope = Required<
  Pick<ThemeTrendArgs, 'synthetic' | 'regulator' | 'region' | 'localAuthority' | 'providerGroupId'>
>;

/** A row's counts as a query reads them, before its period's label and rates. */
export interface CountedTrendRow {
  themeId: string;
  periodStart: string;
  /** Findings about the theme of the polarity asked for, and the inspections they were made at. */
  findingCount: number;
  inspectionCount: number;
  /** Inspections with a CONCERN finding about the theme, whatever the polarity asked for. */
  concernInspectionCount: number;
  /** Read in the same query, so resolvers need no more round trips. */
  theme: ThemeRow;
}

export interface ThemeTrendRow extends CountedTrendRow {
  period: string;
  /**
   * The rates' denominator: inspections whose own report is loaded that started in the period
   * and inside from/to, whatever their findings. Null, as the rates, unless asked for.
   */
  inspectionsInPeriod: number | null;
  findingsPerInspection: number | null;
  concernShare: number | null;
}
