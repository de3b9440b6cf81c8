/**
 * A graph the answer audit may fill and throw away: a fresh local Neo4j on a temporary data
 * folder (removed afterwards), or, when NEO4J_URI is set, that database emptied first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../config.ts';
import { openGraph } from '../../db/connect.ts';
import type { Database } from '../../db/executor.ts';
import { defineQuery, read } from '../../db/query.ts';

export interface ScratchGraph {
  db: Database;
  close(): Promise<void>;
}

/** Deletes in slices, so a large graph never needs one huge transaction. */
export const deleteSlice = defineQuery<{ size: number }, { deleted: number }>({
  name: 'audit.delete-slice',
  cypher: `MATCH (n) WITH n LIMIT $size DETACH DELETE n RETURN count(*) AS deleted`,
  parse: (row) => ({ deleted: read.number(row, 'deleted') }),
});

const SLICE_SIZE = 10_000;

export async function emptyGraph(db: Database): Promise<void> {
  for (;;) {
    const [row] = await db.write(deleteSlice, { size: SLICE_SIZE });
    if ((row?.deleted ?? 0) === 0) return;
  }
}

export async function openScratchGraph(
  config: Config,
  log: (line: string) => void,
): Promise<ScratchGraph> {
  if (config.neo4j.kind === 'external') {
    const graph = await openGraph(config, log);
    log(`Emptying the database at ${config.neo4j.uri} (NEO4J_URI) for the audit.`);
    await emptyGraph(graph.db);
    return { db: graph.db, close: () => graph.close() };
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'inspection-graph-audit-'));
  log(`Starting a scratch Neo4j on ${dataDir}…`);
  try {
    const graph = await openGraph({ ...config, neo4j: { ...config.neo4j, dataDir, port: 0 } }, log);
    return {
      db: graph.db,
      close: async () => {
        try {
          await graph.close();
        } finally {
          rmSync(dataDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
