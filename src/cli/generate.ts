/**
 * `npm run generate -- --locations N --years Y --seed S --out DIR` writes a synthetic corpus of
 * Ofsted children's home and CQC reports with its ground truth;
 * `npm run generate -- --check DIR` parses that corpus with the real parsers and compares.
 * Exit codes: 0 done (check: no mismatch), 1 check found mismatches, 2 usage or I/O error.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkGroundTruth, formatCheckResult } from '../generate/check-ground-truth.ts';
import { CorpusExistsError, DiskSink, GROUND_TRUTH_FILE } from '../generate/disk-sink.ts';
import { generateCorpus, type CorpusProgress } from '../generate/generate-corpus.ts';
import {
  checkCorpusOptions,
  DEFAULT_CORPUS_OPTIONS,
  type CorpusOptions,
} from '../generate/options.ts';

const USAGE = `Usage:
  npm run generate -- --out DIR [--locations N] [--years Y] [--seed S] [options]
  npm run generate -- --check DIR [--max-mismatches N]

Writes deterministic synthetic inspection reports (same seed, same bytes) in the formats the
parsers read: Ofsted children's home full and interim inspections, CQC location summaries and
CQC full inspection reports, each with a <file>.meta.json, under DIR/reports/, and
DIR/ground-truth.jsonl (one line per report).
Ingest them with: npm run ingest -- DIR/reports

Options:
  --out DIR             folder to write the corpus to
  --locations N         number of locations (default ${DEFAULT_CORPUS_OPTIONS.locations})
  --years Y             years of inspections (default ${DEFAULT_CORPUS_OPTIONS.years})
  --seed S              any text (default ${DEFAULT_CORPUS_OPTIONS.seed})
  --start-year YYYY     first year inspected (default ${DEFAULT_CORPUS_OPTIONS.startYear})
  --cqc-share F         share of providers regulated by the CQC, 0 to 1 (default ${DEFAULT_CORPUS_OPTIONS.cqcShare})
  --force               replace a corpus already in DIR (only its reports/ and ground truth)
  --no-progress         no progress line on stderr
  --check DIR           parse DIR's reports with the real parsers and compare with its ground truth
  --max-mismatches N    mismatches to list with --check (default 50)
  -h, --help            show this help`;

class UsageError extends Error {
  override name = 'UsageError';
}

function readNumber(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n))
    throw new UsageError(`${flag} must be a number, not "${value}"`);
  return n;
}

function parseCommand(argv: readonly string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        out: { type: 'string' },
        locations: { type: 'string' },
        years: { type: 'string' },
        seed: { type: 'string' },
        'start-year': { type: 'string' },
        'cqc-share': { type: 'string' },
        force: { type: 'boolean', default: false },
        'no-progress': { type: 'boolean', default: false },
        check: { type: 'string' },
        'max-mismatches': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  const options: CorpusOptions = {
    locations: readNumber(v.locations, DEFAULT_CORPUS_OPTIONS.locations, '--locations'),
    years: readNumber(v.years, DEFAULT_CORPUS_OPTIONS.years, '--years'),
    seed: v.seed ?? DEFAULT_CORPUS_OPTIONS.seed,
    startYear: readNumber(v['start-year'], DEFAULT_CORPUS_OPTIONS.startYear, '--start-year'),
    cqcShare: readNumber(v['cqc-share'], DEFAULT_CORPUS_OPTIONS.cqcShare, '--cqc-share'),
  };
  const problem = checkCorpusOptions(options);
  if (problem) throw new UsageError(problem);
  const maxMismatches = readNumber(v['max-mismatches'], 50, '--max-mismatches');
  if (!v.help && !v.out && !v.check)
    throw new UsageError('give --out DIR to generate or --check DIR to check');
  if (v.out && v.check) throw new UsageError('give either --out or --check, not both');
  return {
    options,
    out: v.out,
    check: v.check,
    force: v.force ?? false,
    progress: !(v['no-progress'] ?? false),
    maxMismatches,
    help: v.help ?? false,
  };
}

/** A progress line on stderr, rewritten in place on a terminal and printed every few seconds elsewhere. */
function createProgressLine(enabled: boolean): { update: (text: string) => void; end: () => void } {
  const tty = process.stderr.isTTY === true;
  let last = 0;
  let shown = false;
  return {
    update(text) {
      const now = Date.now();
      if (!enabled || now - last < (tty ? 200 : 5000)) return;
      last = now;
      shown = true;
      process.stderr.write(tty ? `\r${text}\u001b[K` : `${text}\n`);
    },
    end() {
      if (enabled && tty && shown) process.stderr.write('\n');
    },
  };
}

function runGenerate(
  options: CorpusOptions,
  out: string,
  force: boolean,
  showProgress: boolean,
): number {
  const sink = new DiskSink(out, force);
  // Timed from here: removing an earlier corpus (--force) is not generation.
  const started = performance.now();
  const progress = createProgressLine(showProgress);
  const describe = (p: CorpusProgress): string => {
    const seconds = (performance.now() - started) / 1000;
    return `generate: ${p.locationsDone}/${p.locations} locations, ${p.reports} reports, ${(p.reports / Math.max(seconds, 1e-3)).toFixed(0)} reports/s`;
  };
  let stats;
  try {
    stats = generateCorpus(options, sink, (p) => progress.update(describe(p)));
  } finally {
    sink.close();
    progress.end();
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `Wrote ${stats.reports} reports with ${stats.findings} findings for ` +
      `${stats.locations} locations of ${stats.providers} providers to ${out} in ${seconds.toFixed(1)} s ` +
      `(${(stats.reports / Math.max(seconds, 1e-3)).toFixed(0)} reports/s); ground truth in ${path.join(out, GROUND_TRUTH_FILE)}`,
  );
  for (const [kind, tally] of stats.kinds) {
    console.log(
      `  ${kind.padEnd(32)}${String(tally.reports).padStart(8)} reports${String(tally.findings).padStart(10)} findings (${(tally.findings / tally.reports).toFixed(2)} a report)`,
    );
  }
  return 0;
}

async function runCheck(dir: string, maxListed: number, showProgress: boolean): Promise<number> {
  const progress = createProgressLine(showProgress);
  let result;
  try {
    result = await checkGroundTruth(dir, {
      maxListed,
      onProgress: (n) => progress.update(`check: ${n} reports`),
    });
  } finally {
    progress.end();
  }
  console.log(formatCheckResult(result, path.join(dir, GROUND_TRUTH_FILE)));
  return result.mismatchCount === 0 ? 0 : 1;
}

async function run(argv: readonly string[]): Promise<number> {
  const command = parseCommand(argv);
  if (command.help) {
    console.log(USAGE);
    return 0;
  }
  if (command.check) return runCheck(command.check, command.maxMismatches, command.progress);
  return runGenerate(command.options, command.out ?? '', command.force, command.progress);
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else if (error instanceof CorpusExistsError) console.error(error.message);
    else console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  },
);
