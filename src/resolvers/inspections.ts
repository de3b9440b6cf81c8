import type { InspectionResolvers, JudgementResolvers, QueryResolvers, Regulator } from '../generated/resolvers-types.ts';
import { listParams, readList } from '../graph/lists.ts';
import { toConnection } from '../graph/pagination.ts';
import { readAhead } from './prefetch-plan.ts';
import { selectsTotalCount } from './selection.ts';
import { checkDateRange, pageArgs, required } from './support.ts';

export const inspectionQueries: Pick<QueryResolvers, 'inspection' | 'inspections'> = {
  inspection: (_parent, { id }, { loaders }) => loaders.node('inspection', id),
  inspections: async (_parent, args, { db, loaders }, info) => {
    checkDateRange(args.filter?.from, args.filter?.to);
    return toConnection(
      await readList(db, 'inspections', pageArgs(args), listParams.inspections(args.filter), {
        field: args.sort?.field ?? 'START_DATE',
        direction: args.sort?.direction ?? 'DESC',
      }, readAhead(info, loaders)),
    );
  },
};

const rowsOf = async <T>(items: Promise<{ row: T }[]>): Promise<T[]> => (await items).map((item) => item.row);

export const Inspection: InspectionResolvers = {
  regulator: async (inspection, _args, { loaders }) => (await loaders.one('inspectionRegulator', inspection.id)) as Regulator | null,
  location: async (inspection, _args, { loaders }) =>
    required(await loaders.one('inspectionLocation', inspection.id), `location of inspection ${inspection.id}`),
  previous: (inspection, _args, { loaders }) => loaders.one('inspectionPrevious', inspection.id),
  judgements: (inspection, _args, { loaders }) => rowsOf(loaders.related('inspectionJudgements', inspection.id)),
  requirements: (inspection, _args, { loaders }) => rowsOf(loaders.related('inspectionRequirements', inspection.id)),
  recommendations: (inspection, _args, { loaders }) => rowsOf(loaders.related('inspectionRecommendations', inspection.id)),
  enforcementActions: (inspection, _args, { loaders }) => rowsOf(loaders.related('inspectionEnforcement', inspection.id)),
  reports: (inspection, _args, { loaders }) => rowsOf(loaders.related('inspectionReports', inspection.id)),
  findings: async (inspection, args, { loaders }, info) =>
    toConnection(await loaders.page('inspectionFindings', inspection.id, pageArgs(args, 50), args.filter, selectsTotalCount(info))),
};

export const Judgement: JudgementResolvers = {
  inspection: async (judgement, _args, { loaders }) =>
    required(await loaders.one('judgementInspection', judgement.id), `inspection of judgement ${judgement.id}`),
};
