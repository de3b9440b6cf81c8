/**
 * `npm run ingest -- <files or folders...>`: streams the inputs through the bulk pipeline
 * (src/load/bulk/) with progress on stderr, one result line per file or record, a summary
 * table, exit code 0 only when every file went in.
 */
import { ConfigError, readConfig } from '../config.ts';
import { openGraph, type GraphConnection } from '../db/connect.ts';
import { DatabaseError } from '../db/errors.ts';
import { LocalNeo4jError } from '../db/local-neo4j-build.ts';
import { runMigrations } from '../app/prepare-graph.ts';
import { ingestInputs } from '../load/bulk/ingest-inputs.ts';
import { JsonArrayWriter } from '../load/bulk/json-array-writer.ts';
import { ProgressReporter, type ProgressMode } from '../load/bulk/progress-reporter.ts';
import { addResult, emptyTotals } from '../load/bulk/run-totals.ts';
import type { ItemResult } from '../load/bulk/work-items.ts';
import { describeRefresh } from '../graph/summaries/refresh-scheduler.ts';
import { refreshSummaries } from '../graph/summaries/refresh-summaries.ts';
import { linkProviders } from '../graph/write/link-providers.ts';
import type { FileStatus } from '../load/ingest-files.ts';
import { walkInputFiles } from '../ingest/sources/read-source.ts';
import { unreachable } from '../model/unreachable.ts';
import { INGEST_USAGE, parseIngestArgs, UsageError, type IngestArgs } from './ingest-args.ts';
import { formatSummaryTable } from './summary-table.ts';

/** Row problems shown under a data file's line; the rest are counted. */
const ROW_PROBLEMS_SHOWN = 5;

function statusMark(status: FileStatus): string {
  switch (status) {
    case 'loaded':
      return 'loaded   ';
    case 'unchanged':
      return 'unchanged';
    case 'parsed':
      return 'parsed   ';
    case 'failed':
      return 'FAILED   ';
    default:
      return unreachable(status, 'file status');
  }
}

function formatResult(result: ItemResult, quiet: boolean): string[] {
  const problems = result.kind === 'data-file' ? result.rowProblems : [];
  if (quiet && result.status !== 'failed' && problems.length === 0) return [];
  const lines = [`${statusMark(result.status)} ${result.file}: ${result.message}`];
  for (const problem of problems.slice(0, ROW_PROBLEMS_SHOWN))
    lines.push(`          row ${problem.row}: ${problem.message}`);
  if (problems.length > ROW_PROBLEMS_SHOWN)
    lines.push(`          … and ${problems.length - ROW_PROBLEMS_SHOWN} more`);
  return lines;
}

function progressMode(args: IngestArgs): ProgressMode {
  if (!args.progress) return 'off';
  return process.stderr.isTTY === true ? 'bar' : 'lines';
}

/** Counts the inputs beside the run (nothing kept), so progress has a total and an ETA. */
async function countInputs(inputs: readonly string[], progress: ProgressReporter): Promise<void> {
  let files = 0;
  for await (const _entry of walkInputFiles(inputs, 'any')) {
    files += 1;
    progress.countFile();
  }
  progress.setTotal(files);
}

async function hasAnyInput(inputs: readonly string[]): Promise<boolean> {
  for await (const entry of walkInputFiles(inputs)) if (entry.problem === undefined) return true;
  return false;
}

async function run(argv: readonly string[]): Promise<number> {
  const args = parseIngestArgs(argv);
  if (args.help) {
    console.log(INGEST_USAGE);
    return 0;
  }
  // With --json, stdout carries only the JSON; everything for people goes to stderr.
  const say = args.json
    ? (line: string) => console.error(line)
    : (line: string) => console.log(line);
  const json = args.json ? new JsonArrayWriter((chunk) => process.stdout.write(chunk)) : null;
  const totals = emptyTotals();
  let graph: GraphConnection | null = null;
  let progress: ProgressReporter | null = null;
  try {
    if (!args.dryRun && (await hasAnyInput(args.inputs))) {
      // A lost database pauses the run ("waiting for Neo4j") instead of failing each report.
      graph = await openGraph(readConfig(), (line) => console.error(line), {
        waitWhenUnavailable: {
          onGiveUp: (message) => {
            console.error(`ingest: ${message}`);
            process.exit(1);
          },
        },
      });
      await runMigrations(graph.db, { seedDir: null, log: () => {} });
    }
    progress = new ProgressReporter({
      mode: progressMode(args),
      intervalMs: args.progressIntervalMs,
      stream: process.stderr,
      say,
    });
    void countInputs(args.inputs, progress);
    const results = ingestInputs(args.inputs, {
      db: graph?.db ?? null,
      force: args.force,
      meta: args.meta,
      workers: args.workers,
      batchSize: args.batchSize,
      keepDocuments: args.json,
      onExtraItems: (count) => progress?.addItems(count),
      onDataProgress: (file, fileProgress) => progress?.dataFileProgress(file, fileProgress),
    });
    for await (const result of results) {
      addResult(totals, result);
      progress.record(result);
      for (const line of formatResult(result, args.quiet)) progress.log(line);
      if (json && result.kind === 'report' && result.document) json.add(result.document);
    }
    // Providers named by reports and by data files meet here, once, after everything is in.
    if (graph && totals.summary.loaded > 0) {
      const links = await linkProviders(graph.db);
      if (links > 0) progress.log(`linked providers across sources: ${links} links`);
    }
    // After everything is in, so the rebuild reads the final graph once.
    if (graph) {
      progress.log('refreshing the question summaries…');
      progress.log(describeRefresh(await refreshSummaries(graph.db, { onlyStale: true })));
    }
  } finally {
    progress?.stop();
    json?.end();
    await graph?.close();
  }
  const elapsedSeconds = progress.snapshot().elapsedSeconds;
  const handled =
    totals.summary.loaded +
    totals.summary.unchanged +
    totals.summary.parsed +
    totals.summary.failed;
  say('');
  say(
    formatSummaryTable(totals.summary, {
      dataFiles: totals.dataFiles,
      elapsedSeconds,
      perSecond: elapsedSeconds > 0 ? handled / elapsedSeconds : 0,
      // maxRSS is in KiB and covers the worker threads too (they share the process).
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
    }),
  );
  return totals.summary.failed === 0 ? 0 : 1;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`ingest: ${error.message}\n\n${INGEST_USAGE}`);
      process.exit(2);
    }
    const expected =
      error instanceof ConfigError ||
      error instanceof LocalNeo4jError ||
      error instanceof DatabaseError;
    console.error(expected ? `ingest: ${(error as Error).message}` : error);
    process.exit(1);
  },
);
