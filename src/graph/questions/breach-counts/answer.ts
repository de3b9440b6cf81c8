/**
 * The answer to breachCounts: from the shape cells when they sum it exactly, else from the year
 * cells when it has no place, provider or group, else from the dated cells, else (a summary
 * stale) the exact query.
 */
import type { Database } from '../../../db/executor.ts';
import { readFreshSummaryPage } from '../../summaries/graph-version.ts';
import { breachCountsDatedQuery, toDatedSummaryParams } from './dated-summary.ts';
import { countBreachesExactly } from './exact-query.ts';
import { breachCountsSummaryQuery, toBreachSummaryParams } from './summary.ts';
import type { BreachCountArgs, BreachCountPage } from './types.ts';
import { breachCountsYearCellQuery, toYearCellParams } from './year-cells.ts';

/** The summary read's page, or null when no summary answers these arguments or it is stale. */
async function readSummaryPage(
  db: Database,
  args: BreachCountArgs,
): Promise<BreachCountPage | null> {
  const shaped = toBreachSummaryParams(args);
  if (shaped) return readFreshSummaryPage(db, breachCountsSummaryQuery(shaped), shaped);
  const years = toYearCellParams(args);
  if (years) {
    const page = await readFreshSummaryPage(db, breachCountsYearCellQuery(years), years);
    if (page) return page;
  }
  const dated = toDatedSummaryParams(args);
  return dated ? readFreshSummaryPage(db, breachCountsDatedQuery(dated), dated) : null;
}

export async function countBreaches(
  db: Database,
  asked: BreachCountArgs,
): Promise<BreachCountPage> {
  const args = { ...asked, sort: asked.sort ?? null };
  return (await readSummaryPage(db, args)) ?? countBreachesExactly(db, args);
}
