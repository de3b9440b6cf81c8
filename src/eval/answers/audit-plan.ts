/**
 * What the answer audit asks, and the answer it expects to each request, computed from the
 * ground truth alone. The windows are placed from the corpus's own years, so they cut
 * histories whatever the corpus.
 */
import type { GroundTruthRecord } from '../../generate/ground-truth.ts';
import type { RatingDirection } from '../../model/document.ts';
import { unreachable } from '../../model/unreachable.ts';
import type { AnswerTable } from './answer-table.ts';
import { BREACH_GROUPS, computeBreachCounts, type BreachGroup } from './breach-counts.ts';
import { computeEnforcementActions } from './enforcement-actions.ts';
import { computeRatingChanges } from './rating-changes.ts';
import { computeRepeatedBreaches, type RepeatedBreachVariant } from './repeated-breaches.ts';
import { computeThemeCooccurrence } from './theme-cooccurrence.ts';
import {
  computeConcernInspections,
  computeInspectionsPerYear,
  computeThemeTrendsByYear,
} from './theme-trends.ts';
import { readYear } from './truth-facts.ts';

export type AuditRequest =
  | { question: 'repeatedBreaches'; variant: RepeatedBreachVariant }
  | { question: 'breachCounts'; groupBy: readonly BreachGroup[] }
  | { question: 'ratingChanges'; direction: RatingDirection }
  | { question: 'enforcementActions' }
  | { question: 'themeTrends'; figure: ThemeTrendFigure }
  | { question: 'themeCooccurrence' };

/** What a themeTrends request checks: findings per theme and year, the inspections with a concern, the rates' denominators. */
export type ThemeTrendFigure = 'findings' | 'concernInspections' | 'inspectionsInPeriod';

/** A table compared row by row and value by value, or counts compared as multisets. */
export type ExpectedAnswer =
  { kind: 'table'; table: AnswerTable } | { kind: 'counts'; counts: ReadonlyMap<string, number> };

/** Every grouping, each asked alone. */
const SINGLE_GROUPS: readonly BreachGroup[] = BREACH_GROUPS;

/**
 * Two windows: from the middle year on, and from the middle of the first year to the end of the
 * middle year, so a location's history is cut at one end and at both.
 */
export function placeWindows(
  records: readonly GroundTruthRecord[],
): { from: string; to: string | null }[] {
  if (records.length === 0) return [];
  const years = records.map((r) => readYear(r.startDate));
  const first = Math.min(...years);
  const last = Math.max(...years);
  const middle = Math.floor((first + last) / 2);
  return [
    { from: `${middle}-01-01`, to: null },
    { from: `${first}-07-01`, to: `${middle}-12-31` },
  ];
}

export function planAudit(records: readonly GroundTruthRecord[]): AuditRequest[] {
  const windows = [{ from: null, to: null }, ...placeWindows(records)];
  const requests: AuditRequest[] = [];
  for (const evidence of [['DOCUMENTED'], ['DOCUMENTED', 'STATED_REPEAT']] as const)
    for (const minInspections of [2, 1])
      for (const { from, to } of windows)
        requests.push({
          question: 'repeatedBreaches',
          variant: { evidence, minInspections, from, to },
        });
  for (const group of SINGLE_GROUPS) requests.push({ question: 'breachCounts', groupBy: [group] });
  requests.push({ question: 'breachCounts', groupBy: ['REGULATION', 'YEAR'] });
  for (const direction of ['UP', 'DOWN', 'SAME'] as const)
    requests.push({ question: 'ratingChanges', direction });
  requests.push({ question: 'enforcementActions' });
  for (const figure of ['findings', 'concernInspections', 'inspectionsInPeriod'] as const)
    requests.push({ question: 'themeTrends', figure });
  requests.push({ question: 'themeCooccurrence' });
  return requests;
}

/** `repeatedBreaches evidence=DOCUMENTED+STATED_REPEAT min=2 from=2019-01-01` and the like. */
export function describeRequest(request: AuditRequest): string {
  switch (request.question) {
    case 'repeatedBreaches': {
      const { evidence, minInspections, from, to } = request.variant;
      const window = [from ? `from=${from}` : '', to ? `to=${to}` : ''].filter(Boolean).join(' ');
      return `repeatedBreaches evidence=${evidence.join('+')} min=${minInspections}${window ? ` ${window}` : ''}`;
    }
    case 'breachCounts':
      return `breachCounts groupBy=${request.groupBy.join('+')}`;
    case 'ratingChanges':
      return `ratingChanges direction=${request.direction}`;
    case 'enforcementActions':
      return 'enforcementActions';
    case 'themeTrends':
      return `themeTrends interval=YEAR ${request.figure}`;
    case 'themeCooccurrence':
      return 'themeCooccurrence';
    default:
      return unreachable(request, 'audit request');
  }
}

export function computeExpectedAnswer(
  request: AuditRequest,
  records: readonly GroundTruthRecord[],
): ExpectedAnswer {
  switch (request.question) {
    case 'repeatedBreaches':
      return { kind: 'table', table: computeRepeatedBreaches(records, request.variant) };
    case 'breachCounts':
      return { kind: 'table', table: computeBreachCounts(records, request.groupBy) };
    case 'ratingChanges':
      return { kind: 'table', table: computeRatingChanges(records, request.direction) };
    case 'enforcementActions':
      return { kind: 'table', table: computeEnforcementActions(records) };
    case 'themeTrends':
      switch (request.figure) {
        case 'findings':
          return { kind: 'counts', counts: computeThemeTrendsByYear(records) };
        case 'concernInspections':
          return { kind: 'counts', counts: computeConcernInspections(records) };
        case 'inspectionsInPeriod':
          return { kind: 'table', table: computeInspectionsPerYear(records) };
        default:
          return unreachable(request.figure, 'theme trend figure');
      }
    case 'themeCooccurrence':
      return { kind: 'counts', counts: computeThemeCooccurrence(records) };
    default:
      return unreachable(request, 'audit request');
  }
}
