/** Command-line options of `npm run ingest`, parsed and checked into one typed value. */
import { parseArgs } from 'node:util';
import type { ReportMeta } from '../ingest/meta.ts';

export const INGEST_USAGE = `Usage: npm run ingest -- [options] <files or folders...>

Reads inspection reports, parses them into ReportDocuments and loads them into the graph
(one transaction per report). Folders are read recursively; <file>.meta.json beside a file
gives metadata the report lacks.

Options:
  --dry-run              parse and classify only; touch no database
  --json                 print the ReportDocuments as a JSON array on stdout
  --force                load again even when the same file (by sha256) is already in the graph
  --no-progress          no progress bar (it is shown only on a terminal anyway)
  --location-id ID       location key for every file, e.g. cqc:1-123456789 or ofsted:1247390
  --urn URN              Ofsted unique reference number of the location
  --cqc-id ID            CQC location id (1-<digits>)
  --location-name NAME   location name
  --provider-id ID       provider key
  --provider-name NAME   registered provider name
  -h, --help             show this help

Exit code 0 only when every file went in (or parsed, with --dry-run).`;

export interface IngestArgs {
  inputs: string[];
  dryRun: boolean;
  json: boolean;
  force: boolean;
  progress: boolean;
  meta: ReportMeta | null;
  help: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseIngestArgs(argv: readonly string[]): IngestArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        'no-progress': { type: 'boolean', default: false },
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
    Object.entries({ id: v['location-id'], urn: v.urn, cqcId: v['cqc-id'], name: v['location-name'] }).filter(([, value]) => value !== undefined),
  );
  const provider = Object.fromEntries(
    Object.entries({ id: v['provider-id'], name: v['provider-name'] }).filter(([, value]) => value !== undefined),
  );
  const hasMeta = Object.keys(location).length > 0 || Object.keys(provider).length > 0;
  const args: IngestArgs = {
    inputs: parsed.positionals,
    dryRun: v['dry-run'] ?? false,
    json: v.json ?? false,
    force: v.force ?? false,
    progress: !(v['no-progress'] ?? false),
    meta: hasMeta ? { location, provider } : null,
    help: v.help ?? false,
  };
  if (!args.help && args.inputs.length === 0) throw new UsageError('give at least one file or folder to ingest');
  return args;
}
