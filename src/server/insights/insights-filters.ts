/**
 * The filters every dashboard panel shares, and how they live in the page URL
 * (`/insights?regulator=OFSTED&from=2022-01-01`), so a view can be linked. Pure: used by the
 * browser bundle and by the tests.
 */

export const REGULATORS = ['OFSTED', 'CQC'] as const;
export type RegulatorName = (typeof REGULATORS)[number];

export interface InsightFilters {
  regulator: RegulatorName | null;
  region: string | null;
  localAuthority: string | null;
  /** A ProviderGroup id (`provider-group:…`). */
  providerGroup: string | null;
  /** ISO dates, inclusive: inspections starting inside the window. */
  from: string | null;
  to: string | null;
}

export type FilterName = keyof InsightFilters;

/** In the order the form shows them and the URL and file names carry them. */
export const FILTER_NAMES: readonly FilterName[] = [
  'regulator',
  'region',
  'localAuthority',
  'providerGroup',
  'from',
  'to',
];

export const NO_FILTERS: InsightFilters = {
  regulator: null,
  region: null,
  localAuthority: null,
  providerGroup: null,
  from: null,
  to: null,
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRegulator(value: string): value is RegulatorName {
  return (REGULATORS as readonly string[]).includes(value);
}

/** Filters from a query string; a value that cannot be one (a bad date, say) is dropped. */
export function readFilters(search: string): InsightFilters {
  const params = new URLSearchParams(search);
  const text = (name: FilterName): string | null => {
    const value = params.get(name)?.trim();
    return value ? value : null;
  };
  const regulator = text('regulator')?.toUpperCase() ?? null;
  const date = (name: 'from' | 'to'): string | null => {
    const value = text(name);
    return value !== null && ISO_DATE.test(value) ? value : null;
  };
  return {
    regulator: regulator !== null && isRegulator(regulator) ? regulator : null,
    region: text('region'),
    localAuthority: text('localAuthority'),
    providerGroup: text('providerGroup'),
    from: date('from'),
    to: date('to'),
  };
}

/** The query string for `filters`, without the `?`; empty when no filter is set. */
export function writeFilters(filters: InsightFilters): string {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name];
    if (value !== null) params.set(name, value);
  }
  return params.toString();
}

/** `panel_regulator-OFSTED_from-2022-01-01.csv`: the filters in a download's file name. */
export function buildCsvFileName(panelId: string, filters: InsightFilters): string {
  const parts = FILTER_NAMES.flatMap((name) => {
    const value = filters[name];
    return value === null ? [] : [`${name}-${value.replace(/[^A-Za-z0-9.-]+/g, '-')}`];
  });
  return `${[panelId, ...parts].join('_')}.csv`;
}

/** The year an ISO date falls in. */
export function yearOf(date: string | null | undefined): number | null {
  return date ? Number(date.slice(0, 4)) : null;
}

/**
 * Case-insensitive equality for a place filter against a place's name or code, so `north west`
 * and `E12000002` both match North West (as the API's own filters do).
 */
export function samePlace(wanted: string | null, ...names: (string | null | undefined)[]): boolean {
  const key = (value: string) => value.trim().toLowerCase();
  return wanted === null || names.some((name) => name != null && key(name) === key(wanted));
}
