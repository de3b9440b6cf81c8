/**
 * The change feed's read side: pages of `(:Change)` in `seq` order. A reader never sees a change
 * before every earlier one is visible: seqs are gap-free (stamp-queries.ts), so a page stops at
 * the first missing number, a change whose transaction is still being applied, and the next
 * read starts there. Positions are seqs: a client that keeps the last one it read never misses
 * or repeats a change, whichever server it asks.
 */
import type { Database } from '../../db/executor.ts';
import { defineQuery, read, type PlainRecord } from '../../db/query.ts';
import { GRAPH_STATE_ID } from '../summaries/graph-version.ts';

export const CHANGE_ENTITY_TYPES = [
  'INSPECTION',
  'REQUIREMENT',
  'ENFORCEMENT',
  'FINDING',
  'LOCATION',
  'PROVIDER',
] as const;
export type ChangeEntityType = (typeof CHANGE_ENTITY_TYPES)[number];
export const CHANGE_KINDS = ['CREATED', 'CHANGED', 'REPLACED', 'REMOVED'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface ChangeRow {
  seq: number;
  version: number;
  at: string;
  kind: ChangeKind;
  entityType: ChangeEntityType;
  entityId: string;
  reportId: string | null;
}

function oneOf<T extends string>(values: readonly T[], record: PlainRecord, field: string): T {
  const value = read.string(record, field);
  if (!(values as readonly string[]).includes(value))
    throw new TypeError(`field ${field}: unexpected ${JSON.stringify(value)}`);
  return value as T;
}

/** A change's own columns (`seq`, `version`, `at`, `kind`, `entityType`, `entityId`, `reportId`). */
export function parseChangeRow(row: PlainRecord): ChangeRow {
  return {
    seq: read.number(row, 'seq'),
    version: read.number(row, 'version'),
    at: read.string(row, 'at'),
    kind: oneOf(CHANGE_KINDS, row, 'kind'),
    entityType: oneOf(CHANGE_ENTITY_TYPES, row, 'entityType'),
    entityId: read.string(row, 'entityId'),
    reportId: read.optionalString(row, 'reportId'),
  };
}

/** The changes after `after`, in order, at most `limit` (the caller keeps the gap-free prefix). */
export const readChangesAfter = defineQuery<{ after: number; limit: number }, ChangeRow>({
  name: 'changes.read-after',
  cypher: `
    MATCH (c:Change) WHERE c.seq > $after
    RETURN c.seq AS seq, c.version AS version, c.at AS at, c.kind AS kind,
           c.entityType AS entityType, c.entityId AS entityId, c.reportId AS reportId
    ORDER BY c.seq LIMIT $limit`,
  parse: parseChangeRow,
});

/**
 * The position just before the first change of a graph version above `version`, or at or after
 * `at` (the seq counter when there is none yet: only later changes follow).
 */
export const findStartOfSince = defineQuery<
  { version: number | null; at: string | null },
  { seq: number }
>({
  name: 'changes.find-since',
  cypher: `
    OPTIONAL MATCH (st:GraphState {id: '${GRAPH_STATE_ID}'})
    CALL () {
      WITH 1 AS one WHERE $version IS NOT NULL
      MATCH (c:Change) WHERE c.version > $version
      RETURN c.seq AS first ORDER BY c.version, c.seq LIMIT 1
      UNION
      WITH 1 AS one WHERE $at IS NOT NULL
      MATCH (c:Change) WHERE c.at >= datetime($at)
      RETURN c.seq AS first ORDER BY c.at, c.seq LIMIT 1
    }
    WITH st, min(first) AS first
    RETURN coalesce(first - 1, st.changeSeq, 0) AS seq`,
  parse: (row) => ({ seq: read.number(row, 'seq') }),
});

/** The highest seq numbered so far (0 before any change): where a new subscriber starts. */
export const readLastSeq = defineQuery<object, { seq: number }>({
  name: 'changes.read-last-seq',
  cypher: `
    OPTIONAL MATCH (st:GraphState {id: '${GRAPH_STATE_ID}'})
    RETURN coalesce(st.changeSeq, 0) AS seq`,
  parse: (row) => ({ seq: read.number(row, 'seq') }),
});

/** Rows read per call: bounds one call's work when a type filter skips most of them. */
export const SCAN_LIMIT = 1000;

export interface ChangesPage<Row extends ChangeRow = ChangeRow> {
  rows: Row[];
  /** Where the next read starts: the last row's seq, or the last seq examined when the page is not full. */
  endSeq: number;
  /** True when more changes are visible after `endSeq` now. */
  hasNextPage: boolean;
}

/**
 * Up to `first` changes after `afterSeq` of the given types (all when empty), from the gap-free
 * prefix of what is visible now.
 */
export async function readChanges(
  db: Database,
  request: { afterSeq: number; first: number; types: readonly ChangeEntityType[] },
): Promise<ChangesPage> {
  const scanned = await db.read(readChangesAfter, { after: request.afterSeq, limit: SCAN_LIMIT });
  return takeFeedPage(scanned, request);
}

/**
 * The page a request gets from `scanned` (at most SCAN_LIMIT changes after `afterSeq`, in seq
 * order): up to `first` of the given types, stopping at the first missing number.
 */
export function takeFeedPage<Row extends ChangeRow>(
  scanned: readonly Row[],
  request: { afterSeq: number; first: number; types: readonly ChangeEntityType[] },
): ChangesPage<Row> {
  const { afterSeq, first, types } = request;
  const wanted = new Set(types.length > 0 ? types : CHANGE_ENTITY_TYPES);
  const rows: Row[] = [];
  let expected = afterSeq + 1;
  let endSeq = afterSeq;
  let visibleAfter = false;
  for (const row of scanned) {
    // A missing number is a change still being committed: nothing after it is served yet.
    if (row.seq !== expected) break;
    if (rows.length === first) {
      visibleAfter = true;
      break;
    }
    expected += 1;
    endSeq = row.seq;
    if (wanted.has(row.entityType)) rows.push(row);
  }
  const scanFull = scanned.length === SCAN_LIMIT && endSeq === scanned.at(-1)?.seq;
  return { rows, endSeq, hasNextPage: visibleAfter || scanFull };
}
