/**
 * Requirement.followUp, Report.passages and Query.report: what the location profile page reads
 * beyond the plain traversals. Follow-ups are batched per request, one query for every
 * requirement a response asks about.
 */
import DataLoader from 'dataloader';
import type {
  QueryResolvers,
  ReportResolvers,
  RequirementResolvers,
} from '../generated/resolvers-types.ts';
import type { Database } from '../db/executor.ts';
import {
  readReportPassages,
  readRequirementFollowUps,
  type RequirementFollowUpRow,
} from '../graph/location-profile.ts';
import type { Loaders } from '../graph/loaders.ts';

type FollowUpLoader = DataLoader<string, RequirementFollowUpRow | null>;

/** One loader per request, found by the request's own Loaders object. */
const followUpLoaders = new WeakMap<Loaders, FollowUpLoader>();

function followUpLoader(loaders: Loaders, db: Database): FollowUpLoader {
  let loader = followUpLoaders.get(loaders);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly string[]) => {
      const byId = await readRequirementFollowUps(db, ids);
      return ids.map((id) => byId.get(id) ?? null);
    });
    followUpLoaders.set(loaders, loader);
  }
  return loader;
}

export const locationProfileQueries: Pick<QueryResolvers, 'report'> = {
  report: (_parent, { sha256 }, { loaders }) => loaders.node('report', sha256),
};

export const RequirementFollowUpFields: Pick<RequirementResolvers, 'followUp'> = {
  followUp: (requirement, _args, { loaders, db }) =>
    followUpLoader(loaders, db).load(requirement.id),
};

export const ReportPassageFields: Pick<ReportResolvers, 'passages'> = {
  passages: (report, _args, { db }) => readReportPassages(db, report.sha256),
};
