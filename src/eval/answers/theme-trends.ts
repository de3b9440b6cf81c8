/**
 * themeTrends by year from the ground truth: per theme and year of the inspection's start, the
 * findings written about the theme. The classifier may tag a finding with more themes than it
 * was written about, so the graph's counts may be larger: compared as counts, recall is exact
 * (every written theme counted) and precision only a figure.
 */
import type { GroundTruthRecord } from '../../generate/ground-truth.ts';
import { readYear } from './truth-facts.ts';

export function keyThemeYear(themeId: string, year: string): string {
  return `${themeId} ${year}`;
}

export function computeThemeTrendsByYear(
  records: readonly GroundTruthRecord[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const record of records)
    for (const finding of record.findings)
      for (const theme of new Set(finding.themes)) {
        const key = keyThemeYear(theme, String(readYear(record.startDate)));
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
  return counts;
}
