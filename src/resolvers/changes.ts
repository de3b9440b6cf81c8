/** The change feed as a connection (`Query.changes`) and the Change type. */
import { GraphQLError } from 'graphql';
import type {
  ChangedEntityResolvers,
  ChangeResolvers,
  QueryResolvers,
} from '../generated/resolvers-types.ts';
import {
  findStartOfSince,
  readChanges,
  type ChangeEntityType,
  type ChangeRow,
} from '../graph/changes/read-changes.ts';
import type { Loaders } from '../graph/loaders.ts';
import type { Database } from '../db/executor.ts';
import { ErrorCode } from '../model/error-codes.ts';
import { badInput, listLimit } from './support.ts';

const KIND_OF = {
  INSPECTION: 'inspection',
  REQUIREMENT: 'requirement',
  ENFORCEMENT: 'enforcement',
  FINDING: 'finding',
  LOCATION: 'location',
  PROVIDER: 'provider',
} as const satisfies Record<ChangeEntityType, string>;

const TYPE_NAME_OF = {
  INSPECTION: 'Inspection',
  REQUIREMENT: 'Requirement',
  ENFORCEMENT: 'EnforcementAction',
  FINDING: 'Finding',
  LOCATION: 'Location',
  PROVIDER: 'Provider',
} as const satisfies Record<ChangeEntityType, string>;

type EntityTypeName = (typeof TYPE_NAME_OF)[ChangeEntityType];

/** The GraphQL type of each entity row served as a ChangedEntity (rows carry no type name). */
const typeNames = new WeakMap<object, EntityTypeName>();

/** Feed positions are seqs; the cursor keeps them opaque and apart from offset cursors. */
export function encodeChangeCursor(seq: number): string {
  return Buffer.from(`change:${seq}`, 'utf8').toString('base64url');
}

export function decodeChangeCursor(cursor: string): number {
  const match = /^change:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match)
    throw new GraphQLError(
      'Invalid cursor: pass a cursor or endCursor from an earlier page of changes.',
      { extensions: { code: ErrorCode.BadUserInput } },
    );
  return Number(match[1]);
}

/** `since`: a graph version (a whole number) or an ISO 8601 time. */
export function parseSince(since: string): { version: number | null; at: string | null } {
  if (/^\d{1,15}$/.test(since)) return { version: Number(since), at: null };
  if (/^\d{4}-\d\d-\d\d/.test(since) && !Number.isNaN(Date.parse(since)))
    return { version: null, at: new Date(since).toISOString() };
  throw badInput(
    'since must be a graph version (a whole number) or an ISO 8601 time such as 2026-01-31T12:00:00Z.',
  );
}

async function startSeq(
  db: Database,
  args: { since?: string | null; after?: string | null },
): Promise<number> {
  if (args.after) return decodeChangeCursor(args.after);
  if (!args.since) return 0;
  const [start] = await db.read(findStartOfSince, parseSince(args.since));
  return start?.seq ?? 0;
}

export const changeQueries: Pick<QueryResolvers, 'changes'> = {
  changes: async (_parent, args, { db }) => {
    const afterSeq = await startSeq(db, args);
    const page = await readChanges(db, {
      afterSeq,
      first: listLimit(args.first, 20),
      types: args.types ?? [],
    });
    const edges = page.rows.map((node) => ({ cursor: encodeChangeCursor(node.seq), node }));
    return {
      edges,
      nodes: page.rows,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: afterSeq > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: encodeChangeCursor(page.endSeq),
      },
    };
  },
};

/** The entity of a change as it is now (null when gone), tagged with its GraphQL type. */
export async function loadChangedEntity(loaders: Loaders, change: ChangeRow) {
  const row = await loaders.node(KIND_OF[change.entityType], change.entityId);
  if (row !== null && typeof row === 'object') typeNames.set(row, TYPE_NAME_OF[change.entityType]);
  return row;
}

export const Change: ChangeResolvers = {
  seq: (change) => String(change.seq),
  entity: (change, _args, { loaders }) => loadChangedEntity(loaders, change),
  report: (change, _args, { loaders }) =>
    change.reportId === null ? null : loaders.node('report', change.reportId),
};

export const ChangedEntity: ChangedEntityResolvers = {
  __resolveType: (row) => {
    const name = typeNames.get(row);
    if (!name) throw new Error('Graph inconsistency: a changed entity of unknown type');
    return name;
  },
};
