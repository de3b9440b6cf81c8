/**
 * Panel: theme trends as rates, concerns and strengths apart: the share of inspections (with
 * their report in the graph) that year with a concern, or a strength, about each theme, as
 * themeTrends gives it (`inspectionsInPeriod`, `concernShare`, `findingsPerInspection`).
 * themeTrends takes every filter of the dashboard, so the rates' denominators are the filtered
 * inspections too.
 */
import type { InsightFilters } from '../insights-filters.ts';
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
  percentOfInspections: number;
  findings: number;
  findingsPerInspection: number;
}

const OPERATION = `query DashboardThemeTrends($from: Date, $to: Date, $polarity: Polarity, $regulator: Regulator, $region: String, $localAuthority: String, $providerGroupId: ID) {
  themeTrends(from: $from, to: $to, interval: YEAR, polarity: $polarity, regulator: $regulator, region: $region, localAuthority: $localAuthority, providerGroupId: $providerGroupId) {
    theme { id label }
    period
    findingCount
    inspectionCount
    inspectionsInPeriod
    findingsPerInspection
    concernShare
  }
}`;

/** The operation's variables for one polarity: every dashboard filter goes to themeTrends. */
function trendVariables(filters: InsightFilters, polarity: ThemePolarity): Record<string, unknown> {
  return {
    from: filters.from,
    to: filters.to,
    polarity,
    regulator: filters.regulator,
    region: filters.region,
    localAuthority: filters.localAuthority,
    providerGroupId: filters.providerGroup,
  };
}

interface TrendPoint {
  theme: { id: string; label: string };
  period: string;
  findingCount: number;
  inspectionCount: number;
  inspectionsInPeriod: number;
  findingsPerInspection: number;
  concernShare: number;
}

/** A share (0 to 1) as a percentage, or a ratio, to one decimal / two decimals. */
const percent = (share: number): number => Math.round(share * 100 * 10) / 10;
const twoDecimals = (ratio: number): number => Math.round(ratio * 100) / 100;

/**
 * The API gives the concern share itself; for strengths it gives the count of inspections with
 * one (`inspectionCount` when asked for STRENGTH) over the same denominator, so that one division
 * stays here.
 */
function shareOf(polarity: ThemePolarity, point: TrendPoint): number {
  if (polarity === 'CONCERN') return point.concernShare;
  return point.inspectionsInPeriod > 0 ? point.inspectionCount / point.inspectionsInPeriod : 0;
}

export const themeRatesPanel: PanelData<ThemeRateRow> = {
  id: 'theme-rates',
  title: 'Themes over time: share of inspections with a concern, and with a strength',
  description:
    'For each theme and year, the percentage of inspections (report in the graph) with at least one concern, or strength, about it.',
  operation: OPERATION,
  variables: (filters) => trendVariables(filters, 'CONCERN'),
  async load(post, filters) {
    const trends = await Promise.all(
      THEME_POLARITIES.map(async (polarity) => {
        const data = await post<{ themeTrends: TrendPoint[] }>(
          OPERATION,
          trendVariables(filters, polarity),
        );
        return data.themeTrends.map((point) => ({ polarity, point }));
      }),
    );
    const rows: ThemeRateRow[] = trends.flat().map(({ polarity, point }) => ({
      polarity,
      theme: point.theme.id,
      label: point.theme.label,
      year: Number(point.period),
      inspectionsWithTheme: point.inspectionCount,
      inspections: point.inspectionsInPeriod,
      percentOfInspections: percent(shareOf(polarity, point)),
      findings: point.findingCount,
      findingsPerInspection: twoDecimals(point.findingsPerInspection),
    }));
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
    { header: 'findings per inspection', value: (row) => row.findingsPerInspection },
  ],
  markTitle: (row) =>
    `${row.label}, ${row.polarity.toLowerCase()}, ${row.year}: ${row.percentOfInspections}% of ${row.inspections} inspections, ${row.findingsPerInspection} findings per inspection`,
  filterNotes: () => [],
};
