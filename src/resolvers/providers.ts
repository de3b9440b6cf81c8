import type { ProviderResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import { listParams, readList } from '../graph/lists.ts';
import { toConnection } from '../graph/pagination.ts';
import { pageArgs } from './support.ts';

export const providerQueries: Pick<QueryResolvers, 'provider' | 'providers'> = {
  provider: (_parent, { id }, { loaders }) => loaders.node('provider', id),
  providers: async (_parent, args, { db }) =>
    toConnection(
      await readList(db, 'providers', pageArgs(args), listParams.providers(args.filter), {
        field: args.sort?.field ?? 'NAME',
        direction: args.sort?.direction ?? 'ASC',
      }),
    ),
};

export const Provider: ProviderResolvers = {
  locations: async (provider, args, { loaders }) => toConnection(await loaders.page('providerLocations', provider.id, pageArgs(args))),
};
