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
import { completePostLoadSteps } from '../graph/write/post-load-steps.ts';
import { walkInputFiles } from '../ingest/sources/read-source.ts';
import { INGEST_USAGE, parseIngestArgs, UsageError, type IngestArgs } from './ingest-args.ts';
import { printSourceTexts } from './print-source-text.ts';
import { formatResult } from './result-lines.ts';
import { formatSummaryTable } from './summary-table.ts';

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
  for await (const entry of walkInputFiles(inputs)) if (entry.kind === 'file') return true;
  return false;
}

async function run(argv: readonly string[]): Promise<number> {
  const args = parseIngestArgs(argv);
  if (args.help) {
    console.log(INGEST_USAGE);
    return 0;
  }
  if (args.text)
    return printSourceTexts(
      args.inputs,
      (line) => process.stdout.write(`${line}\n`),
      (line) => console.error(line),
    );
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
      limits: args.limits,
      onDataProgress: (file, fileProgress) => progress?.dataFileProgress(file, fileProgress),
    });
    for await (const result of results) {
      addResult(totals, result);
      progress.record(result);
      for (const line of formatResult(result, args.quiet)) progress.log(line);
      if (json && result.kind === 'report' && result.document) json.add(result.document);
    }
    progress.finish();
    // After everything is in, so provider linking and the summaries read the final graph once;
    // whatever this run loaded, as a run that died after its last batch left them pending.
    if (graph) await completePostLoadSteps(graph.db, (line) => progress?.log(line));
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

/** Exits once stdout has taken everything: to a pipe it is written asynchronously, and an
 * immediate exit cut `--json` and `--text` output at 64 KiB. */
function exitAfterOutput(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

run(process.argv.slice(2)).then(
  (code) => exitAfterOutput(code),
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
