/**
 * Reading a data file as a stream of mapped rows: CSV tables (header checked, group row
 * skipped), JSON Lines (one record per line) and API listing pages (the items of one array).
 * A file-level failure (missing columns, unreadable JSON) is yielded as `fatal`, a bad row as a
 * failed mapping with its row number; nothing is thrown for bad content.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Json } from '../parsers/cqc-api-location/json-values.ts';
import { isJsonObject, parseJsonText } from '../parsers/cqc-api-location/json-values.ts';
import { isBlankRecord, readCsvFile, type CsvRecord } from './csv-reader.ts';
import type { MappedRow } from '../../model/data-record.ts';
import type { ReadProgress } from './read-progress.ts';
import {
  buildHeader,
  isGroupRow,
  missingColumns,
  toTableRow,
  type TableHeader,
  type TableRow,
} from './table.ts';

/** A row and what its mapper made of it (with a warning when it was read despite a flaw), or a file-level failure. */
export type SourceItem = { row: number; mapped: MappedRow; warning?: string } | { fatal: string };

export interface CsvPlan {
  columns: readonly string[];
  /** Maps a named row; `mapRecord` instead when the mapper needs the raw cells. */
  map?: (row: TableRow) => MappedRow;
  mapRecord?: (header: TableHeader, record: CsvRecord) => MappedRow;
}

export async function* readCsvRows(
  file: string,
  plan: CsvPlan,
  progress?: ReadProgress,
): AsyncGenerator<SourceItem> {
  let header: TableHeader | null = null;
  for await (const record of readCsvFile(file, progress)) {
    if (header === null) {
      if (isBlankRecord(record) || isGroupRow(record.cells)) continue;
      header = buildHeader(record.cells);
      const missing = missingColumns(header, plan.columns);
      if (missing.length > 0) {
        yield {
          fatal: `missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} (line ${record.line})`,
        };
        return;
      }
      continue;
    }
    if (isBlankRecord(record)) continue;
    const table = toTableRow(header, record);
    if (!table.ok) {
      yield { row: record.line, mapped: { ok: false, message: table.message } };
      continue;
    }
    const mapped = plan.mapRecord ? plan.mapRecord(header, record) : plan.map!(table.row);
    yield table.warning
      ? { row: record.line, mapped, warning: table.warning }
      : { row: record.line, mapped };
  }
  if (header === null) yield { fatal: 'no header row: the file is empty' };
}

export async function* readJsonLines(
  file: string,
  map: (value: Json, row: number) => MappedRow,
  progress?: ReadProgress,
): AsyncGenerator<SourceItem> {
  const input = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let row = 0;
  for await (const line of lines) {
    if (progress) progress.bytesRead = input.bytesRead;
    row += 1;
    if (line.trim() === '') continue;
    const parsed = parseJsonText(line);
    yield {
      row,
      mapped: parsed.ok
        ? map(parsed.value, row)
        : { ok: false, message: `not valid JSON (${parsed.reason})` },
    };
  }
}

/** Items of a listing page's array (`providers`, `locations`); row = the item's 1-based position. */
export async function* readListing(
  file: string,
  key: string,
  map: (value: Json, row: number) => MappedRow,
  progress?: ReadProgress,
): AsyncGenerator<SourceItem> {
  const bytes = await readFile(file);
  if (progress) progress.bytesRead = bytes.byteLength;
  const parsed = parseJsonText(bytes.toString('utf8'));
  if (!parsed.ok) {
    yield { fatal: `not valid JSON (${parsed.reason})` };
    return;
  }
  const items = isJsonObject(parsed.value) ? parsed.value[key] : undefined;
  if (!Array.isArray(items)) {
    yield { fatal: `a listing page without a "${key}" array` };
    return;
  }
  let row = 0;
  for (const item of items) {
    row += 1;
    yield { row, mapped: map(item, row) };
  }
}
