/**
 * `npm run ingest -- <files or folders...>`: progress bar, one result line per file, a summary
 * table, exit code 0 only when every file went in.
 */
import { MultiBar, Presets } from 'cli-progress';
import { ConfigError, readConfig } from '../config.ts';
import { openGraph, type GraphConnection } from '../db/connect.ts';
import { DatabaseError } from '../db/errors.ts';
import { LocalNeo4jError } from '../db/local-neo4j-build.ts';
import { runMigrations } from '../db/run-migrations.ts';
import { ingestFile, summariseResults, type FileResult, type FileStatus } from '../ingest/ingest-files.ts';
import { listInputFiles } from '../ingest/sources/read-source.ts';
import { unreachable } from '../server/error-codes.ts';
import { INGEST_USAGE, parseIngestArgs, UsageError } from './ingest-args.ts';
import { formatSummaryTable } from './summary-table.ts';

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

async function run(argv: readonly string[]): Promise<number> {
  const args = parseIngestArgs(argv);
  if (args.help) {
    console.log(INGEST_USAGE);
    return 0;
  }
  // With --json, stdout carries only the JSON; everything for people goes to stderr.
  const say = args.json ? (line: string) => console.error(line) : (line: string) => console.log(line);

  const { files, problems } = await listInputFiles(args.inputs);
  const results: FileResult[] = problems.map((p) => ({ file: p.file, status: 'failed', message: p.reason, document: null }));
  for (const p of problems) say(`${statusMark('failed')} ${p.file}: ${p.reason}`);

  let graph: GraphConnection | null = null;
  try {
    if (!args.dryRun && files.length > 0) {
      const config = readConfig();
      graph = await openGraph(config, (line) => console.error(line));
      await runMigrations(graph.db, { seedDir: null, log: () => {} });
    }
    const showBar = args.progress && process.stderr.isTTY === true && files.length > 1;
    const bars = showBar
      ? new MultiBar({ format: 'ingest [{bar}] {value}/{total} files | {rate} files/s | ETA {eta_formatted} | {file}', hideCursor: true, stream: process.stderr }, Presets.shades_classic)
      : null;
    const bar = bars?.create(files.length, 0, { file: '', rate: '0.0' });
    const started = Date.now();
    for (const [index, file] of files.entries()) {
      const result = await ingestFile(file, { db: graph?.db ?? null, force: args.force, meta: args.meta });
      results.push(result);
      const line = `${statusMark(result.status)} ${file}: ${result.message}`;
      if (bars) bars.log(`${line}\n`);
      else say(line);
      const rate = (index + 1) / Math.max((Date.now() - started) / 1000, 0.001);
      bar?.update(index + 1, { file: file.slice(-40), rate: rate.toFixed(1) });
    }
    bars?.stop();
  } finally {
    await graph?.close();
  }

  if (args.json) {
    const documents = results.flatMap((r) => (r.document ? [r.document] : []));
    process.stdout.write(`${JSON.stringify(documents, null, 2)}\n`);
  }
  const summary = summariseResults(results);
  say('');
  say(formatSummaryTable(summary));
  return summary.failed === 0 ? 0 : 1;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`ingest: ${error.message}\n\n${INGEST_USAGE}`);
      process.exit(2);
    }
    const expected = error instanceof ConfigError || error instanceof LocalNeo4jError || error instanceof DatabaseError;
    console.error(expected ? `ingest: ${(error as Error).message}` : error);
    process.exit(1);
  },
);
