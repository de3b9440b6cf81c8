/**
 * Stage 3: parse and classify reports (on worker threads or the main thread, as the runner
 * decides), a bounded number at a time, results in input order.
 */
import { checkReportSize, DEFAULT_REPORT_LIMITS, type ReportLimits } from '../report-limits.ts';
import { mapOrdered } from './map-ordered.ts';
import type { ParseRunner } from './parse-runner.ts';
import {
  failedReport,
  type ParsedItem,
  type ParseStageItem,
  type ReadItem,
  type ReportItem,
} from './work-items.ts';

async function parseItem(
  item: ReportItem,
  runner: ParseRunner,
  limits: ReportLimits,
): Promise<ParseStageItem> {
  const outcome = await runner.run(item.task);
  if (!outcome.ok) return failedReport(item.file, outcome.message, item.recordOf);
  const tooLarge = checkReportSize(outcome.document, limits);
  if (tooLarge) return failedReport(item.file, tooLarge, item.recordOf);
  const parsed: ParsedItem = {
    kind: 'parsed',
    file: item.file,
    document: outcome.document,
    resumeChecked: item.sha256 !== null,
  };
  if (item.recordOf !== undefined) parsed.recordOf = item.recordOf;
  return parsed;
}

export function parseItems(
  items: AsyncIterable<ReadItem>,
  runner: ParseRunner,
  concurrency: number,
  limits: ReportLimits = DEFAULT_REPORT_LIMITS,
): AsyncGenerator<ParseStageItem> {
  return mapOrdered(items, concurrency, async (item): Promise<ParseStageItem> =>
    item.kind === 'report' ? parseItem(item, runner, limits) : item,
  );
}
