import type {
  BreachCountResolvers,
  QueryResolvers,
  RatingChangeResolvers,
  RepeatedBreachResolvers,
  RepeatStatementResolvers,
  ThemePairResolvers,
  ThemeTrendPointResolvers,
} from '../generated/resolvers-types.ts';
import { countBreaches } from '../graph/analytics/breach-counts.ts';
import { findRatingChanges } from '../graph/analytics/rating-changes.ts';
import { findRepeatedBreaches } from '../graph/analytics/repeated-breaches.ts';
import { findThemeCooccurrence, findThemeTrends } from '../graph/analytics/theme-trends.ts';
import { listParams, readList } from '../graph/lists.ts';
import type { Loaders } from '../graph/loaders.ts';
import { toFindingParams } from '../graph/filters.ts';
import { toConnection } from '../graph/pagination.ts';
import type { NodeKind, RowOf } from '../graph/node-kinds.ts';
import { badInput, checkDateRange, listLimit, pageArgs, required } from './support.ts';

async function loadAll<K extends NodeKind>(loaders: Loaders, kind: K, keys: readonly string[]): Promise<RowOf<K>[]> {
  const rows = await Promise.all(keys.map((key) => loaders.node(kind, key)));
  return rows.map((row, i) => required(row, `${kind} ${keys[i]}`));
}

export const analyticsQueries: Pick<
  QueryResolvers,
  'repeatedBreaches' | 'breachCounts' | 'themeTrends' | 'themeCooccurrence' | 'ratingChanges' | 'enforcementActions'
> = {
  repeatedBreaches: (_parent, args, { db }) => {
    checkDateRange(args.from, args.to);
    const minInspections = args.minInspections ?? 2;
    if (minInspections < 1) throw badInput('minInspections must be at least 1.');
    return findRepeatedBreaches(db, {
      regulation: args.regulation ?? null,
      legislation: args.legislation ?? null,
      regulator: args.regulator ?? null,
      minInspections,
      from: args.from ?? null,
      to: args.to ?? null,
      first: listLimit(args.first, 20),
    });
  },
  breachCounts: (_parent, args, { db }) => {
    checkDateRange(args.filter?.from, args.filter?.to);
    const f = args.filter;
    return countBreaches(db, {
      groupBy: [...new Set(args.groupBy)],
      f: {
        regulator: f?.regulator ?? null,
        legislation: f?.legislation ?? null,
        regulation: f?.regulation ?? null,
        from: f?.from ?? null,
        to: f?.to ?? null,
        region: f?.region ?? null,
        localAuthority: f?.localAuthority ?? null,
        providerId: f?.providerId ?? null,
      },
      first: listLimit(args.first, 50),
    });
  },
  themeTrends: (_parent, args, { db }) => {
    checkDateRange(args.from, args.to);
    return findThemeTrends(db, {
      themes: args.themes && args.themes.length > 0 ? [...args.themes] : null,
      from: args.from ?? null,
      to: args.to ?? null,
      interval: args.interval ?? 'YEAR',
      polarity: args.polarity ? args.polarity.toLowerCase() : null,
    });
  },
  themeCooccurrence: (_parent, args, { db }) => findThemeCooccurrence(db, toFindingParams(args.filter), listLimit(args.first, 50)),
  ratingChanges: (_parent, args, { db }) => {
    checkDateRange(args.from, args.to);
    return findRatingChanges(db, {
      direction: args.direction ?? null,
      regulator: args.regulator ?? null,
      from: args.from ?? null,
      to: args.to ?? null,
      first: listLimit(args.first, 50),
    });
  },
  enforcementActions: async (_parent, args, { db }) => {
    checkDateRange(args.from, args.to);
    const params = listParams.enforcementActions({ type: args.type, regulator: args.regulator, from: args.from, to: args.to });
    return toConnection(await readList(db, 'enforcementActions', pageArgs(args), params, { field: 'NEWEST', direction: 'DESC' }));
  },
};

export const RepeatedBreach: RepeatedBreachResolvers = {
  location: async (row, _args, { loaders }) => required(await loaders.node('location', row.locationId), `location ${row.locationId}`),
  provider: (row, _args, { loaders }) => (row.providerId ? loaders.node('provider', row.providerId) : null),
  regulation: async (row, _args, { loaders }) => required(await loaders.node('regulation', row.regulationId), `regulation ${row.regulationId}`),
  inspectionCount: (row) => row.inspectionIds.length,
  inspections: (row, _args, { loaders }) => loadAll(loaders, 'inspection', row.inspectionIds),
  requirements: (row, _args, { loaders }) => loadAll(loaders, 'requirement', row.requirementIds),
  repeatStatements: (row) => row.statements,
};

export const RepeatStatement: RepeatStatementResolvers = {
  finding: async (row, _args, { loaders }) => required(await loaders.node('finding', row.findingId), `finding ${row.findingId}`),
  refersTo: (row, _args, { loaders }) => (row.refersTo ? loaders.node('inspection', row.refersTo) : null),
};

export const BreachCount: BreachCountResolvers = {
  regulation: (row, _args, { loaders }) => (row.regulationId ? loaders.node('regulation', row.regulationId) : null),
  legislation: (row, _args, { loaders }) => (row.legislationId ? loaders.node('legislation', row.legislationId) : null),
  regulator: (row) => (row.regulator === 'OFSTED' || row.regulator === 'CQC' ? row.regulator : null),
  provider: (row, _args, { loaders }) => (row.providerId ? loaders.node('provider', row.providerId) : null),
};

export const ThemeTrendPoint: ThemeTrendPointResolvers = {
  theme: async (row, _args, { loaders }) => required(await loaders.node('theme', row.themeId), `theme ${row.themeId}`),
};

export const ThemePair: ThemePairResolvers = {
  first: async (row, _args, { loaders }) => required(await loaders.node('theme', row.firstId), `theme ${row.firstId}`),
  second: async (row, _args, { loaders }) => required(await loaders.node('theme', row.secondId), `theme ${row.secondId}`),
};

export const RatingChange: RatingChangeResolvers = {
  location: async (row, _args, { loaders }) => required(await loaders.node('location', row.locationId), `location ${row.locationId}`),
  provider: (row, _args, { loaders }) => (row.providerId ? loaders.node('provider', row.providerId) : null),
  before: (row, _args, { loaders }) => (row.beforeId ? loaders.node('inspection', row.beforeId) : null),
  after: async (row, _args, { loaders }) => required(await loaders.node('inspection', row.afterId), `inspection ${row.afterId}`),
  direction: (row) => (row.direction === 'UP' || row.direction === 'DOWN' ? row.direction : 'SAME'),
};
