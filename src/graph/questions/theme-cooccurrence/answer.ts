/** The answer to themeCooccurrence: from the summary when it answers exactly, else the exact query. */
import type { Database } from '../../../db/executor.ts';
import { readFreshSummaryPage } from '../../summaries/graph-version.ts';
import { splitAtWholeMonths } from '../../summaries/month-windows.ts';
import { findThemeCooccurrenceExactly } from './exact-query.ts';
import { isCooccurrenceAnsweredBySummary, themeCooccurrenceSummaryQuery } from './summary.ts';
import type { ThemeCooccurrenceArgs, ThemeCooccurrencePage } from './types.ts';
import { isWindowAnsweredBySummary, themeCooccurrenceWindowQuery } from './window-summary.ts';

/** The bounds of a window open at an end: every month cell lies between them. */
const FIRST_MONTH = '0001-01-01';
const LAST_MONTH = '9999-12-31';

export async function findThemeCooccurrence(
  db: Database,
  args: ThemeCooccurrenceArgs,
): Promise<ThemeCooccurrencePage> {
  const { f, ...page } = args;
  const sort = args.sort ?? null;
  if (isCooccurrenceAnsweredBySummary(f)) {
    const answer = await readFreshSummaryPage(db, themeCooccurrenceSummaryQuery, {
      polarity: f.polarity,
      regulator: f.regulator,
      region: f.region,
      synthetic: f.synthetic,
      themes: f.themes,
      regulation: f.regulation,
      ...page,
      sort,
    });
    if (answer) return answer;
  } else if (isWindowAnsweredBySummary(f)) {
    // A window holding no whole month is a few weeks, which the exact query reads from its seek.
    const split = splitAtWholeMonths(f.from, f.to);
    if (split?.months) {
      const answer = await readFreshSummaryPage(db, themeCooccurrenceWindowQuery, {
        f,
        ...page,
        sort,
        monthsFrom: split.months.from ?? FIRST_MONTH,
        monthsTo: split.months.to ?? LAST_MONTH,
        edges: split.edges,
      });
      if (answer) return answer;
    }
  }
  return findThemeCooccurrenceExactly(db, args);
}
