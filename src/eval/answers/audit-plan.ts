/**
 * What the answer audit asks, and the answer it expects to each request, computed from the
 * ground truth alone. The windows are placed from the corpus's own years, so they cut
 * histories whatever the corpus.
 */
import type { GroundTruthRecord } from '../../generate/ground-truth.ts';
import type { RatingDirection, Regulator } from '../../model/document.ts';
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
import { findRegulator, readYear } from './truth-facts.ts';

export type AuditRequest =
  | { question: 'repeatedBreaches'; variant: RepeatedBreachVariant }
  | { question: 'breachCounts'; groupBy: readonly BreachGroup[] }
  | { question: 'ratingChanges'; direction: RatingDirection }
  | { question: 'enforcementActions' }
  | { question: 'themeTrends'; figure: ThemeTrendFigure; scope?: ThemeTrendScope }
  | { question: 'themeCooccurrence' };

/** What a themeTrends request checks: findings per theme and year, the inspections with a concern, the rates' denominators. */
export type ThemeTrendFigure = 'findings' | 'concernInspections' | 'inspectionsInPeriod';

/**
 * A themeTrends request narrowed to one region, one regulator and a window's start: the filters
 * the dashboard's theme panel sends. The region goes to the API in lower case, so its matching of
 * any case is audited too.
 */
export interface ThemeTrendScope {
  region: string;
  regulator: Regulator;
  from: string;
}

/** The records a scoped themeTrends request counts, chosen from the record alone. */
export function selectScopeRecords(
  records: readonly GroundTruthRecord[],
  scope: ThemeTrendScope,
): GroundTruthRecord[] {
  return records.filter(
    (r) =>
      r.location.region === scope.region &&
      findRegulator(r.family) === scope.regulator &&
      r.startDate >= scope.from,
  );
}

/** The most frequent value of `pick` (ties: the first in sorted order), or null for none. */
function findMostFrequent<T extends string>(values: readonly T[]): T | null {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

/**
 * The corpus's busiest region, its busiest regulator there, and the middle year on: a scope
 * that keeps some of the corpus and leaves out some of every filter's other values.
 */
export function placeThemeTrendScope(
  records: readonly GroundTruthRecord[],
): ThemeTrendScope | null {
  const region = findMostFrequent(records.map((r) => r.location.region));
  if (region === null) return null;
  const inRegion = records.filter((r) => r.location.region === region);
  const regulator = findMostFrequent(inRegion.map((r) => findRegulator(r.family)))!;
  const from = placeWindows(records)[0]!.from;
  return { region, regulator, from };
}

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
  const scope = placeThemeTrendScope(records);
  if (scope)
    for (const figure of ['findings', 'inspectionsInPeriod'] as const)
      requests.push({ question: 'themeTrends', figure, scope });
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
    case 'themeTrends': {
      const scope = request.scope
        ? ` region=${request.scope.region} regulator=${request.scope.regulator} from=${request.scope.from}`
        : '';
      return `themeTrends interval=YEAR${scope} ${request.figure}`;
    }
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
    case 'themeTrends': {
      const counted = request.scope ? selectScopeRecords(records, request.scope) : records;
      switch (request.figure) {
        case 'findings':
          return { kind: 'counts', counts: computeThemeTrendsByYear(counted) };
        case 'concernInspections':
          return { kind: 'counts', counts: computeConcernInspections(counted) };
        case 'inspectionsInPeriod':
          return { kind: 'table', table: computeInspectionsPerYear(counted) };
        default:
          return unreachable(request.figure, 'theme trend figure');
      }
    }
    case 'themeCooccurrence':
      return { kind: 'counts', counts: computeThemeCooccurrence(records) };
    default:
      return unreachable(request, 'audit request');
  }
}
