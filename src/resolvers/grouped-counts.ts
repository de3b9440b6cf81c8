/**
 * The grouped counts (schema/analytics-groups.graphql): thin resolvers over the questions'
 * grouped Cypher (grouped-counts.ts in each question folder under graph/questions/), which take
 * the dashboard's filters.
 */
import type {
  LocationInspectionCountResolvers,
  QueryResolvers,
  RatingChangeCountResolvers,
  RepeatedBreachRegulationCountResolvers,
} from '../generated/resolvers-types.ts';
import { toPlaceParams } from '../graph/filters.ts';
import { countEnforcementActions } from '../graph/questions/enforcement-counts/index.ts';
import type { GroupedCountScope } from '../graph/grouped-count-scope.ts';
import { countRatingChanges } from '../graph/questions/rating-changes/index.ts';
import {
  BREACH_EVIDENCE,
  countRepeatedBreachesByProviderGroup,
  countRepeatedBreachesByRegulation,
  type BreachEvidence,
} from '../graph/questions/repeated-breaches/index.ts';
import { fromEnforcementTypeName } from '../model/enforcement-type.ts';
import { badInput, checkDateRange, required } from './support.ts';

/** Groups a ranked count returns at most. */
const MAX_GROUPS = 100;

interface ScopeInput {
  regulator?: string | null;
  from?: string | null;
  to?: string | null;
  region?: string | null;
  localAuthority?: string | null;
  providerGroupId?: string | null;
  synthetic?: boolean | null;
}

function toScope(args: ScopeInput): GroupedCountScope {
  checkDateRange(args.from, args.to);
  return {
    regulator: args.regulator ?? null,
    from: args.from ?? null,
    to: args.to ?? null,
    ...toPlaceParams(args),
    providerGroupId: args.providerGroupId ?? null,
    synthetic: args.synthetic ?? null,
  };
}

function checkRange(name: string, value: number, max: number): number {
  if (value < 1 || value > max) throw badInput(`${name} must be between 1 and ${max}.`);
  return value;
}

/** The ranked counts' own arguments, checked as repeatedBreaches checks them. */
function toRankedArgs(args: {
  minInspections?: number | null;
  evidence?: readonly BreachEvidence[] | null;
  first?: number | null;
}) {
  const minInspections = args.minInspections ?? 2;
  if (minInspections < 1) throw badInput('minInspections must be at least 1.');
  const evidence = BREACH_EVIDENCE.filter((kind) => (args.evidence ?? []).includes(kind));
  if (evidence.length === 0) throw badInput('evidence must name at least one kind.');
  return { minInspections, evidence, first: checkRange('first', args.first ?? 15, MAX_GROUPS) };
}

export const groupedCountQueries: Pick<
  QueryResolvers,
  | 'repeatedBreachesByRegulation'
  | 'repeatedBreachesByProviderGroup'
  | 'ratingChangeCounts'
  | 'enforcementActionCounts'
> = {
  repeatedBreachesByRegulation: (_parent, args, { db }) =>
    countRepeatedBreachesByRegulation(db, {
      ...toScope(args),
      ...toRankedArgs(args),
      locationsPerGroup: checkRange('locationsPerGroup', args.locationsPerGroup ?? 10, MAX_GROUPS),
    }),
  repeatedBreachesByProviderGroup: (_parent, args, { db }) =>
    countRepeatedBreachesByProviderGroup(db, { ...toScope(args), ...toRankedArgs(args) }),
  ratingChangeCounts: (_parent, args, { db }) =>
    countRatingChanges(db, { ...toScope(args), direction: args.direction ?? null }),
  enforcementActionCounts: (_parent, args, { db }) =>
    countEnforcementActions(db, {
      ...toScope(args),
      type: args.type ? fromEnforcementTypeName(args.type) : null,
    }),
};

export const RepeatedBreachRegulationCount: RepeatedBreachRegulationCountResolvers = {
  regulation: async (row, _args, { loaders }) =>
    required(
      await loaders.nodeFrom('regulation', row.regulationId, row.regulation),
      `regulation ${row.regulationId}`,
    ),
};

export const LocationInspectionCount: LocationInspectionCountResolvers = {
  location: async (row, _args, { loaders }) =>
    required(
      await loaders.nodeFrom('location', row.locationId, row.location),
      `location ${row.locationId}`,
    ),
};

export const RatingChangeCount: RatingChangeCountResolvers = {
  regulator: (row) =>
    row.regulator === 'OFSTED' || row.regulator === 'CQC' ? row.regulator : null,
  direction: (row) => (row.direction === 'UP' || row.direction === 'DOWN' ? row.direction : 'SAME'),
};
