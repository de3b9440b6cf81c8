/**
 * The lookup lists of places and report families, and the counts on the catalogue lists
 * `themes` and `legislation` (schema/places.graphql). Counts read through one DataLoader per
 * request, so a whole list costs one query.
 */
import DataLoader from 'dataloader';
import type {
  LegislationResolvers,
  QueryResolvers,
  ThemeResolvers,
} from '../generated/resolvers-types.ts';
import {
  legislationRequirementCounts,
  listLocalAuthorities,
  listRegions,
  listReportFamilies,
  readCountsById,
  themeFindingCounts,
} from '../graph/places.ts';
import type { RequestContext } from './context.ts';

export const placeQueries: Pick<QueryResolvers, 'regions' | 'localAuthorities' | 'reportFamilies'> =
  {
    regions: (_parent, _args, { db }) => listRegions(db),
    localAuthorities: (_parent, { region }, { db }) => listLocalAuthorities(db, region ?? null),
    reportFamilies: (_parent, _args, { db }) => listReportFamilies(db),
  };

type CountQuery = typeof themeFindingCounts;
const countLoaders = new WeakMap<RequestContext, Map<CountQuery, DataLoader<string, number>>>();

function countOf(context: RequestContext, query: CountQuery, id: string): Promise<number> {
  let loaders = countLoaders.get(context);
  if (!loaders) countLoaders.set(context, (loaders = new Map()));
  let loader = loaders.get(query);
  if (!loader) {
    loader = new DataLoader((ids: readonly string[]) => readCountsById(context.db, query, ids));
    loaders.set(query, loader);
  }
  return loader.load(id);
}

export const ThemeCountField: Pick<ThemeResolvers, 'findingCount'> = {
  findingCount: (theme, _args, context) => countOf(context, themeFindingCounts, theme.id),
};

export const LegislationCountField: Pick<LegislationResolvers, 'requirementCount'> = {
  requirementCount: (legislation, _args, context) =>
    countOf(context, legislationRequirementCounts, legislation.id),
};
