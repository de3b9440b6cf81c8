/** `npm run ingest` as a user runs it, against the test database through NEO4J_URI. */
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../src/model/document.ts';
import { countGraph } from '../support/graph-counts.ts';
import { INGEST_CLI, ingestEnv, ROOT, runIngest } from '../support/ingest-cli.ts';
import { CQC_SEED, OFSTED_SEED, SEED_DIR } from '../support/seed-documents.ts';
import { connectTestGraph, resetTestGraph, type TestGraph } from '../support/test-graph.ts';

/**
 * A folder of real reports: the Ofsted seed, the test fixtures, the corpus texts and API records,
 * and the CQC seed as a web page (not also as text: two versions of one inspection in one run
 * leave only the later one, so a second run would load the other again).
 */
function buildFixtureFolder(into: string): string {
  mkdirSync(into, { recursive: true });
  const sources = [
    path.join(SEED_DIR, OFSTED_SEED),
    ...['sc999001-2022-03-08.txt', 'sc999001-2023-02-14.txt', 'sc999002-2023-05-10.txt'].map(
      (name) => path.join(ROOT, 'tests/fixtures/reports', name),
    ),
    ...readdirSync(path.join(ROOT, 'tests/fixtures/corpus/text')).map((name) =>
      path.join(ROOT, 'tests/fixtures/corpus/text', name),
    ),
    ...[
      'cqc_1-119142905_api-location.json',
      'cqc_1-5203053560_api-location-with-assessment.json',
    ].map((name) => path.join(ROOT, 'tests/fixtures/corpus/cqc', name)),
    path.join(ROOT, 'tests/fixtures/corpus/html/cqc-location-summary_seed-002.html'),
  ];
  for (const file of sources) copyFileSync(file, path.join(into, path.basename(file)));
  return into;
}

describe('npm run ingest', () => {
  let graph: TestGraph;
  let scratch: string;
  beforeAll(async () => {
    graph = connectTestGraph();
    await resetTestGraph(graph);
    scratch = mkdtempSync(path.join(os.tmpdir(), 'ingest-cli-'));
  });
  afterAll(async () => {
    rmSync(scratch, { recursive: true, force: true });
    await graph.close();
  });

  it('--dry-run --json prints the ReportDocument of the Ofsted seed and touches no database', async () => {
    const before = await countGraph(graph.db);
    const run = runIngest(['--dry-run', '--json', path.join(SEED_DIR, OFSTED_SEED)]);
    expect(run.code).toBe(0);
    const [doc] = JSON.parse(run.stdout) as ReportDocument[];
    expect(doc).toMatchObject({
      location: { urn: '1247390' },
      provider: { name: 'Partnerships In Care 1 Limited' },
      inspection: { startDate: '2019-07-23', endDate: '2019-07-24' },
    });
    expect(doc!.judgements.map((j) => j.grade)).toEqual(['INADEQUATE', 'INADEQUATE', 'INADEQUATE']);
    expect(doc!.history).toHaveLength(4);
    expect(doc!.requirements.map((r) => r.regulation?.number)).toEqual([
      '5',
      '6',
      '10',
      '12',
      '13',
      '23',
      '35',
    ]);
    expect(new Set(doc!.requirements.map((r) => r.dueDate))).toEqual(new Set(['2019-09-12']));
    expect(
      doc!.requirements.filter((r) => r.complianceNotice).map((r) => r.regulation?.number),
    ).toEqual(['6']);
    const themes = new Set(doc!.findings.flatMap((f) => f.themes.map((t) => t.id)));
    for (const theme of ['medication', 'safeguarding', 'governance'])
      expect(themes).toContain(theme);
    expect(doc!.findings.some((f) => f.repeat?.refersTo === 'ofsted:1247390:2018-09-26:full')).toBe(
      true,
    );
    expect(await countGraph(graph.db)).toEqual(before);
  });

  it('loads both seeds, prints a line per file and a summary, and a second run changes nothing', async () => {
    const files = [path.join(SEED_DIR, OFSTED_SEED), path.join(SEED_DIR, CQC_SEED)];
    const first = runIngest(files);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/loaded\s+.*000_573f2340e3d978e1\.txt/);
    expect(first.stdout).toMatch(/loaded\s+.*002_7b99ce8a6ac40e7e\.txt/);
    expect(first.stdout).toMatch(/ofsted-childrens-home\s+1\s+5\s+7\s+\d+/);
    expect(first.stdout).toMatch(/files: 2 loaded, 0 unchanged, 0 failed/);
    const counts = await countGraph(graph.db);

    const second = runIngest(files);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/files: 0 loaded, 2 unchanged/);
    expect(await countGraph(graph.db)).toEqual(counts);

    const forced = runIngest(['--force', ...files]);
    expect(forced.code).toBe(0);
    expect(await countGraph(graph.db)).toEqual(counts);
  });

  it('gives a bad file a one-line reason, goes on with the batch, and exits non-zero', async () => {
    const garbage = path.join(scratch, 'notes.txt');
    writeFileSync(garbage, 'Shopping list: eggs, milk, bread.\n');
    const binary = path.join(scratch, 'scan.pdf');
    writeFileSync(binary, Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff, 0xfe]));
    const word = path.join(scratch, 'notes.docx');
    writeFileSync(word, 'PK\u0003\u0004');
    const good = path.join(scratch, 'fixture.txt');
    copyFileSync(path.join(ROOT, 'tests/fixtures/reports/sc999002-2023-05-10.txt'), good);
    const run = runIngest([
      '--workers',
      '1',
      garbage,
      path.join(scratch, 'missing.txt'),
      binary,
      word,
      good,
    ]);
    expect(run.code).toBe(1);
    const failures = run.stdout.split('\n').filter((line) => line.startsWith('FAILED'));
    expect(failures).toHaveLength(3);
    for (const line of failures) expect(line.length).toBeLessThan(300);
    expect(failures.find((line) => line.includes('scan.pdf'))).toMatch(/scan\.pdf: .*PDF/);
    // A file type the ingester never reads is skipped with its reason, not failed.
    expect(run.stdout).toMatch(
      /^skipped\s+\S*notes\.docx: not a file type this ingester reads: "\.docx"/m,
    );
    expect(run.stdout).toMatch(/loaded\s+.*fixture\.txt/);
    expect(run.stdout).toMatch(/files: 1 loaded, 0 unchanged, 3 failed, 1 skipped/);
  });

  it('takes metadata from <file>.meta.json beside the CQC summary', async () => {
    const file = path.join(scratch, 'cqc-summary.txt');
    copyFileSync(path.join(SEED_DIR, CQC_SEED), file);
    writeFileSync(
      `${file}.meta.json`,
      JSON.stringify({
        location: { cqcId: '1-000000001', name: 'Example Health Visiting Service' },
        provider: { name: 'Example Community Trust' },
      }),
    );
    const run = runIngest(['--dry-run', '--json', file]);
    expect(run.code).toBe(0);
    const [doc] = JSON.parse(run.stdout) as ReportDocument[];
    expect(doc!.location).toMatchObject({
      id: 'cqc:1-000000001',
      name: 'Example Health Visiting Service',
    });
    expect(doc!.inspection.id).toBe('cqc:1-000000001:2023-09-11:routine');
    expect(doc!.warnings.map((w) => w.code)).not.toContain('missing-location-id');
  });

  it(
    'loads the same graph with two parse workers as on the main thread, and a second run changes nothing',
    { timeout: 600_000 },
    async () => {
      const folder = buildFixtureFolder(path.join(scratch, 'fixtures'));
      const files = readdirSync(folder).length;
      await resetTestGraph(graph);
      const inline = runIngest(['--workers', '0', '--batch-size', '4', folder]);
      expect(inline.code, inline.stdout).toBe(0);
      const inlineCounts = await countGraph(graph.db);

      await resetTestGraph(graph);
      const pooled = runIngest(['--workers', '2', '--batch-size', '4', folder]);
      expect(pooled.code).toBe(0);
      expect(pooled.stdout).toMatch(new RegExp(`files: ${files} loaded, 0 unchanged`));
      expect(await countGraph(graph.db)).toEqual(inlineCounts);
      // Same lines in the same (input) order whichever worker finished first.
      const lines = (out: string) =>
        out.split('\n').filter((line) => /^(loaded|FAILED)/.test(line));
      expect(lines(pooled.stdout)).toEqual(lines(inline.stdout));

      const again = runIngest(['--workers', '2', folder]);
      expect(again.code).toBe(0);
      expect(again.stdout.split('\n').filter((line) => line.startsWith('unchanged'))).toHaveLength(
        files,
      );
      expect(again.stdout).toMatch(new RegExp(`files: 0 loaded, ${files} unchanged, 0 failed`));
      expect(await countGraph(graph.db)).toEqual(inlineCounts);
    },
  );

  it(
    'resumes a run killed half way and ends with the graph of one clean run',
    { timeout: 900_000 },
    async () => {
      const corpus = path.join(scratch, 'generated');
      const generated = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          path.join(ROOT, 'src/cli/generate.ts'),
          '--locations',
          '40',
          '--years',
          '5',
          '--seed',
          'resume',
          '--out',
          corpus,
          '--no-progress',
        ],
        { cwd: ROOT, encoding: 'utf8' },
      );
      expect(generated.status, generated.stderr).toBe(0);
      const reports = path.join(corpus, 'reports');

      await resetTestGraph(graph);
      const clean = runIngest(['--quiet', '--batch-size', '20', reports]);
      expect(clean.code).toBe(0);
      const total = Number(/files: (\d+) loaded/.exec(clean.stdout)![1]);
      expect(total).toBeGreaterThan(100);
      const cleanCounts = await countGraph(graph.db);

      await resetTestGraph(graph);
      const child = spawn(
        process.execPath,
        [...INGEST_CLI, '--quiet', '--batch-size', '20', reports],
        {
          cwd: ROOT,
          env: ingestEnv(),
          stdio: 'ignore',
        },
      );
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.once('exit', (_code, signal) => resolve(signal)),
      );
      // Killed as soon as the first reports are in the graph.
      while (((await countGraph(graph.db))[':Report'] ?? 0) === 0)
        await new Promise((resolve) => setTimeout(resolve, 50));
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      const partial = (await countGraph(graph.db))[':Report'] ?? 0;
      expect(partial).toBeGreaterThan(0);
      expect(partial).toBeLessThan(total);

      const resumed = runIngest(['--quiet', '--batch-size', '20', reports]);
      expect(resumed.code).toBe(0);
      const [, loaded, unchanged] = /files: (\d+) loaded, (\d+) unchanged/
        .exec(resumed.stdout)!
        .map(Number);
      expect(unchanged).toBe(partial);
      expect(loaded! + unchanged!).toBe(total);
      expect(await countGraph(graph.db)).toEqual(cleanCounts);
    },
  );

  it(
    'loads the good lines of a JSONL file of CQC API records and names the broken line',
    { timeout: 120_000 },
    async () => {
      await resetTestGraph(graph);
      // Three real API location records, one a line, as the Oldham location_details.jsonl holds them.
      const source = [
        'cqc_1-10415126755_api-location.json',
        'cqc_1-119142905_api-location.json',
        'cqc_1-16964879095_api-location.json',
      ].map((name) =>
        JSON.stringify(
          JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/corpus/cqc', name), 'utf8')),
        ),
      );
      const file = path.join(scratch, 'oldham-locations.jsonl');
      writeFileSync(file, [source[0], source[1]!.slice(0, 120), source[2], ''].join('\n'));
      const run = runIngest([file]);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(
        /loaded\s+\S*oldham-locations\.jsonl#L1: cqc-api-location, cqc:1-/,
      );
      expect(run.stdout).toMatch(/FAILED\s+\S*oldham-locations\.jsonl#L2: not valid JSON/);
      expect(run.stdout).toMatch(/loaded\s+\S*oldham-locations\.jsonl#L3: cqc-api-location/);
      expect(run.stdout).toMatch(/files: 2 loaded, 0 unchanged, 1 failed/);
      expect((await countGraph(graph.db))[':Report']).toBe(2);
    },
  );

  it('prints a progress line on stderr off a terminal', () => {
    const folder = buildFixtureFolder(path.join(scratch, 'fixtures'));
    const run = runIngest(['--dry-run', '--workers', '0', folder], {
      INGEST_PROGRESS_INTERVAL_MS: '20',
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /^ingest: \d+\/\d+\+? files, \d+\.\d reports\/s, 0 loaded, 0 failed, ETA \S+/m,
    );
    expect(run.stdout).toMatch(/time: .*reports\/s, peak RSS \d+ MiB/);
  });

  it('refuses bad usage with a clear message and exit code 2', () => {
    const run = runIngest([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/give at least one file or folder/);
    expect(run.stderr).toMatch(/Usage: npm run ingest/);
  });
});
