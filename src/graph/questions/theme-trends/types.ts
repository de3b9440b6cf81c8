/** What themeTrends is asked and what it answers. */
import type { ThemeRow } from '../../rows.ts';

export type TrendInterval = 'YEAR' | 'QUARTER' | 'MONTH';

export interface ThemeTrendArgs {
  themes: string[] | null;
  from: string | null;
  to: string | null;
  interval: TrendInterval;
  polarity: string | null;
  /** true: only generated inspections; false: only real; null: both. */
  synthetic?: boolean | null;
}

export interface ThemeTrendRow {
  themeId: string;
  periodStart: string;
  period: string;
  findingCount: number;
  inspectionCount: number;
  /** Read in the same query, so resolvers need no more round trips. */
  theme: ThemeRow;
}
