import type {
  EnforcementActionResolvers,
  LegislationResolvers,
  QueryResolvers,
  RegulationResolvers,
  RequirementResolvers,
} from '../generated/resolvers-types.ts';
import { listLegislation, listRegulations } from '../graph/catalogue.ts';
import { toConnection } from '../graph/pagination.ts';
import { selectsTotalCount } from './selection.ts';
import { pageArgs, required } from './support.ts';

export const regulationQueries: Pick<QueryResolvers, 'legislation' | 'regulation' | 'regulations'> = {
  legislation: (_parent, _args, { db }) => listLegislation(db),
  regulation: (_parent, { id }, { loaders }) => loaders.node('regulation', id),
  regulations: (_parent, { legislation }, { db }) => listRegulations(db, legislation ?? null),
};

export const Legislation: LegislationResolvers = {
  regulations: async (legislation, _args, { loaders }) =>
    (await loaders.related('legislationRegulations', legislation.id)).map((item) => item.row),
};

export const Regulation: RegulationResolvers = {
  legislation: async (regulation, _args, { loaders }) =>
    required(await loaders.one('regulationLegislation', regulation.id), `legislation of regulation ${regulation.id}`),
  themes: async (regulation, _args, { loaders }) => (await loaders.related('regulationThemes', regulation.id)).map((item) => item.row),
  requirements: async (regulation, args, { loaders }, info) =>
    toConnection(await loaders.page('regulationRequirements', regulation.id, pageArgs(args), args.filter, selectsTotalCount(info))),
};

export const Requirement: RequirementResolvers = {
  regulation: (requirement, _args, { loaders }) => loaders.one('requirementRegulation', requirement.id),
  inspection: async (requirement, _args, { loaders }) =>
    required(await loaders.one('requirementInspection', requirement.id), `inspection of requirement ${requirement.id}`),
  source: (requirement) => requirement.position,
};

export const EnforcementAction: EnforcementActionResolvers = {
  regulation: (action, _args, { loaders }) => loaders.one('enforcementRegulation', action.id),
  inspection: async (action, _args, { loaders }) =>
    required(await loaders.one('enforcementInspection', action.id), `inspection of enforcement action ${action.id}`),
  source: (action) => action.position,
};
