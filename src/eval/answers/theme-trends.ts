/**
 * themeTrends by year from the ground truth: per theme and year of the inspection's start, the
 * findings written about the theme. The classifier may tag a finding with more themes than it
 * was written about, so the graph's counts may be larger: compared as counts, recall is exact
 * (every written theme counted) and precision only a figure.
 */
import type { GroundTruthRecord } from '../../generate/ground-truth.ts';
import { buildAnswerTable, type AnswerTable } from './answer-table.ts';
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

/**
 * The rates' denominator by year: every inspection (a record per report) that started in the
 * year, whatever its findings, for each year with a finding written about a theme (the years
 * themeTrends has rows for).
 */
export function computeInspectionsPerYear(records: readonly GroundTruthRecord[]): AnswerTable {
  const inspections = new Map<string, Set<string>>();
  const themed = new Set<string>();
  for (const record of records) {
    const year = String(readYear(record.startDate));
    inspections.set(year, (inspections.get(year) ?? new Set<string>()).add(record.inspectionId));
    if (record.findings.some((finding) => finding.themes.length > 0)) themed.add(year);
  }
  return buildAnswerTable(
    [...themed].map((year) => [year, { inspectionsInPeriod: String(inspections.get(year)!.size) }]),
    'themeTrends rates from the ground truth',
  );
}

/**
 * Per theme and year, the inspections with a finding written as a concern about the theme. The
 * classifier may tag more themes, and reads a polarity where the ground truth leaves one open, so
 * compared as counts: recall exact, precision only a figure.
 */
export function computeConcernInspections(
  records: readonly GroundTruthRecord[],
): Map<string, number> {
  const inspections = new Map<string, Set<string>>();
  for (const record of records)
    for (const finding of record.findings)
      if (finding.polarity === 'concern')
        for (const theme of finding.themes) {
          const key = keyThemeYear(theme, String(readYear(record.startDate)));
          inspections.set(
            key,
            (inspections.get(key) ?? new Set<string>()).add(record.inspectionId),
          );
        }
  return new Map([...inspections].map(([key, ids]) => [key, ids.size]));
}
