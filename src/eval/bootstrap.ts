/**
 * Percentile bootstrap with a seeded generator, so the interval a report prints is the same on
 * every run and machine. Examples are resampled with replacement, n from n, and each statistic is
 * recomputed on every resample; the interval is the empirical (1 - level)/2 and (1 + level)/2
 * quantiles of those values (nearest rank). Resamples where a statistic is undefined (a theme
 * absent from both labels and tags) are left out of that statistic's interval only.
 */

export interface Interval {
  low: number;
  high: number;
}

export interface BootstrapOptions {
  resamples: number;
  seed: number;
  /** Coverage of the interval, e.g. 0.95. */
  level: number;
}

export const DEFAULT_BOOTSTRAP: BootstrapOptions = { resamples: 1000, seed: 1, level: 0.95 };

/** mulberry32: small, fast, and the same sequence for a seed everywhere. */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Nearest-rank quantiles of `values`; null for no values. */
export function percentileInterval(values: readonly number[], level: number): Interval | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  // Rounded first: (1 - 0.95) / 2 * 1000 is 25.000000000000004 in floating point.
  const lowRank = Math.floor(Number((((1 - level) / 2) * n).toFixed(9)));
  const highRank = Math.ceil(Number((((1 + level) / 2) * n).toFixed(9))) - 1;
  return {
    low: sorted[Math.min(Math.max(lowRank, 0), n - 1)]!,
    high: sorted[Math.min(Math.max(highRank, 0), n - 1)]!,
  };
}

/**
 * Intervals of several statistics from one set of resamples. `statistics` maps a resample to a
 * value per statistic name (null: undefined on this resample).
 */
export function bootstrapIntervals<T>(
  items: readonly T[],
  statistics: (sample: readonly T[]) => Record<string, number | null>,
  options: BootstrapOptions = DEFAULT_BOOTSTRAP,
): Record<string, Interval | null> {
  const random = createSeededRandom(options.seed);
  const values = new Map<string, number[]>();
  if (items.length > 0) {
    for (let r = 0; r < options.resamples; r++) {
      const sample: T[] = [];
      for (let i = 0; i < items.length; i++)
        sample.push(items[Math.floor(random() * items.length)]!);
      for (const [name, value] of Object.entries(statistics(sample))) {
        const list = values.get(name) ?? [];
        if (value !== null) list.push(value);
        values.set(name, list);
      }
    }
  }
  const intervals: Record<string, Interval | null> = {};
  for (const [name, list] of values) intervals[name] = percentileInterval(list, options.level);
  return intervals;
}
