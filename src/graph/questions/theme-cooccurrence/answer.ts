/** The answer to themeCooccurrence: from the summary when it answers exactly, else the exact query. */
import type { Database } from '../../../db/executor.ts';
import type { FindingParams } from '../../filters.ts';
import { readFreshSummary } from '../../summaries/graph-version.ts';
import { findThemeCooccurrenceExactly } from './exact-query.ts';
import { isCooccurrenceAnsweredBySummary, themeCooccurrenceSummaryQuery } from './summary.ts';
import type { ThemePairRow } from './types.ts';

export async function findThemeCooccurrence(
  db: Database,
  f: FindingParams,
  first: number,
): Promise<ThemePairRow[]> {
  const rows = isCooccurrenceAnsweredBySummary(f)
    ? await readFreshSummary(db, themeCooccurrenceSummaryQuery, {
        polarity: f.polarity,
        regulator: f.regulator,
        first,
      })
    : null;
  return rows ?? findThemeCooccurrenceExactly(db, f, first);
}
