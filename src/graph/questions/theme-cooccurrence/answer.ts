/** The answer to themeCooccurrence: from the summary when it answers exactly, else the exact query. */
import type { Database } from '../../../db/executor.ts';
import { readFreshSummaryPage } from '../../summaries/graph-version.ts';
import { findThemeCooccurrenceExactly } from './exact-query.ts';
import { isCooccurrenceAnsweredBySummary, themeCooccurrenceSummaryQuery } from './summary.ts';
import type { ThemeCooccurrenceArgs, ThemeCooccurrencePage } from './types.ts';

export async function findThemeCooccurrence(
  db: Database,
  args: ThemeCooccurrenceArgs,
): Promise<ThemeCooccurrencePage> {
  const { f, ...page } = args;
  const answer = isCooccurrenceAnsweredBySummary(f)
    ? await readFreshSummaryPage(db, themeCooccurrenceSummaryQuery, {
        polarity: f.polarity,
        regulator: f.regulator,
        region: f.region,
        synthetic: f.synthetic,
        themes: f.themes,
        regulation: f.regulation,
        ...page,
        sort: args.sort ?? null,
      })
    : null;
  return answer ?? findThemeCooccurrenceExactly(db, args);
}
