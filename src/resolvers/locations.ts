import type { LocationResolvers, QueryResolvers, Regulator } from '../generated/resolvers-types.ts';
import { listParams, readList } from '../graph/lists.ts';
import { whenReady, type Eventually } from '../graph/loaders.ts';
import { toConnection } from './connection.ts';
import { readAhead } from './prefetch-plan.ts';
import { selectsTotalCount } from './selection.ts';
import { pageArgs } from './support.ts';

export const locationQueries: Pick<QueryResolvers, 'location' | 'locations'> = {
  location: (_parent, { id }, { loaders }) => loaders.node('location', id),
  locations: async (_parent, args, { db, loaders }, info) =>
    toConnection(
      await readList(
        db,
        'locations',
        pageArgs(args),
        listParams.locations(args.filter),
        {
          field: args.sort?.field ?? 'NAME',
          direction: args.sort?.direction ?? 'ASC',
        },
        readAhead(info, loaders, 'locations'),
      ),
    ),
};

export const Location: LocationResolvers = {
  regulators: (location, _args, { loaders }) =>
    loaders.rowsOf('locationRegulators', location, location.id) as Eventually<Regulator[]>,
  provider: (location, _args, { loaders }) =>
    loaders.oneOf('locationProvider', location, location.id),
  inspections: (location, args, { loaders }, info) =>
    whenReady(
      loaders.pageOf(
        'locationInspections',
        location,
        location.id,
        pageArgs(args),
        null,
        selectsTotalCount(info),
      ),
      toConnection,
    ),
};
