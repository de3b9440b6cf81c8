import type { GraphQLResolveInfo } from 'graphql';
import type {
  BreachCountResolvers,
  CountedInspectionResolvers,
  QueryResolvers,
  RatingChangeResolvers,
  RepeatedBreachResolvers,
  RepeatStatementResolvers,
  SortDirection,
  ThemePairResolvers,
  ThemeTrendPointResolvers,
} from '../generated/resolvers-types.ts';
import type { AnswerSort } from '../graph/answer-sort.ts';
import { countBreaches } from '../graph/questions/breach-counts/index.ts';
import { findRatingChanges } from '../graph/questions/rating-changes/index.ts';
import {
  BREACH_EVIDENCE,
  findRepeatedBreaches,
} from '../graph/questions/repeated-breaches/index.ts';
import { findThemeCooccurrence } from '../graph/questions/theme-cooccurrence/index.ts';
import { findThemeTrends } from '../graph/questions/theme-trends/index.ts';
import { listParams, readList } from '../graph/lists.ts';
import type { Loaders } from '../graph/loaders.ts';
import { toFindingParams, toPlaceParams } from '../graph/filters.ts';
import { fromEnforcementTypeName } from '../model/enforcement-type.ts';
import { toConnection } from './connection.ts';
import type { NodeKind, RowOf } from '../graph/node-kinds.ts';
import { answerAsConnection } from './answer-page.ts';
import { readAhead } from './prefetch-plan.ts';
import { collectSubfields, selectsNodeField } from './selection.ts';

import { badInput, checkDateRange, pageArgs, required } from './support.ts';

/** The breachCounts fields that need the rates' denominators counted. */
const BREACH_RATE_FIELDS = ['inspectionsInGroup', 'requirementsPer100Inspections'] as const;

/** Nodes the row already holds (in the order of `keys`), or else each loaded by key. */
async function loadAll<K extends NodeKind>(
  loaders: Loaders,
  kind: K,
  keys: readonly string[],
  prefetched: readonly RowOf<K>[],
): Promise<RowOf<K>[]> {
  const rows = await Promise.all(keys.map((key, i) => loaders.nodeFrom(kind, key, prefetched[i])));
  return rows.map((row, i) => required(row, `${kind} ${keys[i]}`));
}

/** A sort argument as the questions take it (the schema defaults its direction to DESC). */
function toAnswerSort<Field extends string>(
  sort: { field: Field; direction?: SortDirection | null } | null | undefined,
): AnswerSort<Field> | null {
  return sort ? { field: sort.field, direction: sort.direction ?? 'DESC' } : null;
}

/** The ThemeTrendPoint fields that need the period's inspections counted. */
const TREND_RATE_FIELDS = ['inspectionsInPeriod', 'findingsPerInspection', 'concernShare'];

function selectsAny(info: GraphQLResolveInfo, fields: readonly string[]): boolean {
  const selected = collectSubfields(info, info.fieldNodes);
  return fields.some((field) => selected.has(field));
}

export const analyticsQueries: Pick<
  QueryResolvers,
  | 'repeatedBreaches'
  | 'breachCounts'
  | 'themeTrends'
  | 'themeCooccurrence'
  | 'ratingChanges'
  | 'enforcementActions'
> = {
  repeatedBreaches: (_parent, args, { db }, info) => {
    checkDateRange(args.from, args.to);
    const minInspections = args.minInspections ?? 2;
    if (minInspections < 1) throw badInput('minInspections must be at least 1.');
    const evidence = BREACH_EVIDENCE.filter((kind) => (args.evidence ?? []).includes(kind));
    if (evidence.length === 0) throw badInput('evidence must name at least one kind.');
    return answerAsConnection(args, info, 20, (page) =>
      findRepeatedBreaches(db, {
        regulation: args.regulation ?? null,
        legislation: args.legislation ?? null,
        regulator: args.regulator ?? null,
        minInspections,
        from: args.from ?? null,
        to: args.to ?? null,
        evidence,
        sort: toAnswerSort(args.sort),
        synthetic: args.synthetic ?? null,
        providerGroupId: args.providerGroupId ?? null,
        ...page,
      }),
    );
  },
  breachCounts: (_parent, args, { db }, info) => {
    checkDateRange(args.filter?.from, args.filter?.to);
    const f = args.filter;
    return answerAsConnection(args, info, 50, (page) =>
      countBreaches(db, {
        groupBy: [...new Set(args.groupBy)],
        f: {
          regulator: f?.regulator ?? null,
          legislation: f?.legislation ?? null,
          regulation: f?.regulation ?? null,
          from: f?.from ?? null,
          to: f?.to ?? null,
          ...toPlaceParams(f),
          providerId: f?.providerId ?? null,
          synthetic: f?.synthetic ?? null,
          providerGroupId: f?.providerGroupId ?? null,
        },
        sort: toAnswerSort(args.sort),
        withRates: selectsNodeField(info, BREACH_RATE_FIELDS),
        ...page,
      }),
    );
  },
  themeTrends: (_parent, args, { db }, info) => {
    checkDateRange(args.from, args.to);
    return findThemeTrends(db, {
      themes: args.themes && args.themes.length > 0 ? [...args.themes] : null,
      from: args.from ?? null,
      to: args.to ?? null,
      interval: args.interval ?? 'YEAR',
      polarity: args.polarity ? args.polarity.toLowerCase() : null,
      withRates: selectsAny(info, TREND_RATE_FIELDS),
      sort: toAnswerSort(args.sort),
      synthetic: args.synthetic ?? null,
      regulator: args.regulator ?? null,
      ...toPlaceParams(args),
      providerGroupId: args.providerGroupId ?? null,
    });
  },
  themeCooccurrence: (_parent, args, { db }, info) =>
    answerAsConnection(args, info, 50, (page) =>
      findThemeCooccurrence(db, {
        f: toFindingParams(args.filter),
        sort: toAnswerSort(args.sort),
        ...page,
      }),
    ),
  ratingChanges: (_parent, args, { db }, info) => {
    checkDateRange(args.from, args.to);
    return answerAsConnection(args, info, 50, (page) =>
      findRatingChanges(db, {
        direction: args.direction ?? null,
        regulator: args.regulator ?? null,
        from: args.from ?? null,
        to: args.to ?? null,
        synthetic: args.synthetic ?? null,
        ...page,
      }),
    );
  },
  enforcementActions: async (_parent, args, { db, loaders }, info) => {
    checkDateRange(args.from, args.to);
    const params = listParams.enforcementActions({
      type: args.type ? fromEnforcementTypeName(args.type) : null,
      regulator: args.regulator,
      from: args.from,
      to: args.to,
      synthetic: args.synthetic,
    });
    const sort = { field: 'NEWEST', direction: 'DESC' } as const;
    return toConnection(
      await readList(
        db,
        'enforcementActions',
        pageArgs(args),
        params,
        sort,
        readAhead(info, loaders, 'enforcementActions'),
      ),
    );
  },
};

export const RepeatedBreach: RepeatedBreachResolvers = {
  location: async (row, _args, { loaders }) =>
    required(
      await loaders.nodeFrom('location', row.locationId, row.location),
      `location ${row.locationId}`,
    ),
  provider: (row, _args, { loaders }) => loaders.nodeFrom('provider', row.providerId, row.provider),
  regulation: async (row, _args, { loaders }) =>
    required(
      await loaders.nodeFrom('regulation', row.regulationId, row.regulation),
      `regulation ${row.regulationId}`,
    ),
  inspectionCount: (row) => row.inspectionIds.length,
  inspections: (row, _args, { loaders }) =>
    loadAll(loaders, 'inspection', row.inspectionIds, row.inspections),
  requirements: (row, _args, { loaders }) =>
    loadAll(loaders, 'requirement', row.requirementIds, row.requirements),
  enforcementActions: (row, _args, { loaders }) =>
    loadAll(loaders, 'enforcement', row.enforcementIds, row.enforcementActions),
  countedInspections: (row) => row.counted,
  repeatStatements: (row) => row.statements,
};

export const CountedInspection: CountedInspectionResolvers = {
  inspection: async (row, _args, { loaders }) =>
    required(
      await loaders.nodeFrom('inspection', row.inspectionId, row.inspection),
      `inspection ${row.inspectionId}`,
    ),
};

export const RepeatStatement: RepeatStatementResolvers = {
  finding: async (row, _args, { loaders }) =>
    required(await loaders.node('finding', row.findingId), `finding ${row.findingId}`),
  refersTo: (row, _args, { loaders }) =>
    row.refersTo ? loaders.node('inspection', row.refersTo) : null,
};

export const BreachCount: BreachCountResolvers = {
  regulation: (row, _args, { loaders }) =>
    loaders.nodeFrom('regulation', row.regulationId, row.regulation),
  legislation: (row, _args, { loaders }) =>
    loaders.nodeFrom('legislation', row.legislationId, row.legislation),
  regulator: (row) =>
    row.regulator === 'OFSTED' || row.regulator === 'CQC' ? row.regulator : null,
  provider: (row, _args, { loaders }) => loaders.nodeFrom('provider', row.providerId, row.provider),
};

export const ThemeTrendPoint: ThemeTrendPointResolvers = {
  // Counted whenever one of them is selected (TREND_RATE_FIELDS), so never null here.
  inspectionsInPeriod: (row) => required(row.inspectionsInPeriod, 'inspectionsInPeriod'),
  findingsPerInspection: (row) => required(row.findingsPerInspection, 'findingsPerInspection'),
  concernShare: (row) => required(row.concernShare, 'concernShare'),
  theme: async (row, _args, { loaders }) =>
    required(await loaders.nodeFrom('theme', row.themeId, row.theme), `theme ${row.themeId}`),
};

export const ThemePair: ThemePairResolvers = {
  first: async (row, _args, { loaders }) =>
    required(await loaders.nodeFrom('theme', row.firstId, row.first), `theme ${row.firstId}`),
  second: async (row, _args, { loaders }) =>
    required(await loaders.nodeFrom('theme', row.secondId, row.second), `theme ${row.secondId}`),
};

export const RatingChange: RatingChangeResolvers = {
  location: async (row, _args, { loaders }) =>
    required(
      await loaders.nodeFrom('location', row.locationId, row.location),
      `location ${row.locationId}`,
    ),
  provider: (row, _args, { loaders }) => loaders.nodeFrom('provider', row.providerId, row.provider),
  before: (row, _args, { loaders }) => loaders.nodeFrom('inspection', row.beforeId, row.before),
  after: async (row, _args, { loaders }) =>
    required(
      await loaders.nodeFrom('inspection', row.afterId, row.after),
      `inspection ${row.afterId}`,
    ),
  direction: (row) => (row.direction === 'UP' || row.direction === 'DOWN' ? row.direction : 'SAME'),
};
