/**
 * One data file into the graph: hash it (unchanged files are skipped), stream its rows through
 * the kind's mapper, and write them in batches of BATCH_SIZE rows, one write transaction each.
 * A bad row is skipped with a one-line reason; the rest of the file still loads.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../db/executor.ts';
import type { DataRecord } from '../model/data-record.ts';
import type { DataFileKind } from '../ingest/datasets/detect.ts';
import type { DataFileProgress, ReadProgress } from '../ingest/datasets/read-progress.ts';
import { DATASET_MAPPER_VERSION, planKind } from '../ingest/datasets/kinds.ts';
import {
  completeDataReport,
  findLoadedDataReport,
  upsertDataReport,
  writeDataInspections,
  writeDataLocations,
  writeDataProviders,
} from '../graph/write/data-file-queries.ts';
import { buildBatchRows } from '../graph/write/data-file-rows.ts';
import { linkPreviousInspections, setRatingDirections } from '../graph/write/load-queries.ts';
import { bumpGraphVersion } from '../graph/summaries/graph-version.ts';
import { scopeOfDataRows, stampParams } from '../graph/changes/change-scope.ts';
import { snapshotChanges, stampChanges } from '../graph/changes/stamp-queries.ts';

export const BATCH_SIZE = 500;

export interface RowProblem {
  /** 1-based line of the file (item position for a JSON listing page). */
  row: number;
  message: string;
}

export interface DataFileResult {
  file: string;
  /** `skipped`: a kind loaded on purpose never (a JSON Schema, the evaluation dataset). */
  status: 'loaded' | 'unchanged' | 'parsed' | 'failed' | 'skipped';
  /** One line: what went in (rows, locations, inspections) or why not. */
  message: string;
  /** Data rows read. */
  rows: number;
  /** Bad rows, skipped with a one-line reason each; the rest still load. */
  rowProblems: RowProblem[];
  /** Rows read despite a flaw (a CSV row short of cells), each with a one-line warning. */
  rowWarnings: RowProblem[];
}

export interface DataFileOptions {
  /** null = dry run: parse only. */
  db: Database | null;
  force: boolean;
  /** Rows per write transaction; BATCH_SIZE unless set. */
  batchRows?: number;
  /** Once at the start, after each batch of rows and once at the end: rows read and how far into the file. */
  onProgress?: (progress: DataFileProgress) => void;
}

/** Problems kept on the Report node (the result lists them all). */
const STORED_PROBLEMS = 100;

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);
}

class Tally {
  rows = 0;
  readonly locations = new Set<string>();
  readonly providers = new Set<string>();
  readonly inspections = new Set<string>();

  add(record: DataRecord): void {
    for (const l of record.locations) this.locations.add(l.id);
    for (const p of record.providers) this.providers.add(p.id);
    for (const i of record.inspections) this.inspections.add(i.id);
  }

  describe(kind: DataFileKind, problems: number, warnings: number): string {
    const parts = [
      kind,
      `${this.rows} rows`,
      `${this.locations.size} locations`,
      `${this.providers.size} providers`,
      `${this.inspections.size} inspections`,
    ];
    if (problems > 0) parts.push(`${problems} rows skipped`);
    if (warnings > 0) parts.push(`${warnings} rows with warnings`);
    return parts.join(', ');
  }
}

async function writeBatch(
  db: Database,
  sha256: string,
  kind: DataFileKind,
  records: readonly DataRecord[],
): Promise<void> {
  const rows = buildBatchRows(records);
  // The change feed's fingerprints before the rows are written, compared after (as a report's).
  const stamp = stampParams(scopeOfDataRows(rows, sha256, kind));
  await db.writeTransaction(async (tx) => {
    await tx.run(snapshotChanges, stamp);
    if (rows.locations.length > 0)
      await tx.run(writeDataLocations, { sha256, locations: rows.locations });
    if (rows.providers.length > 0)
      await tx.run(writeDataProviders, { sha256, providers: rows.providers });
    if (rows.inspections.length > 0) {
      await tx.run(writeDataInspections, { sha256, family: kind, inspections: rows.inspections });
      await tx.run(linkPreviousInspections, { locationIds: rows.inspectedLocationIds });
      await tx.run(setRatingDirections, { locationIds: rows.inspectedLocationIds });
    }
    await tx.run(bumpGraphVersion, {});
    // After the bump, whose lock on the graph state numbers the changes in commit order.
    await tx.run(stampChanges, stamp);
  });
}

export async function ingestDataFile(
  file: string,
  kind: DataFileKind,
  options: DataFileOptions,
): Promise<DataFileResult> {
  const warnings: RowProblem[] = [];
  const result = (
    status: DataFileResult['status'],
    message: string,
    rows = 0,
    rowProblems: RowProblem[] = [],
  ): DataFileResult => ({ file, status, message, rows, rowProblems, rowWarnings: warnings });
  const plan = planKind(kind);
  if (!plan.load) return result('skipped', plan.reason);
  const fileName = path.basename(file);
  const db = options.db;
  const tally = new Tally();
  const problems: RowProblem[] = [];
  try {
    const sha256 = await hashFile(file);
    if (db) {
      if (!options.force) {
        const loaded = await db.read(findLoadedDataReport, { sha256 });
        if (loaded.length > 0)
          return result(
            'unchanged',
            `${kind}: already in the graph (sha256 ${sha256.slice(0, 12)}, ${loaded[0]!.rows} rows)`,
          );
      }
      await db.write(upsertDataReport, {
        sha256,
        fileName,
        format: plan.format,
        family: kind,
        parserVersion: DATASET_MAPPER_VERSION,
      });
    }
    const bytesTotal = (await stat(file)).size;
    const batchRows = options.batchRows ?? BATCH_SIZE;
    const read: ReadProgress = { bytesRead: 0 };
    // At once, so progress shows the file (and times its rate) from its start, not its first batch.
    options.onProgress?.({ rows: 0, bytesRead: 0, bytesTotal });
    let batch: DataRecord[] = [];
    const flush = async () => {
      if (db && batch.length > 0) await writeBatch(db, sha256, kind, batch);
      batch = [];
      options.onProgress?.({ rows: tally.rows, bytesRead: read.bytesRead, bytesTotal });
    };
    for await (const item of plan.read(file, fileName, read)) {
      if ('fatal' in item) return result('failed', `${kind}: ${item.fatal}`, tally.rows, problems);
      tally.rows += 1;
      if (!item.mapped.ok) {
        problems.push({ row: item.row, message: item.mapped.message });
        continue;
      }
      if (item.warning) warnings.push({ row: item.row, message: item.warning });
      tally.add(item.mapped.record);
      batch.push(item.mapped.record);
      if (batch.length >= batchRows) await flush();
    }
    await flush();
    if (tally.rows > 0 && problems.length === tally.rows) {
      return result(
        'failed',
        `${kind}: none of ${tally.rows} rows could be read (first: row ${problems[0]!.row}: ${problems[0]!.message})`,
        tally.rows,
        problems,
      );
    }
    const description = tally.describe(kind, problems.length, warnings.length);
    if (!db) return result('parsed', description, tally.rows, problems);
    const stored = problems.slice(0, STORED_PROBLEMS).map((p) => `row ${p.row}: ${p.message}`);
    await db.write(completeDataReport, { sha256, rows: tally.rows, problems: stored });
    return result('loaded', description, tally.rows, problems);
  } catch (error) {
    return result(
      'failed',
      `${kind}: not loaded after ${tally.rows} rows: ${oneLine(error)}`,
      tally.rows,
      problems,
    );
  }
}
