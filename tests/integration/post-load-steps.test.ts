/**
 * Post-load steps cannot be lost: a run that dies after its last batch but before provider linking
 * and the summary refresh leaves them pending in the graph, and the next run completes them even
 * though every file is unchanged, ending with the graph of an uninterrupted load.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../../src/app/prepare-graph.ts';
import { defineQuery, read } from '../../src/db/query.ts';
import { bumpGraphVersion } from '../../src/graph/summaries/graph-version.ts';
import { readStamps, SUMMARIES } from '../../src/graph/summaries/refresh-summaries.ts';
import {
  readPendingSteps,
  readStepVersions,
  versionedStep,
} from '../../src/graph/write/post-load-steps.ts';
import { DEFAULT_BATCH_SIZE } from '../../src/graph/write/load-reports.ts';
import { ingestInputs } from '../../src/load/bulk/ingest-inputs.ts';
import { countGraph } from '../support/graph-counts.ts';
import { ROOT, runIngest } from '../support/ingest-cli.ts';
import { OFSTED_SEED, SEED_DIR } from '../support/seed-documents.ts';
import { connectTestGraph, resetTestGraph, type TestGraph } from '../support/test-graph.ts';

const sameAsLinks = defineQuery<object, { link: string }>({
  name: 'test.post-load.same-as',
  cypher:
    "MATCH (a:Provider)-[s:SAME_AS]->(b:Provider) RETURN a.id + ' -[' + s.rule + ']-> ' + b.id AS link ORDER BY link",
  parse: (row) => ({ link: read.string(row, 'link') }),
});

async function links(graph: TestGraph): Promise<string[]> {
  return (await graph.db.read(sameAsLinks, {})).map((row) => row.link);
}

async function freshSummaryKinds(graph: TestGraph): Promise<string[]> {
  return (await graph.db.read(readStamps, {}))
    .filter((stamp) => stamp.fresh)
    .map((stamp) => stamp.kind)
    .sort();
}

describe('post-load steps', () => {
  let graph: TestGraph;
  let folder: string;
  beforeAll(() => {
    graph = connectTestGraph();
    // An Ofsted ownership table and a CQC market table naming two of the same providers (the
    // datasets suite checks those two links by hand), and a report for the summaries to count.
    folder = mkdtempSync(path.join(os.tmpdir(), 'post-load-'));
    for (const name of [
      'ofsted_childrens_homes_private_ownership_buzzfeed_2018_slice.csv',
      'cqc_adult_social_care_locations_market_characteristics_slice.csv',
    ])
      copyFileSync(
        path.join(ROOT, 'tests/fixtures/corpus/datasets', name),
        path.join(folder, name),
      );
    copyFileSync(path.join(SEED_DIR, OFSTED_SEED), path.join(folder, OFSTED_SEED));
  });
  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    await graph.close();
  });

  it(
    'a rerun of unchanged files makes the links and refreshes the summaries a crashed run left pending',
    { timeout: 300_000 },
    async () => {
      const allKinds = SUMMARIES.map((summary) => summary.kind).sort();

      await resetTestGraph(graph);
      const clean = runIngest(['--no-progress', folder]);
      expect(clean.code, clean.stdout + clean.stderr).toBe(0);
      expect(clean.stdout).toMatch(/linked providers across sources: 2 links/);
      const cleanLinks = await links(graph);
      expect(cleanLinks).toEqual([
        'cqc-provider:1-101683680 -[normalised-name]-> ofsted-provider:potensial-limited',
        'cqc-provider:1-119235696 -[normalised-name]-> ofsted-provider:consensus-support-services-limited',
      ]);
      const cleanCounts = await countGraph(graph.db);
      expect(await graph.db.read(readPendingSteps, {})).toEqual([
        { name: 'group-providers', pending: false },
        { name: 'link-providers', pending: false },
      ]);

      // The crash: everything the command does before its post-load steps (migrations, then the
      // whole pipeline to its last batch), and nothing after.
      await resetTestGraph(graph);
      await runMigrations(graph.db, { seedDir: null, log: () => {} });
      const statuses: string[] = [];
      for await (const result of ingestInputs([folder], {
        db: graph.db,
        force: false,
        meta: null,
        workers: 0,
        batchSize: DEFAULT_BATCH_SIZE,
        keepDocuments: false,
      }))
        statuses.push(result.status);
      expect(statuses).toEqual(['loaded', 'loaded', 'loaded']);
      expect(await links(graph)).toEqual([]);
      expect(await freshSummaryKinds(graph)).toEqual([]);
      const [owed] = await graph.db.read(readStepVersions, { name: 'link-providers' });
      expect(owed!.version).toBeGreaterThan(0);
      expect(owed!.doneAt).toBeNull();

      const rerun = runIngest(['--no-progress', folder]);
      expect(rerun.code, rerun.stdout + rerun.stderr).toBe(0);
      expect(rerun.stdout).toMatch(/files: 0 loaded, 3 unchanged/);
      expect(rerun.stdout).toMatch(/linked providers across sources: 2 links/);
      expect(await links(graph)).toEqual(cleanLinks);
      expect(await freshSummaryKinds(graph)).toEqual(allKinds);
      expect(await countGraph(graph.db)).toEqual(cleanCounts);

      // Nothing is owed any more: the next run has no linking to do.
      const third = runIngest(['--no-progress', folder]);
      expect(third.code).toBe(0);
      expect(third.stdout).not.toMatch(/linked providers/);
      expect(await countGraph(graph.db)).toEqual(cleanCounts);
    },
  );

  it('stays pending when a load commits while the step runs, and is done by the next run', async () => {
    await resetTestGraph(graph);
    await runMigrations(graph.db, { seedDir: null, log: () => {} });
    let runs = 0;
    const step = versionedStep('test-step', async (db) => {
      runs += 1;
      // A batch of another writer, committed while this step works.
      if (runs === 1) await db.write(bumpGraphVersion, {});
    });
    await step.complete(graph.db, () => {});
    const [afterFirst] = await graph.db.read(readStepVersions, { name: 'test-step' });
    expect(afterFirst!.doneAt).toBe(afterFirst!.version! - 1);
    expect(await graph.db.read(readPendingSteps, {})).toEqual([
      { name: 'test-step', pending: true },
    ]);

    await step.complete(graph.db, () => {});
    expect(runs).toBe(2);
    await step.complete(graph.db, () => {});
    expect(runs).toBe(2);
    expect(await graph.db.read(readPendingSteps, {})).toEqual([
      { name: 'test-step', pending: false },
    ]);
  });
});
