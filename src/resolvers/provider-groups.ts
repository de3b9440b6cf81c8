/**
 * Provider groups (schema/provider-groups.graphql): the lists, a group's providers and locations,
 * Provider.group, Location.providerGroup and BreachCount.providerGroup. The per-parent fields read
 * through one DataLoader each per request, so a page of providers or locations costs one query.
 */
import DataLoader from 'dataloader';
import type {
  BreachCountResolvers,
  LocationResolvers,
  ProviderGroupResolvers,
  ProviderResolvers,
  QueryResolvers,
  RepeatedBreachProviderGroupCountResolvers,
} from '../generated/resolvers-types.ts';
import {
  groupsOfLocations,
  groupsOfProviders,
  listGroupLocations,
  listProviderGroups,
  readGroupProviders,
  readGroupsById,
  readGroupsByKey,
  type ProviderGroupRow,
} from '../graph/provider-groups.ts';
import type { ProviderRow } from '../graph/rows.ts';
import { answerAsConnection } from './answer-page.ts';
import type { RequestContext } from './context.ts';

interface GroupLoaders {
  byId: DataLoader<string, ProviderGroupRow | null>;
  ofProvider: DataLoader<string, ProviderGroupRow | null>;
  ofLocation: DataLoader<string, ProviderGroupRow | null>;
  providers: DataLoader<string, ProviderRow[]>;
}

const loadersByContext = new WeakMap<RequestContext, GroupLoaders>();

function groupLoaders(context: RequestContext): GroupLoaders {
  let loaders = loadersByContext.get(context);
  if (!loaders) {
    const { db } = context;
    loaders = {
      byId: new DataLoader((ids: readonly string[]) => readGroupsById(db, ids)),
      ofProvider: new DataLoader((ids: readonly string[]) =>
        readGroupsByKey(db, groupsOfProviders, ids),
      ),
      ofLocation: new DataLoader((ids: readonly string[]) =>
        readGroupsByKey(db, groupsOfLocations, ids),
      ),
      providers: new DataLoader((ids: readonly string[]) => readGroupProviders(db, ids)),
    };
    loadersByContext.set(context, loaders);
  }
  return loaders;
}

export const providerGroupQueries: Pick<QueryResolvers, 'providerGroup' | 'providerGroups'> = {
  providerGroup: (_parent, { id }, context) => groupLoaders(context).byId.load(id),
  providerGroups: (_parent, args, { db }, info) =>
    answerAsConnection(args, info, 20, (page) =>
      listProviderGroups(db, {
        minProviders: args.minProviders ?? 2,
        nameContains: args.nameContains ?? null,
        ...page,
      }),
    ),
};

export const ProviderGroup: ProviderGroupResolvers = {
  providers: (group, _args, context) => groupLoaders(context).providers.load(group.id),
  locations: (group, args, { db }, info) =>
    answerAsConnection(args, info, 20, (page) => listGroupLocations(db, { id: group.id, ...page })),
};

export const ProviderGroupField: Pick<ProviderResolvers, 'group'> = {
  group: (provider, _args, context) => groupLoaders(context).ofProvider.load(provider.id),
};

export const LocationGroupField: Pick<LocationResolvers, 'providerGroup'> = {
  providerGroup: (location, _args, context) => groupLoaders(context).ofLocation.load(location.id),
};

export const BreachCountGroupField: Pick<BreachCountResolvers, 'providerGroup'> = {
  providerGroup: (row, _args, context) =>
    row.providerGroupId ? groupLoaders(context).byId.load(row.providerGroupId) : null,
};

export const RepeatedBreachProviderGroupCount: RepeatedBreachProviderGroupCountResolvers = {
  providerGroup: (row, _args, context) =>
    row.providerGroupId ? groupLoaders(context).byId.load(row.providerGroupId) : null,
};
