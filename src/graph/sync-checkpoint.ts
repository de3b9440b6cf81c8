/**
 * Where a sync of an outside source has got to: one `(:SyncCheckpoint {source})` node holding
 * the end of the last window it completed, so the next run starts there (the CQC asks that each
 * changes call start where the previous one ended). It only moves forward. The same node keeps
 * the items the sync could not read or load (`failedItems`, `failedFiles`, `failedMessages`,
 * one entry each), so the window moves on past them and the next run retries them.
 */
import { defineQuery, defineStatement, read } from '../db/query.ts';

export interface SyncCheckpoint {
  source: string;
  /** ISO 8601 UTC, the end of the last window completed. */
  completedUntil: string;
  /** When the checkpoint was last moved (ISO 8601). */
  updatedAt: string;
}

export const readSyncCheckpoint = defineQuery<{ source: string }, SyncCheckpoint>({
  name: 'sync.read-checkpoint',
  cypher: `
    MATCH (c:SyncCheckpoint {source: $source})
    WHERE c.completedUntil IS NOT NULL
    RETURN c.source AS source, c.completedUntil AS completedUntil, toString(c.updatedAt) AS updatedAt`,
  parse: (row) => ({
    source: read.string(row, 'source'),
    completedUntil: read.string(row, 'completedUntil'),
    updatedAt: read.string(row, 'updatedAt'),
  }),
});

/**
 * Records a completed window. ISO 8601 UTC strings of one format order as times do, so a run
 * that finished an older window after a newer one was recorded leaves the newer one.
 */
export const saveSyncCheckpoint = defineStatement<{ source: string; completedUntil: string }>(
  'sync.save-checkpoint',
  `MERGE (c:SyncCheckpoint {source: $source})
   WITH c WHERE c.completedUntil IS NULL OR c.completedUntil < $completedUntil
   SET c.completedUntil = $completedUntil, c.updatedAt = datetime()`,
);

/** An item a sync could not read or load, kept for the next run to retry. */
export interface SyncFailure {
  /** The item as the ingest names it (a file, or `file#L1` for a record of it). */
  item: string;
  /** The file to ingest again to retry it. */
  file: string;
  /** The one-line reason it failed. */
  message: string;
}

export const readSyncFailures = defineQuery<{ source: string }, SyncFailure>({
  name: 'sync.read-failures',
  cypher: `
    MATCH (c:SyncCheckpoint {source: $source})
    UNWIND range(0, size(coalesce(c.failedItems, [])) - 1) AS k
    RETURN c.failedItems[k] AS item, c.failedFiles[k] AS file, c.failedMessages[k] AS message
    ORDER BY k`,
  parse: (row) => ({
    item: read.string(row, 'item'),
    file: read.string(row, 'file'),
    message: read.string(row, 'message'),
  }),
});

/** Replaces the failed items with those still failing (parallel lists: a node holds no maps). */
export const saveSyncFailures = defineStatement<{ source: string; failures: SyncFailure[] }>(
  'sync.save-failures',
  `MERGE (c:SyncCheckpoint {source: $source})
   SET c.failedItems = [f IN $failures | f.item],
       c.failedFiles = [f IN $failures | f.file],
       c.failedMessages = [f IN $failures | f.message]`,
);
