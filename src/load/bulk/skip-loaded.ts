/**
 * Stage 2: resume. Reports whose text was hashed on the main thread are checked against the
 * graph in groups (one query per group, not per file); those already there become `unchanged`
 * without being parsed. With `force`, or no database (dry run), everything passes through.
 */
import type { Database } from '../../db/executor.ts';
import { findLoadedShas } from '../../graph/write/load-reports.ts';
import { batchItems } from './batch-items.ts';
import type { ReadItem } from './work-items.ts';
import { CLASSIFIER_VERSION } from '../../ingest/classify/index.ts';

export interface SkipOptions {
  db: Database | null;
  force: boolean;
  groupSize: number;
}

function isHashedReport(item: ReadItem): boolean {
  return item.kind === 'report' && item.sha256 !== null;
}

export async function* skipLoadedReports(
  items: AsyncIterable<ReadItem>,
  options: SkipOptions,
): AsyncGenerator<ReadItem> {
  const { db } = options;
  if (!db || options.force) {
    yield* items;
    return;
  }
  for await (const group of batchItems(items, {
    size: options.groupSize,
    counts: isHashedReport,
    maxItems: options.groupSize * 4,
  })) {
    const shas = group.flatMap((item) =>
      item.kind === 'report' && item.sha256 ? [item.sha256] : [],
    );
    // If the check itself fails, the reports go on to the load stage, which explains any failure per file.
    const loaded = await findLoadedShas(db, shas, CLASSIFIER_VERSION).catch(
      () => new Set<string>(),
    );
    for (const item of group) {
      if (item.kind === 'report' && item.sha256 && loaded.has(item.sha256)) {
        const message = `already in the graph (sha256 ${item.sha256.slice(0, 12)})`;
        yield {
          kind: 'done',
          result: {
            kind: 'report',
            file: item.file,
            status: 'unchanged',
            message,
            tally: null,
            document: null,
          },
        };
      } else {
        yield item;
      }
    }
  }
}
