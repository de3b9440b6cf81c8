/**
 * Stage 1 of a bulk ingest, on the main thread: each file from the walk becomes work. Data files
 * (recognised by datasets/ from their name and first 4 KB) go to the data-file loader; text
 * reports are read and hashed here, so ones already in the graph can be skipped before any
 * parsing; PDF and web pages go to a worker as bytes; JSONL and JSON arrays become one report
 * per record. Every problem is a failed item with a one-line reason; a file not read on purpose
 * (a type the ingester does not read, a CSV table it does not know, a FIFO) a skipped one. A
 * report file (or record) over the size limit fails before it is read.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { detectDataFile } from '../../ingest/datasets/detect.ts';
import { mergeMeta, readSideMeta } from '../ingest-files.ts';
import type { ReportMeta } from '../../ingest/meta.ts';
import type { InputEntry } from '../../ingest/sources/read-source.ts';
import { detectFormat, readSourceBytes } from '../../ingest/sources/read-source.ts';
import { FileTooLargeError, readFileBytes } from '../../ingest/sources/read-file-bytes.ts';
import { describeTooLarge, type ReportLimits } from '../report-limits.ts';
import { sha256Hex } from '../../ingest/text/hash.ts';
import { readJsonlRecords, splitJsonRecords, type SourceRecord } from './split-records.ts';
import { failedReport, skippedFile, type ReadItem, type ReportItem } from './work-items.ts';

const DATA_FILE_HEAD_BYTES = 4096;
const DATA_FILE_EXTENSIONS = new Set(['.csv', '.json', '.jsonl']);
const SUPPORTED =
  '.txt, .text, .pdf, .html, .htm, .json, .jsonl (CQC API records) and recognised .csv/.json data files';

export interface ReadOptions {
  /** Metadata from the command line, applied to every report (a `<file>.meta.json` wins). */
  meta: ReportMeta | null;
  limits: ReportLimits;
}

async function readHead(file: string): Promise<string> {
  // Not blocking: a FIFO put in place of the file since the walk must not hang the run.
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const buffer = Buffer.alloc(DATA_FILE_HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, DATA_FILE_HEAD_BYTES, 0);
    return new TextDecoder('utf-8').decode(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

function describeReadError(error: unknown): string {
  return `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
}

/** A report file's bytes, or the one line saying why not (over the size limit: before reading it). */
async function readReportBytes(
  file: string,
  limits: ReportLimits,
): Promise<{ ok: true; bytes: Buffer } | { ok: false; reason: string }> {
  try {
    return { ok: true, bytes: await readFileBytes(file, limits.maxReportBytes) };
  } catch (error) {
    if (error instanceof FileTooLargeError)
      return { ok: false, reason: describeTooLarge(error.bytes, limits) };
    return { ok: false, reason: describeReadError(error) };
  }
}

function textItem(
  file: string,
  fileName: string,
  text: string,
  format: 'txt' | 'json',
  meta: ReportMeta | null,
  recordOf?: string,
): ReportItem {
  const item: ReportItem = {
    kind: 'report',
    file,
    sha256: sha256Hex(text),
    task: { kind: 'text', text, fileName, format, meta },
  };
  if (recordOf !== undefined) item.recordOf = recordOf;
  return item;
}

async function* recordItems(
  file: string,
  records: AsyncIterable<SourceRecord> | Iterable<SourceRecord>,
  meta: ReportMeta | null,
  options: ReadOptions,
): AsyncGenerator<ReadItem> {
  const baseName = path.basename(file);
  let count = 0;
  for await (const record of records) {
    count += 1;
    const bytes = Buffer.byteLength(record.text);
    if (bytes > options.limits.maxReportBytes) {
      yield failedReport(`${file}${record.suffix}`, describeTooLarge(bytes, options.limits), file);
      continue;
    }
    yield textItem(
      `${file}${record.suffix}`,
      `${baseName}${record.suffix}`,
      record.text,
      'json',
      meta,
      file,
    );
  }
  if (count === 0) yield failedReport(file, 'no records in the file');
}

async function* readOneFile(file: string, options: ReadOptions): AsyncGenerator<ReadItem> {
  const extension = path.extname(file).toLowerCase();
  if (DATA_FILE_EXTENSIONS.has(extension)) {
    let head: string;
    try {
      head = await readHead(file);
    } catch (error) {
      yield failedReport(file, describeReadError(error));
      return;
    }
    const dataKind = detectDataFile(path.basename(file), head);
    if (dataKind) {
      yield { kind: 'data-file', file, dataKind };
      return;
    }
    if (extension === '.csv') {
      yield skippedFile(
        file,
        'not a data table this ingester knows (a CSV file is read only as one of the Ofsted or CQC tables it knows)',
      );
      return;
    }
  }
  const format = extension === '.jsonl' ? 'json' : detectFormat(file);
  if (!format) {
    yield skippedFile(
      file,
      `not a file type this ingester reads: "${extension || '(none)'}" (it reads ${SUPPORTED})`,
    );
    return;
  }
  const side = await readSideMeta(file);
  if ('error' in side) {
    yield failedReport(file, side.error);
    return;
  }
  const meta = mergeMeta(options.meta, side.meta) ?? null;
  if (extension === '.jsonl') {
    try {
      yield* recordItems(file, readJsonlRecords(file), meta, options);
    } catch (error) {
      yield failedReport(file, describeReadError(error), file);
    }
    return;
  }
  switch (format) {
    case 'pdf':
    case 'html': {
      const read = await readReportBytes(file, options.limits);
      if (!read.ok) {
        yield failedReport(file, read.reason);
        return;
      }
      yield {
        kind: 'report',
        file,
        sha256: null,
        task: { kind: 'bytes', bytes: read.bytes, fileName: path.basename(file), format, meta },
      };
      return;
    }
    case 'txt':
    case 'json':
    case 'csv': {
      const read = await readReportBytes(file, options.limits);
      if (!read.ok) {
        yield failedReport(file, read.reason);
        return;
      }
      const source = await readSourceBytes(read.bytes, format);
      if (!source.ok) {
        yield failedReport(file, source.reason);
        return;
      }
      const records = format === 'json' ? splitJsonRecords(source.text) : null;
      if (records) yield* recordItems(file, records, meta, options);
      else
        yield textItem(
          file,
          path.basename(file),
          source.text,
          format === 'json' ? 'json' : 'txt',
          meta,
        );
      return;
    }
  }
}

/** Files from the walk → work items, one file read at a time as the next stage asks for more. */
export async function* readWorkItems(
  entries: AsyncIterable<InputEntry>,
  options: ReadOptions,
): AsyncGenerator<ReadItem> {
  for await (const entry of entries) {
    switch (entry.kind) {
      case 'problem':
        yield failedReport(entry.file, entry.reason);
        break;
      case 'skip':
        yield skippedFile(entry.file, entry.reason);
        break;
      case 'file':
        yield* readOneFile(entry.file, options);
        break;
    }
  }
}
