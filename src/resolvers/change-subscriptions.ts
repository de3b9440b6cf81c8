/**
 * The subscriptions, fed by the server's one poller of the change feed: each subscriber picks
 * from every batch the changes it asked for, and each event is resolved with fresh DataLoaders.
 */
import type {
  InspectionPublishedFilter,
  SubscriptionResolvers,
} from '../generated/resolvers-types.ts';
import type { ChangeBatch } from '../graph/changes/change-poller.ts';
import type { ChangeSubject, ChangeWithSubject } from '../graph/changes/change-subjects.ts';
import type { ChangeRow } from '../graph/changes/read-changes.ts';
import type { EnforcementRow, InspectionRow } from '../graph/rows.ts';
import type { RequestContext } from './context.ts';

/** The events of one subscription: `pick` chooses from each batch of changes, in feed order. */
async function* events<T>(
  context: RequestContext,
  field: string,
  pick: (batch: ChangeBatch) => T[],
): AsyncGenerator<T> {
  const support = context.subscriptions;
  if (!support) throw new Error(`${field} is a subscription: open it over WebSocket at /graphql`);
  const stream = await support.poller.subscribe();
  support.onSubscribed(field);
  try {
    for await (const batch of stream) {
      for (const item of pick(batch)) {
        support.renew();
        yield item;
      }
    }
  } finally {
    await stream.return?.();
  }
}

type PlaceFilter = Pick<
  InspectionPublishedFilter,
  'regulator' | 'region' | 'localAuthority' | 'providerId' | 'locationId'
>;

/** True when the subject's place matches every field the filter sets. */
function isInPlace(subject: ChangeSubject, filter: PlaceFilter | null | undefined): boolean {
  if (!filter) return true;
  return (
    (!filter.regulator || filter.regulator === subject.regulator) &&
    (!filter.region || filter.region === subject.region) &&
    (!filter.localAuthority || filter.localAuthority === subject.localAuthority) &&
    (!filter.providerId || subject.providerIds.includes(filter.providerId)) &&
    (!filter.locationId || filter.locationId === subject.locationId)
  );
}

/** Subjects of the batch's changes of `type` that `keep` accepts, in feed order. */
function pickSubjects(
  batch: ChangeBatch,
  type: ChangeRow['entityType'],
  keep: (change: ChangeRow, subject: ChangeSubject) => boolean,
): ChangeSubject[] {
  return batch.rows.flatMap((change: ChangeWithSubject) =>
    change.entityType === type &&
    change.kind !== 'REMOVED' &&
    change.subject !== null &&
    keep(change, change.subject)
      ? [change.subject]
      : [],
  );
}

/** Its own report was written: the change was caused by a report the inspection is reported in. */
function isPublication(change: ChangeRow, subject: ChangeSubject): boolean {
  return (
    subject.inspection !== null &&
    subject.inspection.hasReport &&
    change.reportId !== null &&
    subject.reportShas.includes(change.reportId)
  );
}

export const changeSubscriptions: SubscriptionResolvers = {
  changes: {
    subscribe: (_parent, args, context) =>
      events(context, 'changes', (batch) =>
        args.types && args.types.length > 0
          ? batch.rows.filter((row) => args.types!.includes(row.entityType))
          : [...batch.rows],
      ),
    resolve: (change: ChangeRow) => change,
  },
  inspectionPublished: {
    subscribe: (_parent, { filter }, context) =>
      events(context, 'inspectionPublished', (batch) =>
        pickSubjects(
          batch,
          'INSPECTION',
          (change, subject) =>
            isPublication(change, subject) &&
            isInPlace(subject, filter) &&
            (!filter?.type || filter.type === subject.inspectionType),
        ).map((subject) => subject.inspection!),
      ),
    resolve: (inspection: InspectionRow) => inspection,
  },
  enforcementIssued: {
    subscribe: (_parent, { filter }, context) =>
      events(context, 'enforcementIssued', (batch) =>
        pickSubjects(
          batch,
          'ENFORCEMENT',
          (change, subject) =>
            change.kind === 'CREATED' &&
            subject.enforcement !== null &&
            isInPlace(subject, filter) &&
            (!filter?.types?.length || filter.types.includes(subject.enforcement.type)),
        ).map((subject) => subject.enforcement!),
      ),
    resolve: (enforcement: EnforcementRow) => enforcement,
  },
};
