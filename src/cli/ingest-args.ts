/** Command-line options of `npm run ingest`, parsed and checked into one typed value. */
import { parseArgs } from 'node:util';
import { defaultWorkerCount } from '../load/bulk/ingest-inputs.ts';
import { DEFAULT_BATCH_SIZE } from '../graph/write/load-reports.ts';
import type { ReportMeta } from '../ingest/meta.ts';
import {
  DEFAULT_MAX_FINDINGS,
  DEFAULT_MAX_REPORT_MB,
  megabytesToBytes,
  type ReportLimits,
} from '../load/report-limits.ts';

const DEFAULT_PROGRESS_INTERVAL_MS = 10_000;

export const INGEST_USAGE = `Usage: npm run ingest -- [options] <files or folders...>

Reads inspection reports and data files and loads them into the graph. Folders are read
recursively (sorted; hidden files skipped); <file>.meta.json beside a file gives metadata the
report lacks. Reports are parsed in worker threads and loaded in batched transactions; reports
already in the graph (same sha256) are skipped, so an interrupted run resumes where it stopped
when started again. A .jsonl file (or a .json array) of CQC API location records is one report
per record, named file.jsonl#L<line> (file.json#<n>). Ofsted and CQC data tables (.csv, and
.json/.jsonl listings) are recognised from their first lines and loaded as data files.

Options:
  --dry-run              parse and classify only; touch no database
  --json                 print the ReportDocuments as a JSON array on stdout
  --text                 print the text each file was read as (PDF and HTML extracted), with the
                         line numbers that source positions use; touches no database
  --force                load again even when the same file (by sha256) is already in the graph
  --workers N            parse worker threads (default: cores - 1; 0 on 2 cores or fewer);
                         0 parses text on the main thread, PDF and HTML still in a worker
  --batch-size N         reports per load transaction (default ${DEFAULT_BATCH_SIZE})
  --max-report-mb N      largest report file read, in MB (default ${DEFAULT_MAX_REPORT_MB}); a JSONL file's
                         limit is per record; data tables stream and have none
  --max-findings N       most findings one report may hold (default ${DEFAULT_MAX_FINDINGS})
  --quiet                print only failures and the summary, not a line per file
  --no-progress          no progress bar on a terminal, no progress lines elsewhere
  --location-id ID       location key for every file, e.g. cqc:1-123456789 or ofsted:1247390
  --urn URN              Ofsted unique reference number of the location
  --cqc-id ID            CQC location id (1-<digits>)
  --location-name NAME   location name
  --provider-id ID       provider key
  --provider-name NAME   registered provider name
  -h, --help             show this help

Files not loaded on purpose are skipped with their reason and are no failures: JSON Schemas, the
evaluation dataset, file types the ingester does not read, CSV tables it does not know, FIFOs,
sockets and devices, and links to what the walk reads anyway. Symbolic links are followed.

Off a terminal, a progress line goes to stderr every 10 s (INGEST_PROGRESS_INTERVAL_MS to
change it). Exit code 0 when no file failed (skipped files are no failures); 1 when one did,
or the database cannot be used; 2 for bad usage.`;

export interface IngestArgs {
  inputs: string[];
  dryRun: boolean;
  json: boolean;
  /** Print each file's text with line numbers instead of ingesting it. */
  text: boolean;
  force: boolean;
  progress: boolean;
  /** How often a progress line is printed off a terminal. */
  progressIntervalMs: number;
  workers: number;
  batchSize: number;
  limits: ReportLimits;
  quiet: boolean;
  meta: ReportMeta | null;
  help: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export function readPositiveNumber(
  raw: string | undefined,
  fallback: number,
  what: string,
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value <= 0)
    throw new UsageError(`${what} must be a number above 0, got "${raw}"`);
  return value;
}

export function readWholeNumber(
  raw: string | undefined,
  fallback: number,
  min: number,
  what: string,
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value) || value < min)
    throw new UsageError(`${what} must be a whole number from ${min}, got "${raw}"`);
  return value;
}

export function parseIngestArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): IngestArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        text: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        'no-progress': { type: 'boolean', default: false },
        workers: { type: 'string' },
        'batch-size': { type: 'string' },
        'max-report-mb': { type: 'string' },
        'max-findings': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        'location-id': { type: 'string' },
        urn: { type: 'string' },
        'cqc-id': { type: 'string' },
        'location-name': { type: 'string' },
        'provider-id': { type: 'string' },
        'provider-name': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  const location = Object.fromEntries(
    Object.entries({
      id: v['location-id'],
      urn: v.urn,
      cqcId: v['cqc-id'],
      name: v['location-name'],
    }).filter(([, value]) => value !== undefined),
  );
  const provider = Object.fromEntries(
    Object.entries({ id: v['provider-id'], name: v['provider-name'] }).filter(
      ([, value]) => value !== undefined,
    ),
  );
  const hasMeta = Object.keys(location).length > 0 || Object.keys(provider).length > 0;
  const args: IngestArgs = {
    inputs: parsed.positionals,
    dryRun: v['dry-run'] ?? false,
    json: v.json ?? false,
    text: v.text ?? false,
    force: v.force ?? false,
    progress: !(v['no-progress'] ?? false),
    progressIntervalMs: readWholeNumber(
      env.INGEST_PROGRESS_INTERVAL_MS,
      DEFAULT_PROGRESS_INTERVAL_MS,
      10,
      'INGEST_PROGRESS_INTERVAL_MS',
    ),
    workers: readWholeNumber(v.workers, defaultWorkerCount(), 0, '--workers'),
    batchSize: readWholeNumber(v['batch-size'], DEFAULT_BATCH_SIZE, 1, '--batch-size'),
    limits: {
      maxReportBytes: megabytesToBytes(
        readPositiveNumber(v['max-report-mb'], DEFAULT_MAX_REPORT_MB, '--max-report-mb'),
      ),
      maxFindings: readWholeNumber(v['max-findings'], DEFAULT_MAX_FINDINGS, 1, '--max-findings'),
    },
    quiet: v.quiet ?? false,
    meta: hasMeta ? { location, provider } : null,
    help: v.help ?? false,
  };
  if (args.text && args.json)
    throw new UsageError('--text and --json print different things: give one of them');
  if (!args.help && args.inputs.length === 0)
    throw new UsageError('give at least one file or folder to ingest');
  return args;
}
