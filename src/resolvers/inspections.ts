import type {
  InspectionResolvers,
  JudgementResolvers,
  QueryResolvers,
  Regulator,
} from '../generated/resolvers-types.ts';
import { listParams, readList } from '../graph/lists.ts';
import { whenReady, type Eventually } from '../graph/loaders.ts';
import { toConnection } from './connection.ts';
import { readAhead } from './prefetch-plan.ts';
import { selectsTotalCount } from './selection.ts';
import { checkDateRange, pageArgs, required } from './support.ts';

export const inspectionQueries: Pick<QueryResolvers, 'inspection' | 'inspections'> = {
  inspection: (_parent, { id }, { loaders }) => loaders.node('inspection', id),
  inspections: async (_parent, args, { db, loaders }, info) => {
    checkDateRange(args.filter?.from, args.filter?.to);
    return toConnection(
      await readList(
        db,
        'inspections',
        pageArgs(args),
        listParams.inspections(args.filter),
        {
          field: args.sort?.field ?? 'START_DATE',
          direction: args.sort?.direction ?? 'DESC',
        },
        readAhead(info, loaders, 'inspections'),
      ),
    );
  },
};

export const Inspection: InspectionResolvers = {
  visits: (inspection) =>
    inspection.visits.map((visit) => {
      const [startDate, endDate] = visit.split('/');
      return { startDate: startDate!, endDate: endDate! };
    }),
  regulator: (inspection, _args, { loaders }) =>
    loaders.oneOf('inspectionRegulator', inspection, inspection.id) as Eventually<Regulator | null>,
  location: (inspection, _args, { loaders }) =>
    whenReady(loaders.oneOf('inspectionLocation', inspection, inspection.id), (row) =>
      required(row, `location of inspection ${inspection.id}`),
    ),
  previous: (inspection, _args, { loaders }) =>
    loaders.oneOf('inspectionPrevious', inspection, inspection.id),
  judgements: (inspection, _args, { loaders }) =>
    loaders.rowsOf('inspectionJudgements', inspection, inspection.id),
  requirements: (inspection, _args, { loaders }) =>
    loaders.rowsOf('inspectionRequirements', inspection, inspection.id),
  recommendations: (inspection, _args, { loaders }) =>
    loaders.rowsOf('inspectionRecommendations', inspection, inspection.id),
  enforcementActions: (inspection, _args, { loaders }) =>
    loaders.rowsOf('inspectionEnforcement', inspection, inspection.id),
  reports: (inspection, _args, { loaders }) =>
    loaders.rowsOf('inspectionReports', inspection, inspection.id),
  findings: (inspection, args, { loaders }, info) =>
    whenReady(
      loaders.pageOf(
        'inspectionFindings',
        inspection,
        inspection.id,
        pageArgs(args, 50),
        args.filter,
        selectsTotalCount(info),
      ),
      toConnection,
    ),
};

export const Judgement: JudgementResolvers = {
  inspection: async (judgement, _args, { loaders }) =>
    required(
      await loaders.one('judgementInspection', judgement.id),
      `inspection of judgement ${judgement.id}`,
    ),
};
