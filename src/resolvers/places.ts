/** The lookup lists of places and report families (schema/places.graphql). */
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { listLocalAuthorities, listRegions, listReportFamilies } from '../graph/places.ts';

export const placeQueries: Pick<QueryResolvers, 'regions' | 'localAuthorities' | 'reportFamilies'> =
  {
    regions: (_parent, _args, { db }) => listRegions(db),
    localAuthorities: (_parent, { region }, { db }) => listLocalAuthorities(db, region ?? null),
    reportFamilies: (_parent, _args, { db }) => listReportFamilies(db),
  };
