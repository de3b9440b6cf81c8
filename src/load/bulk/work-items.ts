/** What flows between the stages of a bulk ingest, and what comes out of it for each file. */
import type { DataFileKind } from '../../ingest/datasets/detect.ts';
import type { RowProblem } from '../ingest-data-file.ts';
import type { ReportDocument } from '../../model/document.ts';
import type { ReportTally, RunStatus } from '../ingest-files.ts';
import type { ParseTask } from './parse-task.ts';

/** The outcome for one report (a file, or one record of a multi-record file). */
export interface ReportResult {
  kind: 'report';
  /** The path as given, with `#L12` (JSONL line) or `#3` (JSON array element) for a record. */
  file: string;
  /** For a record of a multi-record file (or a failure of that file after its records): the file. */
  recordOf?: string;
  status: RunStatus;
  message: string;
  tally: ReportTally | null;
  /** Kept only when the caller prints documents (`--json`). */
  document: ReportDocument | null;
}

export interface DataFileOutcome {
  kind: 'data-file';
  file: string;
  status: RunStatus;
  message: string;
  rows: number;
  rowProblems: RowProblem[];
  rowWarnings: RowProblem[];
}

export type ItemResult = ReportResult | DataFileOutcome;

/** A report to parse: text read and hashed on the main thread, or PDF/HTML bytes for a worker. */
export interface ReportItem {
  kind: 'report';
  file: string;
  /** The multi-record file this report is a record of. */
  recordOf?: string;
  task: ParseTask;
  /** sha256 of the text when it was read on the main thread (null for PDF/HTML until parsed). */
  sha256: string | null;
}

export interface DataFileItem {
  kind: 'data-file';
  file: string;
  dataKind: DataFileKind;
}

/** An item whose outcome is already known (unreadable, unsupported, already in the graph). */
export interface DoneItem {
  kind: 'done';
  result: ItemResult;
}

export interface ParsedItem {
  kind: 'parsed';
  file: string;
  recordOf?: string;
  document: ReportDocument;
  /** Already checked against the graph before parsing (text read on the main thread). */
  resumeChecked: boolean;
}

export type ReadItem = ReportItem | DataFileItem | DoneItem;
export type ParseStageItem = ParsedItem | DataFileItem | DoneItem;

export function failedReport(file: string, message: string, recordOf?: string): DoneItem {
  const result: ReportResult = {
    kind: 'report',
    file,
    status: 'failed',
    message,
    tally: null,
    document: null,
  };
  if (recordOf !== undefined) result.recordOf = recordOf;
  return { kind: 'done', result };
}

/** A file not loaded on purpose; `reason` is the same for every file skipped for it, so the summary can count them. */
export function skippedFile(file: string, reason: string): DoneItem {
  return {
    kind: 'done',
    result: {
      kind: 'report',
      file,
      status: 'skipped',
      message: reason,
      tally: null,
      document: null,
    },
  };
}
