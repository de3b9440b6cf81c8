/** `npm run ingest` as a user runs it, against the test database through NEO4J_URI. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { ReportDocument } from '../../src/ingest/document.ts';
import { countGraph } from '../support/graph-counts.ts';
import { CQC_SEED, OFSTED_SEED, SEED_DIR } from '../support/seed-documents.ts';
import { connectTestGraph, resetTestGraph, type TestGraph } from '../support/test-graph.ts';

const root = path.resolve(import.meta.dirname, '../..');

function runIngest(args: string[]) {
  const connection = inject('neo4j');
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/ingest.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NEO4J_URI: connection.uri, NEO4J_USER: connection.user, NEO4J_PASSWORD: connection.password, NEO4J_DATABASE: connection.database },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run ingest', () => {
  let graph: TestGraph;
  let scratch: string;
  beforeAll(async () => {
    graph = connectTestGraph();
    await resetTestGraph(graph);
    scratch = mkdtempSync(path.join(os.tmpdir(), 'ingest-cli-'));
  });
  afterAll(async () => graph.close());

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
    expect(doc!.requirements.map((r) => r.regulation?.number)).toEqual(['5', '6', '10', '12', '13', '23', '35']);
    expect(new Set(doc!.requirements.map((r) => r.dueDate))).toEqual(new Set(['2019-09-12']));
    expect(doc!.requirements.filter((r) => r.complianceNotice).map((r) => r.regulation?.number)).toEqual(['6']);
    const themes = new Set(doc!.findings.flatMap((f) => f.themes.map((t) => t.id)));
    for (const theme of ['medication', 'safeguarding', 'governance']) expect(themes).toContain(theme);
    expect(doc!.findings.some((f) => f.repeat?.refersTo === 'ofsted:1247390:2018-09-26:full')).toBe(true);
    expect(await countGraph(graph.db)).toEqual(before);
  });

  it('loads both seeds, prints a line per file and a summary, and a second run changes nothing', async () => {
    const files = [path.join(SEED_DIR, OFSTED_SEED), path.join(SEED_DIR, CQC_SEED)];
    const first = runIngest(files);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/loaded\s+.*000_573f2340e3d978e1\.txt/);
    expect(first.stdout).toMatch(/loaded\s+.*002_7b99ce8a6ac40e7e\.txt/);
    expect(first.stdout).toMatch(/ofsted-childrens-home\s+1\s+5\s+7\s+\d+/);
    expect(first.stdout).toMatch(/files: 2 loaded, 0 unchanged, 0 parsed \(dry run\), 0 failed/);
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
    const good = path.join(scratch, 'fixture.txt');
    copyFileSync(path.join(root, 'tests/fixtures/reports/sc999002-2023-05-10.txt'), good);
    const run = runIngest([garbage, path.join(scratch, 'missing.txt'), binary, good]);
    expect(run.code).toBe(1);
    const failures = run.stdout.split('\n').filter((line) => line.startsWith('FAILED'));
    expect(failures).toHaveLength(3);
    for (const line of failures) expect(line.length).toBeLessThan(300);
    expect(run.stdout).toMatch(/loaded\s+.*fixture\.txt/);
    expect(run.stdout).toMatch(/files: 1 loaded, 0 unchanged, 0 parsed \(dry run\), 3 failed/);
  });

  it('takes metadata from <file>.meta.json beside the CQC summary', async () => {
    const file = path.join(scratch, 'cqc-summary.txt');
    copyFileSync(path.join(SEED_DIR, CQC_SEED), file);
    writeFileSync(`${file}.meta.json`, JSON.stringify({ location: { cqcId: '1-000000001', name: 'Example Health Visiting Service' }, provider: { name: 'Example Community Trust' } }));
    const run = runIngest(['--dry-run', '--json', file]);
    expect(run.code).toBe(0);
    const [doc] = JSON.parse(run.stdout) as ReportDocument[];
    expect(doc!.location).toMatchObject({ id: 'cqc:1-000000001', name: 'Example Health Visiting Service' });
    expect(doc!.inspection.id).toBe('cqc:1-000000001:2023-09-11:routine');
    expect(doc!.warnings.map((w) => w.code)).not.toContain('missing-location-id');
  });

  it('refuses bad usage with a clear message and exit code 2', () => {
    const run = runIngest([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/give at least one file or folder/);
    expect(run.stderr).toMatch(/Usage: npm run ingest/);
  });
});
