import type {
  QueryResolvers,
  RelatedFindingResolvers,
  SearchHitResolvers,
} from '../generated/resolvers-types.ts';
import { describeRelatedness, findRelatedFindings, searchText } from '../graph/search.ts';
import { badInput, listLimit, required } from './support.ts';

export const searchQueries: Pick<QueryResolvers, 'search' | 'relatedFindings'> = {
  search: (_parent, args, { db }) => {
    if (args.text.trim().length === 0) throw badInput('text must not be empty.');
    return searchText(db, args.text, listLimit(args.first, 20));
  },
  relatedFindings: async (_parent, args, { db, loaders }) => {
    const related = await findRelatedFindings(db, args.findingId, listLimit(args.first, 10));
    // Only an empty answer needs telling apart from an unknown finding, so only it costs a look-up.
    if (related.length === 0 && !(await loaders.node('finding', args.findingId)))
      throw badInput(`No finding with id ${args.findingId}.`);
    return related;
  },
};

export const RelatedFinding: RelatedFindingResolvers = {
  finding: async (row, _args, { loaders }) =>
    required(
      await loaders.nodeFrom('finding', row.findingId, row.finding),
      `finding ${row.findingId}`,
    ),
  sharedThemes: async (row, _args, { loaders }) =>
    Promise.all(
      row.sharedThemes.map(async (id) => required(await loaders.node('theme', id), `theme ${id}`)),
    ),
  sharedRegulations: async (row, _args, { loaders }) =>
    Promise.all(
      row.sharedRegulations.map(async (id) =>
        required(await loaders.node('regulation', id), `regulation ${id}`),
      ),
    ),
  reasons: (row) => describeRelatedness(row),
};

export const SearchHit: SearchHitResolvers = {
  finding: (row, _args, { loaders }) =>
    row.kind === 'FINDING' ? loaders.nodeFrom('finding', row.id, row.finding) : null,
  requirement: (row, _args, { loaders }) =>
    row.kind === 'REQUIREMENT' ? loaders.nodeFrom('requirement', row.id, row.requirement) : null,
  inspection: async (row, _args, { loaders }) =>
    required(
      await loaders.nodeFrom('inspection', row.inspectionId, row.inspection),
      `inspection ${row.inspectionId}`,
    ),
  location: async (row, _args, { loaders }) =>
    required(
      await loaders.nodeFrom('location', row.locationId, row.location),
      `location ${row.locationId}`,
    ),
};
