/** Findings per theme per period, and pairs of themes that tag the same findings. */
import { defineQuery, read } from '../../db/query.ts';
import type { Database } from '../../db/executor.ts';
import { FINDING_PREDICATE, type FindingParams } from '../filters.ts';

export type TrendInterval = 'YEAR' | 'QUARTER' | 'MONTH';

export interface ThemeTrendArgs {
  themes: string[] | null;
  from: string | null;
  to: string | null;
  interval: TrendInterval;
  polarity: string | null;
}

export interface ThemeTrendRow {
  themeId: string;
  periodStart: string;
  period: string;
  findingCount: number;
  inspectionCount: number;
}

export const themeTrendsQuery = defineQuery<ThemeTrendArgs, Omit<ThemeTrendRow, 'period'>>({
  name: 'analytics.theme-trends',
  cypher: `
    MATCH (t:Theme)<-[:ABOUT]-(f:Finding)<-[:FOUND]-(i:Inspection)
    WHERE i.startDate IS NOT NULL
      AND ($themes IS NULL OR t.id IN $themes)
      AND ($from IS NULL OR i.startDate >= date($from))
      AND ($to IS NULL OR i.startDate <= date($to))
      AND ($polarity IS NULL OR f.polarity = $polarity)
    WITH t, f, i,
         CASE $interval
           WHEN 'YEAR' THEN date.truncate('year', i.startDate)
           WHEN 'QUARTER' THEN date.truncate('quarter', i.startDate)
           ELSE date.truncate('month', i.startDate)
         END AS periodStart
    RETURN t.id AS themeId, periodStart, count(DISTINCT f) AS findingCount, count(DISTINCT i) AS inspectionCount
    ORDER BY themeId, periodStart`,
  parse: (row) => ({
    themeId: read.string(row, 'themeId'),
    periodStart: read.string(row, 'periodStart'),
    findingCount: read.number(row, 'findingCount'),
    inspectionCount: read.number(row, 'inspectionCount'),
  }),
});

/** `2019`, `2019-Q3` or `2019-07` for the period starting on `periodStart`. */
export function labelPeriod(periodStart: string, interval: TrendInterval): string {
  const [year, month] = periodStart.split('-');
  switch (interval) {
    case 'YEAR':
      return year!;
    case 'QUARTER':
      return `${year}-Q${Math.floor((Number(month) - 1) / 3) + 1}`;
    case 'MONTH':
      return `${year}-${month}`;
    default: {
      const never: never = interval;
      throw new Error(`Unhandled interval ${String(never)}`);
    }
  }
}

export async function findThemeTrends(db: Database, args: ThemeTrendArgs): Promise<ThemeTrendRow[]> {
  const rows = await db.read(themeTrendsQuery, args);
  return rows.map((row) => ({ ...row, period: labelPeriod(row.periodStart, args.interval) }));
}

export interface ThemePairRow {
  firstId: string;
  secondId: string;
  findingCount: number;
  jaccard: number;
}

export const themeCooccurrenceQuery = defineQuery<{ f: FindingParams; first: number }, ThemePairRow>({
  name: 'analytics.theme-cooccurrence',
  cypher: `
    CALL () {
      MATCH (l:Location)<-[:OF]-(i:Inspection)-[:FOUND]->(f:Finding)-[:ABOUT]->(t:Theme)
      WHERE ${FINDING_PREDICATE}
      WITH t, count(DISTINCT f) AS tagged
      RETURN collect({id: t.id, tagged: tagged}) AS perTheme
    }
    MATCH (l:Location)<-[:OF]-(i:Inspection)-[:FOUND]->(f:Finding)-[:ABOUT]->(a:Theme), (f)-[:ABOUT]->(b:Theme)
    WHERE a.id < b.id AND ${FINDING_PREDICATE}
    WITH perTheme, a, b, count(DISTINCT f) AS both
    WITH a, b, both,
         [x IN perTheme WHERE x.id = a.id][0].tagged AS taggedA,
         [x IN perTheme WHERE x.id = b.id][0].tagged AS taggedB
    RETURN a.id AS firstId, b.id AS secondId, both AS findingCount, toFloat(both) / (taggedA + taggedB - both) AS jaccard
    ORDER BY findingCount DESC, jaccard DESC, firstId, secondId
    LIMIT $first`,
  parse: (row) => ({
    firstId: read.string(row, 'firstId'),
    secondId: read.string(row, 'secondId'),
    findingCount: read.number(row, 'findingCount'),
    jaccard: read.number(row, 'jaccard'),
  }),
});

export function findThemeCooccurrence(db: Database, f: FindingParams, first: number): Promise<ThemePairRow[]> {
  return db.read(themeCooccurrenceQuery, { f, first });
}
