/**
 * Where a sync of an outside source has got to: one `(:SyncCheckpoint {source})` node holding
 * the end of the last window it completed, so the next run starts there (the CQC asks that each
 * changes call start where the previous one ended). It only moves forward.
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
