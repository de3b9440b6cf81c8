import type { ProviderResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import { listParams, readList } from '../graph/lists.ts';
import { whenReady } from '../graph/loaders.ts';
import { toConnection } from './connection.ts';
import { readAhead } from './prefetch-plan.ts';
import { selectsTotalCount } from './selection.ts';
import { pageArgs } from './support.ts';

export const providerQueries: Pick<QueryResolvers, 'provider' | 'providers'> = {
  provider: (_parent, { id }, { loaders }) => loaders.node('provider', id),
  providers: async (_parent, args, { db, loaders }, info) =>
    toConnection(
      await readList(
        db,
        'providers',
        pageArgs(args),
        listParams.providers(args.filter),
        {
          field: args.sort?.field ?? 'NAME',
          direction: args.sort?.direction ?? 'ASC',
        },
        readAhead(info, loaders, 'providers'),
      ),
    ),
};

export const Provider: ProviderResolvers = {
  locations: (provider, args, { loaders }, info) =>
    whenReady(
      loaders.pageOf(
        'providerLocations',
        provider,
        provider.id,
        pageArgs(args),
        null,
        selectsTotalCount(info),
      ),
      toConnection,
    ),
};
