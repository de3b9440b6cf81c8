/**
 * Panel: theme trends as rates, concerns and strengths apart: the share of inspections (with
 * their report in the graph) that year with a concern, or a strength, about each theme.
 * themeTrends takes no regulator or place filter yet, so those are ignored here (and said so);
 * when it gives rates itself (`rates-export` branch), read them here instead.
 */
import type { InsightFilters } from '../insights-filters.ts';
import { countInspections, per100 } from './inspection-counts.ts';
import type { PanelData } from './panel.ts';

export type ThemePolarity = 'CONCERN' | 'STRENGTH';
export const THEME_POLARITIES: readonly ThemePolarity[] = ['CONCERN', 'STRENGTH'];

export interface ThemeRateRow {
  polarity: ThemePolarity;
  theme: string;
  label: string;
  year: number;
  /** Inspections with at least one finding of this polarity about the theme. */
  inspectionsWithTheme: number;
  inspections: number;
  percentOfInspections: number | null;
  findings: number;
}

const OPERATION = `query DashboardThemeTrends($from: Date, $to: Date, $polarity: Polarity) {
  themeTrends(from: $from, to: $to, interval: YEAR, polarity: $polarity) {
    theme { id label }
    period
    findingCount
    inspectionCount
  }
}`;

interface TrendPoint {
  theme: { id: string; label: string };
  period: string;
  findingCount: number;
  inspectionCount: number;
}

export const themeRatesPanel: PanelData<ThemeRateRow> = {
  id: 'theme-rates',
  title: 'Themes over time: share of inspections with a concern, and with a strength',
  description:
    'For each theme and year, the percentage of inspections (report in the graph) with at least one concern, or strength, about it.',
  operation: OPERATION,
  variables: (filters) => ({ from: filters.from, to: filters.to, polarity: 'CONCERN' }),
  async load(post, filters) {
    const trends = await Promise.all(
      THEME_POLARITIES.map(async (polarity) => {
        const data = await post<{ themeTrends: TrendPoint[] }>(OPERATION, {
          from: filters.from,
          to: filters.to,
          polarity,
        });
        return data.themeTrends.map((point) => ({ polarity, point }));
      }),
    );
    const points = trends.flat();
    const years = [...new Set(points.map(({ point }) => Number(point.period)))];
    const counts = await Promise.all(
      years.map((year) =>
        countInspections(post, { year, region: null, withFilters: false }, filters),
      ),
    );
    const inspections = new Map(years.map((year, index) => [year, counts[index]!]));
    const rows: ThemeRateRow[] = points.map(({ polarity, point }) => {
      const of = inspections.get(Number(point.period))!;
      return {
        polarity,
        theme: point.theme.id,
        label: point.theme.label,
        year: Number(point.period),
        inspectionsWithTheme: point.inspectionCount,
        inspections: of,
        percentOfInspections: per100(point.inspectionCount, of),
        findings: point.findingCount,
      };
    });
    return rows.sort(
      (a, b) =>
        a.polarity.localeCompare(b.polarity) || a.theme.localeCompare(b.theme) || a.year - b.year,
    );
  },
  columns: [
    { header: 'polarity', value: (row) => row.polarity },
    { header: 'theme', value: (row) => row.theme },
    { header: 'label', value: (row) => row.label },
    { header: 'year', value: (row) => row.year },
    { header: 'inspections with theme', value: (row) => row.inspectionsWithTheme },
    { header: 'inspections', value: (row) => row.inspections },
    { header: 'percent of inspections', value: (row) => row.percentOfInspections },
    { header: 'findings', value: (row) => row.findings },
  ],
  markTitle: (row) =>
    `${row.label}, ${row.polarity.toLowerCase()}, ${row.year}: ${row.percentOfInspections ?? '-'}% of ${row.inspections} inspections`,
  filterNotes: (filters: InsightFilters) => {
    const set = (['regulator', 'region', 'localAuthority', 'provider'] as const).filter(
      (name) => filters[name] !== null,
    );
    return set.length > 0
      ? [`${set.join(', ')}: ignored (themeTrends takes only a date window for now)`]
      : [];
  },
};
