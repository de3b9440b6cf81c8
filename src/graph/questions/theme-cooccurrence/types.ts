/** What themeCooccurrence answers (its filter is the findings filter, graph/filters.ts). */
import type { AnswerSort } from '../../answer-sort.ts';
import type { FindingParams } from '../../filters.ts';
import type { AnswerPage, PageArgs } from '../../page.ts';
import type { ThemeRow } from '../../rows.ts';

export type ThemePairSortField = 'FINDING_COUNT' | 'JACCARD';

/** The order asked for: null or absent for the documented one. */
export interface ThemePairOrder {
  sort?: AnswerSort<ThemePairSortField> | null;
}

export interface ThemeCooccurrenceArgs extends PageArgs, ThemePairOrder {
  f: FindingParams;
}

export interface ThemePairRow {
  firstId: string;
  secondId: string;
  findingCount: number;
  jaccard: number;
  /** Read in the same query, so resolvers need no more round trips. */
  first: ThemeRow;
  second: ThemeRow;
}

export type ThemeCooccurrencePage = AnswerPage<ThemePairRow>;
