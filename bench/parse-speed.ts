/**
 * `npx tsx bench/parse-speed.ts [--rounds N] [--profile FILE] [INPUT...]`: parsing alone
 * (text → classified ReportDocument, `buildReportDocument`), no database. For working on the
 * parsers and classifiers: `npm run bench` reports the same first-pass figure as
 * `ingest.parse_only`, this adds later passes, once the JIT has warmed up, and a CPU profile
 * of those.
 *
 * Files are read (PDFs converted, `.meta.json` sidecars applied) before timing. As in the
 * bench, the first document is parsed once before the first pass; each pass then parses every
 * document. Per pass: wall time and this process's CPU time (the machine is often shared, and
 * CPU time is the steadier figure). Nothing here asserts a time: it prints.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../src/config.ts';
import { mergeMeta, readSideMeta } from '../src/load/ingest-files.ts';
import { buildReportDocument, type BuildInput } from '../src/ingest/pipeline.ts';
import { listInputFiles, readSourceText } from '../src/ingest/sources/read-source.ts';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '3' },
    profile: { type: 'string' },
  },
});

async function readInputs(inputs: readonly string[]): Promise<BuildInput[]> {
  const { files } = await listInputFiles(inputs);
  const read: BuildInput[] = [];
  for (const file of files) {
    const source = await readSourceText(file);
    const side = await readSideMeta(file);
    if (!source.ok || 'error' in side) continue;
    read.push({
      text: source.text,
      fileName: path.basename(file),
      format: source.format,
      meta: mergeMeta(null, side.meta),
    });
  }
  return read;
}

function parseAll(inputs: readonly BuildInput[]): number {
  let parsed = 0;
  for (const input of inputs) if (buildReportDocument(input).ok) parsed += 1;
  return parsed;
}

function timePass(inputs: readonly BuildInput[], pass: number): void {
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  const parsed = parseAll(inputs);
  const wall = (performance.now() - wallStart) / 1000;
  const cpuUsed = process.cpuUsage(cpuStart);
  const cpu = (cpuUsed.user + cpuUsed.system) / 1e6;
  const label = pass === 0 ? 'first pass' : `pass ${pass + 1}`;
  console.log(
    `parse.${pass === 0 ? 'first_pass' : 'warm_pass'}: ${(inputs.length / wall).toFixed(1)} reports/s wall, ${(inputs.length / cpu).toFixed(1)} reports/CPU-s (${label}: ${inputs.length} files, ${parsed} parsed, ${wall.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU)`,
  );
}

/** The passes after the first under the V8 profiler, written as a `.cpuprofile` (Chrome DevTools opens it). */
async function profilePasses(
  inputs: readonly BuildInput[],
  rounds: number,
  file: string,
): Promise<void> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  for (let pass = 1; pass < rounds; pass++) parseAll(inputs);
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  writeFileSync(file, JSON.stringify(profile));
  console.log(`profile of passes 2-${rounds}: ${file}`);
}

const inputs =
  positionals.length > 0
    ? positionals
    : // The seed reports themselves, not the samples under seed/real and seed/synthetic, so the
      // default corpus stays the one earlier figures were taken on.
      [
        ...readdirSync(path.join(PROJECT_ROOT, 'seed'), { withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => path.join(PROJECT_ROOT, 'seed', entry.name)),
        path.join(PROJECT_ROOT, 'tests/fixtures/reports'),
      ];
const rounds = Math.max(1, Number(args.rounds));
const documents = await readInputs(inputs);
console.log(`corpus: ${documents.length} files from ${inputs.join(', ')}`);
if (documents[0]) buildReportDocument({ ...documents[0], fileName: 'warm-up.txt' });
timePass(documents, 0);
if (args.profile) await profilePasses(documents, rounds, args.profile);
else for (let pass = 1; pass < rounds; pass++) timePass(documents, pass);
