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
import {
  groupedCountQueries,
  LocationInspectionCount,
  RatingChangeCount,
  RepeatedBreachRegulationCount,
} from './grouped-counts.ts';
import { health } from './health.ts';
import { Health } from './synthetic-data.ts';
import { Change, ChangedEntity, changeQueries } from './changes.ts';
import { changeSubscriptions } from './change-subscriptions.ts';
import { IngestReportResult, ingestMutations } from './ingest.ts';
import { Inspection, inspectionQueries, Judgement } from './inspections.ts';
import { Location, locationQueries } from './locations.ts';
import { LegislationCountField, placeQueries, ThemeCountField } from './places.ts';
import {
  BreachCountGroupField,
  LocationGroupField,
  ProviderGroup,
  ProviderGroupField,
  providerGroupQueries,
  RepeatedBreachProviderGroupCount,
} from './provider-groups.ts';
import {
  locationProfileQueries,
  ReportPassageFields,
  RequirementFollowUpFields,
} from './location-profile.ts';
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
    ...placeQueries,
    ...providerGroupQueries,
    ...changeQueries,
    ...locationProfileQueries,
    ...groupedCountQueries,
  },
  Mutation: { ...ingestMutations },
  Subscription: { ...changeSubscriptions },
  Change,
  ChangedEntity,
  Health,
  Provider: { ...Provider, ...ProviderIdentityFields, ...ProviderGroupField },
  Location: { ...Location, ...LocationGroupField },
  ProviderGroup,
  Inspection,
  Judgement,
  Legislation: { ...Legislation, ...LegislationCountField },
  Regulation,
  Requirement: { ...Requirement, ...RequirementFollowUpFields },
  EnforcementAction,
  Finding,
  Recommendation,
  Theme: { ...Theme, ...ThemeCountField },
  SourcePosition,
  Report: { ...Report, ...ReportPassageFields },
  RepeatedBreach,
  CountedInspection,
  RepeatStatement,
  BreachCount: { ...BreachCount, ...BreachCountGroupField },
  ThemeTrendPoint,
  ThemePair,
  RatingChange,
  RepeatedBreachRegulationCount,
  RepeatedBreachProviderGroupCount,
  LocationInspectionCount,
  RatingChangeCount,
  RelatedFinding,
  SearchHit,
  IngestReportResult,
};
