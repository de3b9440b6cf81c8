/**
 * ReportDocuments → graph, many reports per write transaction: either all of a batch is in the
 * graph or none of it. Every statement UNWINDs the whole batch and all are sent pipelined, so a
 * batch costs the same one round trip as one report. A batch that fails is retried document by document, so one bad
 * document fails alone, with its reason, and leaves nothing behind.
 */
import { INGEST_VERSION } from '../../model/ingest-version.ts';
import type { Database } from '../../db/executor.ts';
import type { ReportDocument } from '../../model/document.ts';
import type { NamedQuery } from '../../db/query.ts';
import { bumpGraphVersion } from '../summaries/graph-version.ts';
import { scopeOfReports, stampParams } from '../changes/change-scope.ts';
import { snapshotChanges, stampChanges } from '../changes/stamp-queries.ts';
import { planBatch, statementRows, type BatchPlan } from './load-batch-rows.ts';
import {
  ensureRegulations,
  findLoadedReportShas,
  linkPreviousInspections,
  removeEarlierReads,
  removePreviousVersions,
  setRatingDirections,
  upsertInspections,
  upsertProviders,
  writeEnforcement,
  writeFindings,
  writeHistory,
  writeJudgements,
  writeRecommendations,
  writeReportSentences,
  writeRequirements,
  type Reports,
} from './load-queries.ts';

/**
 * Reports per write transaction. Throughput rises with the batch size and flattens around this
 * one (bench/batch-size.ts); larger batches were faster still, but hold locks on shared
 * nodes (Theme, Regulation, Regulator) longer against concurrent writers and redo more work one
 * by one when a batch fails. Measurements: bench/RESULTS.md.
 */
export const DEFAULT_BATCH_SIZE = 100;

export type DocLoadStatus = 'loaded' | 'failed';

export interface DocLoadResult {
  sha256: string;
  fileName: string;
  status: DocLoadStatus;
  /** One line: why it failed, or a note on a loaded document (e.g. replaced by a later version in the batch); '' otherwise. */
  message: string;
}

export interface BatchLoadResult {
  /** One entry per input document, in input order. */
  docs: DocLoadResult[];
  loaded: number;
  failed: number;
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);
}

/**
 * History before the PREVIOUS rebuild, and every inspection before anything links to it (REPEATS,
 * chain). The statements are all sent before the first is awaited: the driver pipelines them on
 * the transaction's connection and Neo4j runs them one after another in this order, so each still
 * sees what the ones before it wrote, but the batch waits for one round trip instead of eleven.
 */
async function writeBatch(db: Database, plan: BatchPlan): Promise<void> {
  const { reports, locationIds, regulations } = plan;
  if (reports.length === 0) return;
  const rows = statementRows;
  const children: [NamedQuery<Reports, void>, Parameters<typeof rows.children>[1]][] = [
    [writeJudgements, 'judgements'],
    [writeRequirements, 'requirements'],
    [writeRecommendations, 'recommendations'],
    [writeEnforcement, 'enforcement'],
    [writeFindings, 'findings'],
  ];
  const stamp = stampParams(scopeOfReports(reports));
  await db.writeTransaction(async (tx) => {
    const sent: Promise<unknown>[] = [];
    const send = <Params extends object>(
      query: NamedQuery<Params, void>,
      params: Params,
      rowCount: number,
    ) => {
      if (rowCount > 0) sent.push(tx.run(query, params));
    };
    const sendRows = (query: NamedQuery<Reports, void>, batchRows: readonly object[]) =>
      send(query, { reports: batchRows }, batchRows.length);
    // The change feed's fingerprints of what the batch may touch, before anything is written.
    send(snapshotChanges, stamp, 1);
    // Before the inspections are upserted: it only removes what earlier transactions wrote, and
    // run on inspections this transaction has just created it costs far more, for nothing to delete.
    sendRows(removePreviousVersions, rows.keys(reports));
    sendRows(removeEarlierReads, rows.inspections(reports));
    sendRows(upsertInspections, rows.inspections(reports));
    sendRows(writeReportSentences, rows.sentences(reports));
    sendRows(upsertProviders, rows.providers(reports));
    sendRows(writeHistory, rows.children(reports, 'history'));
    send(linkPreviousInspections, { locationIds }, locationIds.length);
    send(setRatingDirections, { locationIds }, locationIds.length);
    send(ensureRegulations, { regulations }, regulations.length);
    for (const [query, list] of children) sendRows(query, rows.children(reports, list));
    send(bumpGraphVersion, {}, 1);
    // After the bump, whose lock on the graph state numbers the changes in commit order.
    send(stampChanges, stamp, 1);
    // Every result is awaited before the transaction ends; the first failure in statement order is the batch's.
    const settled = await Promise.allSettled(sent);
    const failure = settled.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
  });
}

function summarise(docs: DocLoadResult[]): BatchLoadResult {
  const loaded = docs.filter((d) => d.status === 'loaded').length;
  return { docs, loaded, failed: docs.length - loaded };
}

/**
 * Loads `docs` in one transaction; if it fails, loads each document alone (in input order, so two
 * versions of one report end as they would one by one). Never throws for a bad document: its
 * status says why.
 */
export async function loadReportBatch(
  db: Database,
  docs: readonly ReportDocument[],
): Promise<BatchLoadResult> {
  const plan = planBatch(docs);
  const resultOf = (
    doc: ReportDocument,
    status: DocLoadStatus,
    message: string,
  ): DocLoadResult => ({
    sha256: doc.source.sha256,
    fileName: doc.source.fileName,
    status,
    message,
  });
  try {
    await writeBatch(db, plan);
    return summarise(
      docs.map((doc, index) => {
        const winner = plan.supersededBy.get(index);
        return resultOf(
          doc,
          'loaded',
          winner === undefined
            ? ''
            : `replaced in the same batch by ${docs[winner]!.source.fileName} (a later version of the same report)`,
        );
      }),
    );
  } catch (batchError) {
    if (docs.length === 1) return summarise([resultOf(docs[0]!, 'failed', oneLine(batchError))]);
  }
  const results: DocLoadResult[] = [];
  for (const doc of docs) {
    try {
      await writeBatch(db, planBatch([doc]));
      results.push(resultOf(doc, 'loaded', ''));
    } catch (error) {
      results.push(resultOf(doc, 'failed', oneLine(error)));
    }
  }
  return summarise(results);
}

/** One report in its own transaction (a batch of one); throws when it cannot be loaded, for callers that report the reason. */
export async function loadReportDocument(db: Database, doc: ReportDocument): Promise<void> {
  await writeBatch(db, planBatch([doc]));
}

/**
 * True when a report with this sha256 is already in the graph as this pipeline reads it (re-ingest
 * can skip it); one loaded by an earlier ingest version is read again.
 */
export async function isReportLoaded(db: Database, sha256: string): Promise<boolean> {
  return (await findLoadedShas(db, [sha256])).has(sha256);
}

/** The subset of `shas` already in the graph, in one query, so a resumed bulk ingest skips them. */
export async function findLoadedShas(db: Database, shas: readonly string[]): Promise<Set<string>> {
  if (shas.length === 0) return new Set();
  const rows = await db.read(findLoadedReportShas, {
    shas: [...shas],
    ingestVersion: INGEST_VERSION,
  });
  return new Set(rows.map((r) => r.sha256));
}
