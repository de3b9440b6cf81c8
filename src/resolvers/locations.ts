import type { LocationResolvers, QueryResolvers, Regulator } from '../generated/resolvers-types.ts';
import { listParams, readList } from '../graph/lists.ts';
import { toConnection } from '../graph/pagination.ts';
import { readAhead } from './prefetch-plan.ts';
import { selectsTotalCount } from './selection.ts';
import { pageArgs } from './support.ts';

export const locationQueries: Pick<QueryResolvers, 'location' | 'locations'> = {
  location: (_parent, { id }, { loaders }) => loaders.node('location', id),
  locations: async (_parent, args, { db, loaders }, info) =>
    toConnection(
      await readList(db, 'locations', pageArgs(args), listParams.locations(args.filter), {
        field: args.sort?.field ?? 'NAME',
        direction: args.sort?.direction ?? 'ASC',
      }, readAhead(info, loaders)),
    ),
};

export const Location: LocationResolvers = {
  regulators: async (location, _args, { loaders }) =>
    (await loaders.related('locationRegulators', location.id)).map((item) => item.row as Regulator),
  provider: (location, _args, { loaders }) => loaders.one('locationProvider', location.id),
  inspections: async (location, args, { loaders }, info) =>
    toConnection(await loaders.page('locationInspections', location.id, pageArgs(args), null, selectsTotalCount(info))),
};
