/**
 * themeCooccurrence from the ground truth: per unordered pair of themes, the findings written
 * about both. The classifier may tag a finding with more themes than it was written about, which
 * adds pairs and raises counts, so as for themeTrends the counts are compared as multisets:
 * recall is exact (every written pair counted), precision only a figure.
 */
import type { GroundTruthRecord } from '../../generate/ground-truth.ts';

/** `a b` with the two ids in code-unit order, whichever order they come in. */
export function keyThemePair(a: string, b: string): string {
  return a < b ? `${a} ${b}` : `${b} ${a}`;
}

export function computeThemeCooccurrence(
  records: readonly GroundTruthRecord[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const record of records)
    for (const finding of record.findings) {
      const themes = [...new Set(finding.themes)];
      for (let i = 0; i < themes.length; i += 1)
        for (let j = i + 1; j < themes.length; j += 1) {
          const key = keyThemePair(themes[i]!, themes[j]!);
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
    }
  return counts;
}
