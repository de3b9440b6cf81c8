/**
 * The chart of each panel, with Observable Plot (SVG: each bar, cell or dot is one element with
 * the row's title, which the browser test reads back).
 */
import * as Plot from '@observablehq/plot';
import type { EnforcementRow } from '../panels/enforcement.ts';
import type { PanelData } from '../panels/panel.ts';
import type { ProviderGroupRow } from '../panels/provider-groups.ts';
import { DIRECTIONS, type RatingChangeRow } from '../panels/rating-changes.ts';
import type { RepeatedRegulationRow } from '../panels/repeated-regulations.ts';
import type { RequirementRateRow } from '../panels/requirement-rates.ts';
import type { ThemeRateRow } from '../panels/theme-rates.ts';

const WIDTH = 560;

/**
 * Twenty distinct colours (Tableau 10 and its light partners) for the taxonomy's themes: Plot's
 * categorical schemes have ten, and it warns (a ⚠ on the chart) when there are more values.
 */
const THEME_COLOURS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#a0cbe8',
  '#ffbe7d',
  '#ff9d9a',
  '#86bcb6',
  '#8cd17d',
  '#f1ce63',
  '#d4a6c8',
  '#fabfd2',
  '#d7b5a6',
  '#79706e',
];

/** Whole-number ticks for counts: every integer up to ten, else Plot's own (never 0.5 of a count). */
function countTicks(max: number): { ticks?: number[]; tickFormat: string } {
  return max <= 10
    ? { ticks: Array.from({ length: Math.max(1, max) + 1 }, (_, index) => index), tickFormat: 'd' }
    : { tickFormat: '~s' };
}

/** The tallest stack: the sum of `value` over rows sharing a `key`. */
function stackedMax<Row>(
  rows: Row[],
  key: (row: Row) => string,
  value: (row: Row) => number,
): number {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0) + value(row));
  return Math.max(0, ...sums.values());
}

function maxOf<Row>(rows: Row[], value: (row: Row) => number): number {
  return Math.max(0, ...rows.map(value));
}

type Chart = ReturnType<typeof Plot.plot>;

export function chartRepeatedRegulations(
  panel: PanelData<RepeatedRegulationRow>,
  rows: RepeatedRegulationRow[],
): Chart {
  return Plot.plot({
    width: WIDTH,
    height: 40 + rows.length * 24,
    marginLeft: 110,
    x: {
      label: 'locations breaching it at 2+ inspections',
      grid: true,
      ...countTicks(maxOf(rows, (row) => row.locations)),
    },
    y: { label: null, domain: rows.map((row) => row.regulation) },
    marks: [
      Plot.barX(rows, { y: 'regulation', x: 'locations', fill: '#b3541e', title: panel.markTitle }),
      Plot.ruleX([0]),
    ],
  });
}

export function chartProviderGroups(
  panel: PanelData<ProviderGroupRow>,
  rows: ProviderGroupRow[],
): Chart {
  return Plot.plot({
    width: WIDTH,
    height: 40 + rows.length * 24,
    marginLeft: 200,
    x: {
      label: 'repeated breaches (location × regulation)',
      grid: true,
      ...countTicks(maxOf(rows, (row) => row.repeatedBreaches)),
    },
    // Long group names were cut at the chart's left edge: the axis shortens them (the bar's
    // title keeps the whole name).
    y: {
      label: null,
      domain: rows.map((row) => row.name ?? row.group),
      tickFormat: (name: string) => (name.length > 32 ? `${name.slice(0, 31)}…` : name),
    },
    marks: [
      Plot.barX(rows, {
        y: (row: ProviderGroupRow) => row.name ?? row.group,
        x: 'repeatedBreaches',
        fill: '#6a3d9a',
        title: panel.markTitle,
      }),
      Plot.ruleX([0]),
    ],
  });
}

export function chartRequirementRates(
  panel: PanelData<RequirementRateRow>,
  rows: RequirementRateRow[],
): Chart {
  const regions = [...new Set(rows.map((row) => row.region))];
  return Plot.plot({
    width: WIDTH,
    height: 60 + regions.length * 28,
    marginLeft: 140,
    padding: 0.05,
    x: { label: 'year', type: 'band', tickFormat: 'd' },
    y: { label: null },
    color: { scheme: 'oranges', legend: true, label: 'requirements per 100 inspections' },
    marks: [
      Plot.cell(rows, {
        x: 'year',
        y: 'region',
        fill: 'per100Inspections',
        title: panel.markTitle,
      }),
      Plot.text(rows, {
        x: 'year',
        y: 'region',
        text: 'per100Inspections',
        fill: 'black',
      }),
    ],
  });
}

export function chartThemeRates(panel: PanelData<ThemeRateRow>, rows: ThemeRateRow[]): Chart {
  return Plot.plot({
    width: WIDTH,
    height: 420,
    marginRight: 70,
    x: { label: 'year', tickFormat: 'd', type: 'point' },
    y: { label: '% of inspections', grid: true },
    fy: { label: null, tickFormat: (value: string) => value.toLowerCase() },
    color: { legend: true, type: 'categorical', range: THEME_COLOURS },
    marks: [
      // z named: left implicit, Plot warns (a ⚠ on the chart) when most themes have one or two
      // years, as under a narrow filter, taking the series for a quantitative colour.
      Plot.lineY(rows, {
        x: 'year',
        y: 'percentOfInspections',
        stroke: 'label',
        z: 'label',
        fy: 'polarity',
      }),
      Plot.dot(rows, {
        x: 'year',
        y: 'percentOfInspections',
        fill: 'label',
        fy: 'polarity',
        r: 3,
        title: panel.markTitle,
      }),
    ],
  });
}

export function chartRatingChanges(
  panel: PanelData<RatingChangeRow>,
  rows: RatingChangeRow[],
): Chart {
  return Plot.plot({
    width: WIDTH,
    height: 260,
    x: { label: 'year', tickFormat: 'd', type: 'band' },
    y: {
      label: 'rating changes',
      grid: true,
      ...countTicks(
        stackedMax(
          rows,
          (row) => `${row.regulator}|${row.year}`,
          (row) => row.changes,
        ),
      ),
    },
    fx: { label: null },
    color: {
      legend: true,
      domain: [...DIRECTIONS],
      range: ['#d7301f', '#999999', '#2b8cbe'],
    },
    marks: [
      Plot.barY(rows, {
        x: 'year',
        y: 'changes',
        fill: 'direction',
        fx: 'regulator',
        order: [...DIRECTIONS],
        title: panel.markTitle,
      }),
      Plot.ruleY([0]),
    ],
  });
}

export function chartEnforcement(panel: PanelData<EnforcementRow>, rows: EnforcementRow[]): Chart {
  return Plot.plot({
    width: WIDTH,
    height: 260,
    x: { label: 'year', tickFormat: 'd', type: 'band' },
    y: {
      label: 'enforcement actions',
      grid: true,
      ...countTicks(
        stackedMax(
          rows,
          (row) => String(row.year),
          (row) => row.actions,
        ),
      ),
    },
    color: { legend: true },
    marks: [
      Plot.barY(rows, { x: 'year', y: 'actions', fill: 'type', title: panel.markTitle }),
      Plot.ruleY([0]),
    ],
  });
}
