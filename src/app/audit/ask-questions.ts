/**
 * Asks the API one audit request over HTTP and turns its answer into the audit's shape, keyed as
 * `eval/answers/` keys the answer it computes from the ground truth.
 */
import { buildAnswerTable, type AnswerTable } from '../../eval/answers/answer-table.ts';
import type { AuditRequest, ThemeTrendFigure } from '../../eval/answers/audit-plan.ts';
import type { BreachGroup } from '../../eval/answers/breach-counts.ts';
import { keyBreachGroup } from '../../eval/answers/breach-counts.ts';
import { tabulateEnforcement } from '../../eval/answers/enforcement-actions.ts';
import {
  describeCountedInspections,
  keyRepeatedBreach,
} from '../../eval/answers/repeated-breaches.ts';
import { keyThemePair } from '../../eval/answers/theme-cooccurrence.ts';
import { keyThemeYear } from '../../eval/answers/theme-trends.ts';
import { unreachable } from '../../model/unreachable.ts';
import { postGraphql, readAllPages } from './graphql-pages.ts';

export type ApiAnswer = ({ table: AnswerTable } | { counts: ReadonlyMap<string, number> }) & {
  pagingProblem: string | null;
};

const PAGE_INFO = 'totalCount pageInfo { hasNextPage endCursor }';

const REPEATED_BREACHES = `
  query AuditRepeatedBreaches($evidence: [BreachEvidence!], $minInspections: Int, $from: Date, $to: Date, $first: Int, $after: String) {
    repeatedBreaches(evidence: $evidence, minInspections: $minInspections, from: $from, to: $to, first: $first, after: $after) {
      ${PAGE_INFO}
      nodes { location { id } regulation { id } inspectionCount countedInspections { inspection { id } evidence } }
    }
  }`;

interface RepeatedBreachNode {
  location: { id: string };
  regulation: { id: string };
  inspectionCount: number;
  countedInspections: { inspection: { id: string }; evidence: string[] }[];
}

const BREACH_COUNTS = `
  query AuditBreachCounts($groupBy: [BreachGroup!]!, $first: Int, $after: String) {
    breachCounts(groupBy: $groupBy, first: $first, after: $after) {
      ${PAGE_INFO}
      nodes {
        regulation { id } legislation { id } regulator year region localAuthority provider { id }
        requirementCount locationCount inspectionCount inspectionsInGroup requirementsPer100Inspections
      }
    }
  }`;

interface BreachCountNode {
  regulation: { id: string } | null;
  legislation: { id: string } | null;
  regulator: string | null;
  year: number | null;
  region: string | null;
  localAuthority: string | null;
  provider: { id: string } | null;
  requirementCount: number;
  locationCount: number;
  inspectionCount: number;
  inspectionsInGroup: number;
  requirementsPer100Inspections: number;
}

const RATING_CHANGES = `
  query AuditRatingChanges($direction: RatingDirection, $first: Int, $after: String) {
    ratingChanges(direction: $direction, first: $first, after: $after) {
      ${PAGE_INFO}
      nodes { after { id } before { id } direction basis }
    }
  }`;

interface RatingChangeNode {
  after: { id: string };
  before: { id: string } | null;
  direction: string;
  basis: string;
}

const ENFORCEMENT_ACTIONS = `
  query AuditEnforcementActions($first: Int, $after: String) {
    enforcementActions(first: $first, after: $after) {
      ${PAGE_INFO}
      nodes { type count issuedOn complyBy regulation { id } inspection { id } }
    }
  }`;

interface EnforcementNode {
  // Read as a string whatever the schema makes of it (a String today, an enum soon).
  type: string;
  count: number;
  issuedOn: string | null;
  complyBy: string | null;
  regulation: { id: string } | null;
  inspection: { id: string };
}

const THEME_TRENDS = `
  query AuditThemeTrends($region: String, $regulator: Regulator, $from: Date) {
    themeTrends(interval: YEAR, region: $region, regulator: $regulator, from: $from) {
      theme { id } period findingCount concernInspectionCount inspectionsInPeriod
    }
  }`;

const THEME_COOCCURRENCE = `
  query AuditThemeCooccurrence($first: Int, $after: String) {
    themeCooccurrence(first: $first, after: $after) {
      ${PAGE_INFO}
      nodes { first { id } second { id } findingCount }
    }
  }`;

interface ThemePairNode {
  first: { id: string };
  second: { id: string };
  findingCount: number;
}

interface ThemeTrendNode {
  theme: { id: string };
  period: string;
  findingCount: number;
  concernInspectionCount: number;
  inspectionsInPeriod: number;
}

/** One figure of themeTrends: counts per theme and year, or the year's denominator as a table. */
function tabulateThemeTrends(
  nodes: readonly ThemeTrendNode[],
  figure: ThemeTrendFigure,
): ApiAnswer {
  if (figure === 'inspectionsInPeriod') {
    // Every row of a year carries the year's denominator; rows that disagree show as both values.
    const perYear = new Map<string, Set<string>>();
    for (const n of nodes)
      perYear.set(
        n.period,
        (perYear.get(n.period) ?? new Set()).add(String(n.inspectionsInPeriod)),
      );
    const table = buildAnswerTable(
      [...perYear].map(([year, values]) => [
        year,
        { inspectionsInPeriod: [...values].join(' or ') },
      ]),
      'themeTrends rates from the API',
    );
    return { table, pagingProblem: null };
  }
  const counts = new Map<string, number>();
  for (const n of nodes)
    if (figure === 'findings') counts.set(keyThemeYear(n.theme.id, n.period), n.findingCount);
    else if (n.concernInspectionCount > 0)
      counts.set(keyThemeYear(n.theme.id, n.period), n.concernInspectionCount);
  return { counts, pagingProblem: null };
}

function readGroupKey(node: BreachCountNode, group: BreachGroup): string {
  switch (group) {
    case 'REGULATION':
      return node.regulation?.id ?? 'none';
    case 'LEGISLATION':
      return node.legislation?.id ?? 'none';
    case 'REGULATOR':
      return node.regulator ?? 'none';
    case 'YEAR':
      return node.year === null ? 'none' : String(node.year);
    case 'REGION':
      return node.region ?? 'none';
    case 'LOCAL_AUTHORITY':
      return node.localAuthority ?? 'none';
    case 'PROVIDER':
      return node.provider?.id ?? 'none';
    default:
      return unreachable(group, 'breach group');
  }
}

async function askRepeatedBreaches(
  url: string,
  request: Extract<AuditRequest, { question: 'repeatedBreaches' }>,
): Promise<ApiAnswer> {
  const { evidence, minInspections, from, to } = request.variant;
  const { nodes, pagingProblem } = await readAllPages<RepeatedBreachNode>(
    url,
    'repeatedBreaches',
    REPEATED_BREACHES,
    { evidence, minInspections, from, to },
  );
  const table = buildAnswerTable(
    nodes.map((n) => {
      const values = describeCountedInspections(
        n.countedInspections.map((c) => ({ inspectionId: c.inspection.id, evidence: c.evidence })),
      );
      // The count the API states, beside the one implied by the inspections it lists.
      values.inspectionCount = String(n.inspectionCount);
      return [keyRepeatedBreach(n.location.id, n.regulation.id), values] as const;
    }),
    'repeatedBreaches from the API',
  );
  return { table, pagingProblem };
}

export async function askAuditRequest(url: string, request: AuditRequest): Promise<ApiAnswer> {
  switch (request.question) {
    case 'repeatedBreaches':
      return askRepeatedBreaches(url, request);
    case 'breachCounts': {
      const { nodes, pagingProblem } = await readAllPages<BreachCountNode>(
        url,
        'breachCounts',
        BREACH_COUNTS,
        { groupBy: request.groupBy },
      );
      const table = buildAnswerTable(
        nodes.map((n) => [
          keyBreachGroup(request.groupBy.map((g) => readGroupKey(n, g))),
          {
            requirementCount: String(n.requirementCount),
            locationCount: String(n.locationCount),
            inspectionCount: String(n.inspectionCount),
            inspectionsInGroup: String(n.inspectionsInGroup),
            requirementsPer100Inspections: String(n.requirementsPer100Inspections),
          },
        ]),
        'breachCounts from the API',
      );
      return { table, pagingProblem };
    }
    case 'ratingChanges': {
      const { nodes, pagingProblem } = await readAllPages<RatingChangeNode>(
        url,
        'ratingChanges',
        RATING_CHANGES,
        { direction: request.direction },
      );
      const table = buildAnswerTable(
        nodes.map((n) => [
          n.after.id,
          { direction: n.direction, basis: n.basis, before: n.before?.id ?? 'none' },
        ]),
        'ratingChanges from the API',
      );
      return { table, pagingProblem };
    }
    case 'enforcementActions': {
      const { nodes, pagingProblem } = await readAllPages<EnforcementNode>(
        url,
        'enforcementActions',
        ENFORCEMENT_ACTIONS,
        {},
      );
      const table = tabulateEnforcement(
        nodes.map((n) => ({
          inspectionId: n.inspection.id,
          type: n.type,
          regulationId: n.regulation?.id ?? null,
          count: n.count,
          issuedOn: n.issuedOn,
          complyBy: n.complyBy,
        })),
        'enforcementActions from the API',
      );
      return { table, pagingProblem };
    }
    case 'themeTrends': {
      const { scope } = request;
      // The region in lower case: the API matches any case.
      const variables = scope
        ? { region: scope.region.toLowerCase(), regulator: scope.regulator, from: scope.from }
        : {};
      const data = await postGraphql(url, THEME_TRENDS, variables);
      return tabulateThemeTrends(data.themeTrends as ThemeTrendNode[], request.figure);
    }
    case 'themeCooccurrence': {
      const { nodes, pagingProblem } = await readAllPages<ThemePairNode>(
        url,
        'themeCooccurrence',
        THEME_COOCCURRENCE,
        {},
      );
      const counts = new Map<string, number>();
      for (const n of nodes) counts.set(keyThemePair(n.first.id, n.second.id), n.findingCount);
      return { counts, pagingProblem };
    }
    default:
      return unreachable(request, 'audit request');
  }
}
