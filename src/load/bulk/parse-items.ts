/**
 * Stage 3: parse and classify reports (on worker threads or the main thread, as the runner
 * decides), a bounded number at a time, results in input order.
 */
import { mapOrdered } from './map-ordered.ts';
import type { ParseRunner } from './parse-runner.ts';
import { failedReport, type ParseStageItem, type ReadItem, type ReportItem } from './work-items.ts';

async function parseItem(item: ReportItem, runner: ParseRunner): Promise<ParseStageItem> {
  const outcome = await runner.run(item.task);
  if (!outcome.ok) return failedReport(item.file, outcome.message);
  return {
    kind: 'parsed',
    file: item.file,
    document: outcome.document,
    resumeChecked: item.sha256 !== null,
  };
}

export function parseItems(
  items: AsyncIterable<ReadItem>,
  runner: ParseRunner,
  concurrency: number,
): AsyncGenerator<ParseStageItem> {
  return mapOrdered(items, concurrency, async (item): Promise<ParseStageItem> =>
    item.kind === 'report' ? parseItem(item, runner) : item,
  );
}
