import type { Resolvers } from '../generated/resolvers-types.ts';
import {
  analyticsQueries,
  BreachCount,
  RatingChange,
  RepeatedBreach,
  RepeatStatement,
  CountedInspection,
  ThemePair,
  ThemeTrendPoint,
} from './analytics.ts';
import {
  Finding,
  findingQueries,
  Recommendation,
  Report,
  SourcePosition,
  Theme,
} from './findings.ts';
import { health } from './health.ts';
import { Change, ChangedEntity, changeQueries } from './changes.ts';
import { changeSubscriptions } from './change-subscriptions.ts';
import { IngestReportResult, ingestMutations } from './ingest.ts';
import { Inspection, inspectionQueries, Judgement } from './inspections.ts';
import { Location, locationQueries } from './locations.ts';
import { Provider, providerQueries } from './providers.ts';
import { ProviderIdentityFields } from './provider-identity.ts';
import {
  EnforcementAction,
  Legislation,
  Regulation,
  regulationQueries,
  Requirement,
} from './regulations.ts';
import { DateScalar, DateTimeScalar } from './scalars.ts';
import { RelatedFinding, SearchHit, searchQueries } from './search.ts';

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query: {
    health,
    ...providerQueries,
    ...locationQueries,
    ...inspectionQueries,
    ...regulationQueries,
    ...findingQueries,
    ...analyticsQueries,
    ...searchQueries,
    ...changeQueries,
  },
  Mutation: { ...ingestMutations },
  Subscription: { ...changeSubscriptions },
  Change,
  ChangedEntity,
  Provider: { ...Provider, ...ProviderIdentityFields },
  Location,
  Inspection,
  Judgement,
  Legislation,
  Regulation,
  Requirement,
  EnforcementAction,
  Finding,
  Recommendation,
  Theme,
  SourcePosition,
  Report,
  RepeatedBreach,
  CountedInspection,
  RepeatStatement,
  BreachCount,
  ThemeTrendPoint,
  ThemePair,
  RatingChange,
  RelatedFinding,
  SearchHit,
  IngestReportResult,
};
