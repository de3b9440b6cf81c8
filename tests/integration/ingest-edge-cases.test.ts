/**
 * `npm run ingest` on the awkward inputs of a real folder: links (and a link cycle), a FIFO,
 * files refused on purpose, reports over the size limits, CSV rows short of a cell. Every one gets
 * a line, none hangs the command, and only real failures make the exit code non-zero.
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countGraph } from '../support/graph-counts.ts';
import { ROOT, runIngest } from '../support/ingest-cli.ts';
import { OFSTED_SEED, SEED_DIR } from '../support/seed-documents.ts';
import { connectTestGraph, resetTestGraph, type TestGraph } from '../support/test-graph.ts';

const DATASETS = path.join(ROOT, 'tests/fixtures/corpus/datasets');
const CQC_RECORDS = path.join(ROOT, 'tests/fixtures/corpus/cqc');

/** The opening of the CQC API's provider JSON Schema (the shared corpus holds the whole file). */
const PROVIDER_SCHEMA = `{
  "$schema": "http://json-schema.org/draft-04/schema#",
  "type": "object",
  "properties": {
    "providerId": { "type": "string" },
    "companiesHouseNumber": { "type": "string" }
  }
}
`;

function linesStartingWith(output: string, mark: string): string[] {
  return output.split('\n').filter((line) => line.startsWith(mark));
}

describe('npm run ingest on awkward inputs', () => {
  let graph: TestGraph;
  let scratch: string;
  beforeAll(async () => {
    graph = connectTestGraph();
    await resetTestGraph(graph);
    scratch = mkdtempSync(path.join(os.tmpdir(), 'ingest-edges-'));
  });
  afterAll(async () => {
    rmSync(scratch, { recursive: true, force: true });
    await graph.close();
  });

  it(
    'follows links, ends a link cycle, skips a FIFO and files refused on purpose, and exits 0 as nothing failed',
    { timeout: 240_000 },
    async () => {
      const folder = path.join(scratch, 'corpus');
      const elsewhere = path.join(scratch, 'elsewhere');
      mkdirSync(folder);
      mkdirSync(elsewhere);
      copyFileSync(path.join(SEED_DIR, OFSTED_SEED), path.join(folder, OFSTED_SEED));
      // A report kept outside the folder and linked into it: loaded through the link.
      copyFileSync(
        path.join(ROOT, 'tests/fixtures/reports/sc999002-2023-05-10.txt'),
        path.join(elsewhere, 'sc999002-2023-05-10.txt'),
      );
      symlinkSync(path.join(elsewhere, 'sc999002-2023-05-10.txt'), path.join(folder, 'linked.txt'));
      // A folder linked into itself: without loop detection the walk would never end.
      symlinkSync(folder, path.join(folder, 'loop'));
      execFileSync('mkfifo', [path.join(folder, 'pipe.txt')]);
      const fifoArgument = path.join(scratch, 'argument-pipe.txt');
      execFileSync('mkfifo', [fifoArgument]);
      writeFileSync(path.join(folder, 'cqc_api_syndication_provider_schema.json'), PROVIDER_SCHEMA);
      copyFileSync(
        path.join(DATASETS, 'ofsted_csc_ilacs_history_slice.csv'),
        path.join(folder, 'ofsted_csc_ilacs_history.csv'),
      );
      writeFileSync(path.join(folder, 'budget.csv'), 'item,cost\nchairs,120\n');
      writeFileSync(path.join(folder, 'MANIFEST.md'), '# What is here\n');

      const run = runIngest(['--no-progress', folder, fifoArgument]);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^loaded\s+\S*000_573f2340e3d978e1\.txt: ofsted-childrens-home/m);
      expect(run.stdout).toMatch(/^loaded\s+\S*corpus\/linked\.txt: ofsted-childrens-home/m);
      expect(linesStartingWith(run.stdout, 'FAILED')).toEqual([]);
      const skipped = linesStartingWith(run.stdout, 'skipped  ');
      const reasonOf = (name: string) =>
        skipped.find((line) => line.includes(`/${name}: `))?.split(`/${name}: `)[1];
      expect(reasonOf('loop')).toBe(
        'a symbolic link to a folder inside the inputs: read there, not twice',
      );
      expect(reasonOf('pipe.txt')).toBe('a FIFO (named pipe), not a regular file: not read');
      expect(reasonOf('argument-pipe.txt')).toBe(
        'a FIFO (named pipe), not a regular file: not read',
      );
      expect(reasonOf('cqc_api_syndication_provider_schema.json')).toBe(
        'a JSON Schema of the CQC API, not data: nothing to load',
      );
      expect(reasonOf('ofsted_csc_ilacs_history.csv')).toMatch(/^evaluation dataset/);
      expect(reasonOf('budget.csv')).toMatch(/^not a data table this ingester knows/);
      expect(reasonOf('MANIFEST.md')).toMatch(/^not a file type this ingester reads: "\.md"/);
      expect(skipped).toHaveLength(7);
      expect(run.stdout).toMatch(/^files: 2 loaded, 0 unchanged, 0 failed, 7 skipped$/m);
      expect(run.stdout).toMatch(/^skipped on purpose \(not failures\): 7 files$/m);
      expect(run.stdout).toMatch(/^ {5}2 × a FIFO \(named pipe\), not a regular file: not read$/m);
      expect((await countGraph(graph.db))[':Report']).toBe(2);
    },
  );

  it('refuses a report over the size limit and one with too many findings, each in one line', () => {
    const folder = path.join(scratch, 'limits');
    mkdirSync(folder);
    copyFileSync(path.join(SEED_DIR, OFSTED_SEED), path.join(folder, 'seed.txt'));
    // Two CQC API records as JSONL: a 7 KB one and a 70 KB one, over a limit of 0.03 MB per record.
    const records = [
      'cqc_1-119142905_api-location.json',
      'cqc_1-16561595022_api-location-with-assessment.json',
    ].map((name) => JSON.stringify(JSON.parse(readFileSync(path.join(CQC_RECORDS, name), 'utf8'))));
    writeFileSync(path.join(folder, 'records.jsonl'), `${records.join('\n')}\n`);

    const bySize = runIngest(['--dry-run', '--no-progress', '--max-report-mb', '0.015', folder]);
    expect(bySize.code).toBe(1);
    expect(
      linesStartingWith(bySize.stdout, 'FAILED').map((line) => line.replace(/^\S+\s+\S*\//, '')),
    ).toEqual([
      'records.jsonl#L2: too large for a report: 29 KB, over the limit of 15 KB (--max-report-mb raises it)',
      'seed.txt: too large for a report: 19 KB, over the limit of 15 KB (--max-report-mb raises it)',
    ]);
    expect(bySize.stdout).toMatch(/^parsed\s+\S*records\.jsonl#L1: cqc-api-location/m);

    const byFindings = runIngest([
      '--dry-run',
      '--no-progress',
      '--max-findings',
      '5',
      path.join(folder, 'seed.txt'),
    ]);
    expect(byFindings.code).toBe(1);
    expect(byFindings.stdout).toMatch(
      /^FAILED\s+\S*seed\.txt: too many findings for one report: \d+, over the limit of 5 \(not an inspection report\? --max-findings raises it\)$/m,
    );
  });

  it('warns of a CSV row short of cells under its file, with its line', () => {
    const [header, first, second] = readFileSync(
      path.join(DATASETS, 'ofsted_la_urn_lookup_slice.csv'),
      'utf8',
    ).split(/\r?\n/);
    const file = path.join(scratch, 'ofsted_la_urn_lookup.csv');
    writeFileSync(file, [header, first, second!.replace(/,[^,]*$/, ''), ''].join('\n'));
    const run = runIngest(['--dry-run', '--no-progress', '--quiet', file]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    const at = lines.findIndex((line) => /^parsed\s+\S*ofsted_la_urn_lookup\.csv: /.test(line));
    expect(lines[at]).toMatch(/, 2 rows, .*, 1 rows with warnings$/);
    expect(lines[at + 1]).toBe(
      '          row 3: warning: 19 cells for 20 columns: short of 1, read as empty ("ons_la_type")',
    );
  });
});
