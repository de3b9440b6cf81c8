/**
 * Stage 4: documents → graph in batches through `loadReportBatch`; data files through the
 * data-file loader; results out in input order. Reports not checked before parsing (PDF, HTML:
 * their sha256 is of the extracted text) are checked here, one query per batch.
 */
import type { Database } from '../../db/executor.ts';
import { unreachable } from '../../model/unreachable.ts';
import { ingestDataFile } from '../ingest-data-file.ts';
import type { DataFileProgress } from '../../ingest/datasets/read-progress.ts';
import { describeDocument, oneLine, tallyDocument } from '../ingest-files.ts';
import {
  findLoadedShas,
  loadReportBatch,
  type DocLoadResult,
} from '../../graph/write/load-reports.ts';
import { batchItems } from './batch-items.ts';
import type {
  DataFileItem,
  DataFileOutcome,
  ItemResult,
  ParsedItem,
  ParseStageItem,
  ReportResult,
} from './work-items.ts';
import { CLASSIFIER_VERSION } from '../../ingest/classify/index.ts';

export interface LoadOptions {
  /** null = dry run: documents are only described. */
  db: Database | null;
  force: boolean;
  batchSize: number;
  /** Keep each document on its result (for `--json`); otherwise only its tally is kept. */
  keepDocuments: boolean;
  /** How far a data file's load has got, after each batch of its rows. */
  onDataProgress?: (file: string, progress: DataFileProgress) => void;
}

function reportResult(
  item: ParsedItem,
  status: ReportResult['status'],
  message: string,
  options: LoadOptions,
): ReportResult {
  const document = options.keepDocuments && status !== 'failed' ? item.document : null;
  return {
    kind: 'report',
    file: item.file,
    status,
    message,
    tally: status === 'failed' ? null : tallyDocument(item.document),
    document,
  };
}

async function loadDocuments(
  db: Database,
  parsed: readonly ParsedItem[],
  options: LoadOptions,
): Promise<Map<ParsedItem, ReportResult>> {
  const results = new Map<ParsedItem, ReportResult>();
  const unchecked = options.force
    ? []
    : parsed.filter((item) => !item.resumeChecked).map((item) => item.document.source.sha256);
  let loadedBefore = new Set<string>();
  try {
    loadedBefore = await findLoadedShas(db, unchecked, CLASSIFIER_VERSION);
  } catch (error) {
    for (const item of parsed)
      results.set(item, reportResult(item, 'failed', `not loaded: ${oneLine(error)}`, options));
    return results;
  }
  const toLoad: ParsedItem[] = [];
  for (const item of parsed) {
    const sha256 = item.document.source.sha256;
    if (!item.resumeChecked && loadedBefore.has(sha256))
      results.set(
        item,
        reportResult(
          item,
          'unchanged',
          `already in the graph (sha256 ${sha256.slice(0, 12)})`,
          options,
        ),
      );
    else toLoad.push(item);
  }
  if (toLoad.length === 0) return results;
  let outcomes: DocLoadResult[];
  try {
    outcomes = (
      await loadReportBatch(
        db,
        toLoad.map((item) => item.document),
      )
    ).docs;
  } catch (error) {
    // The batch call itself failed (database gone, say): every document in it is explained.
    outcomes = toLoad.map((item) => ({
      sha256: item.document.source.sha256,
      fileName: item.document.source.fileName,
      status: 'failed',
      message: oneLine(error),
    }));
  }
  toLoad.forEach((item, index) => {
    const outcome = outcomes[index];
    if (outcome?.status === 'loaded') {
      const note = outcome.message ? ` (${outcome.message})` : '';
      results.set(
        item,
        reportResult(item, 'loaded', `${describeDocument(item.document)}${note}`, options),
      );
    } else
      results.set(
        item,
        reportResult(
          item,
          'failed',
          `not loaded: ${outcome?.message || 'no result from the loader'}`,
          options,
        ),
      );
  });
  return results;
}

async function ingestDataItem(item: DataFileItem, options: LoadOptions): Promise<DataFileOutcome> {
  try {
    const result = await ingestDataFile(item.file, item.dataKind, {
      db: options.db,
      force: options.force,
      onProgress: (progress) => options.onDataProgress?.(item.file, progress),
    });
    return {
      kind: 'data-file',
      file: item.file,
      status: result.status,
      message: result.message,
      rows: result.rows,
      rowProblems: result.rowProblems,
    };
  } catch (error) {
    return {
      kind: 'data-file',
      file: item.file,
      status: 'failed',
      message: `${item.dataKind}: ${oneLine(error)}`,
      rows: 0,
      rowProblems: [],
    };
  }
}

export async function* loadItems(
  items: AsyncIterable<ParseStageItem>,
  options: LoadOptions,
): AsyncGenerator<ItemResult> {
  const isDocument = (item: ParseStageItem) => item.kind === 'parsed';
  // A dry run has nothing to batch: each result goes out as soon as it is parsed.
  const size = options.db ? options.batchSize : 1;
  for await (const batch of batchItems(items, { size, counts: isDocument, maxItems: size * 4 })) {
    const parsed = batch.filter((item): item is ParsedItem => item.kind === 'parsed');
    const loaded = options.db ? await loadDocuments(options.db, parsed, options) : null;
    for (const item of batch) {
      switch (item.kind) {
        case 'done':
          yield item.result;
          break;
        case 'parsed':
          yield (
            loaded?.get(item) ??
            reportResult(item, 'parsed', describeDocument(item.document), options)
          );
          break;
        case 'data-file':
          yield await ingestDataItem(item, options);
          break;
        default:
          unreachable(item, 'bulk ingest item');
      }
    }
  }
}
