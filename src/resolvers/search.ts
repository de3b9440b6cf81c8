import type { QueryResolvers, RelatedFindingResolvers, SearchHitResolvers } from '../generated/resolvers-types.ts';
import { describeRelatedness, findRelatedFindings, searchText } from '../graph/search.ts';
import { badInput, listLimit, required } from './support.ts';

export const searchQueries: Pick<QueryResolvers, 'search' | 'relatedFindings'> = {
  search: (_parent, args, { db }) => {
    if (args.text.trim().length === 0) throw badInput('text must not be empty.');
    return searchText(db, args.text, listLimit(args.first, 20));
  },
  relatedFindings: async (_parent, args, { db, loaders }) => {
    if (!(await loaders.node('finding', args.findingId))) throw badInput(`No finding with id ${args.findingId}.`);
    return findRelatedFindings(db, args.findingId, listLimit(args.first, 10));
  },
};

export const RelatedFinding: RelatedFindingResolvers = {
  finding: async (row, _args, { loaders }) => required(await loaders.node('finding', row.findingId), `finding ${row.findingId}`),
  sharedThemes: async (row, _args, { loaders }) => Promise.all(row.sharedThemes.map(async (id) => required(await loaders.node('theme', id), `theme ${id}`))),
  sharedRegulations: async (row, _args, { loaders }) =>
    Promise.all(row.sharedRegulations.map(async (id) => required(await loaders.node('regulation', id), `regulation ${id}`))),
  reasons: (row) => describeRelatedness(row),
};

export const SearchHit: SearchHitResolvers = {
  finding: (row, _args, { loaders }) => (row.kind === 'FINDING' ? loaders.node('finding', row.id) : null),
  requirement: (row, _args, { loaders }) => (row.kind === 'REQUIREMENT' ? loaders.node('requirement', row.id) : null),
  inspection: async (row, _args, { loaders }) => required(await loaders.node('inspection', row.inspectionId), `inspection ${row.inspectionId}`),
  location: async (row, _args, { loaders }) => required(await loaders.node('location', row.locationId), `location ${row.locationId}`),
};
