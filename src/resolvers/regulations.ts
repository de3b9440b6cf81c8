import type {
  EnforcementActionResolvers,
  LegislationResolvers,
  QueryResolvers,
  RegulationResolvers,
  RequirementResolvers,
} from '../generated/resolvers-types.ts';
import { listLegislation, listRegulations } from '../graph/catalogue.ts';
import { whenReady } from '../graph/loaders.ts';
import { toConnection } from './connection.ts';
import { selectsTotalCount } from './selection.ts';
import { pageArgs, required } from './support.ts';

export const regulationQueries: Pick<QueryResolvers, 'legislation' | 'regulation' | 'regulations'> =
  {
    legislation: (_parent, _args, { db }) => listLegislation(db),
    regulation: (_parent, { id }, { loaders }) => loaders.node('regulation', id),
    regulations: (_parent, { legislation }, { db }) => listRegulations(db, legislation ?? null),
  };

export const Legislation: LegislationResolvers = {
  regulations: async (legislation, _args, { loaders }) =>
    (await loaders.related('legislationRegulations', legislation.id)).map((item) => item.row),
};

export const Regulation: RegulationResolvers = {
  legislation: (regulation, _args, { loaders }) =>
    whenReady(loaders.oneOf('regulationLegislation', regulation, regulation.id), (row) =>
      required(row, `legislation of regulation ${regulation.id}`),
    ),
  themes: (regulation, _args, { loaders }) =>
    loaders.rowsOf('regulationThemes', regulation, regulation.id),
  requirements: async (regulation, args, { loaders }, info) =>
    toConnection(
      await loaders.page(
        'regulationRequirements',
        regulation.id,
        pageArgs(args),
        args.filter,
        selectsTotalCount(info),
      ),
    ),
};

export const Requirement: RequirementResolvers = {
  regulation: (requirement, _args, { loaders }) =>
    loaders.oneOf('requirementRegulation', requirement, requirement.id),
  inspection: (requirement, _args, { loaders }) =>
    whenReady(loaders.oneOf('requirementInspection', requirement, requirement.id), (row) =>
      required(row, `inspection of requirement ${requirement.id}`),
    ),
  enforcementAction: (requirement, _args, { loaders }) =>
    loaders.oneOf('requirementEnforcement', requirement, requirement.id),
  source: (requirement) => requirement.position,
};

export const EnforcementAction: EnforcementActionResolvers = {
  regulation: (action, _args, { loaders }) =>
    loaders.oneOf('enforcementRegulation', action, action.id),
  inspection: (action, _args, { loaders }) =>
    whenReady(loaders.oneOf('enforcementInspection', action, action.id), (row) =>
      required(row, `inspection of enforcement action ${action.id}`),
    ),
  source: (action) => action.position,
};
