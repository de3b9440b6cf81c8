/**
 * A test graph holding a small generated corpus, loaded through the real ingest pipeline: the
 * shared setup of the tests that compare read paths on a graph of many inspections.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runMigrations } from '../../src/app/prepare-graph.ts';
import { DiskSink } from '../../src/generate/disk-sink.ts';
import { generateCorpus } from '../../src/generate/generate-corpus.ts';
import { DEFAULT_CORPUS_OPTIONS, type CorpusOptions } from '../../src/generate/options.ts';
import { DEFAULT_BATCH_SIZE } from '../../src/graph/write/load-reports.ts';
import { ingestInputs } from '../../src/load/bulk/ingest-inputs.ts';
import { connectTestGraph, resetTestGraph, type TestGraph } from './test-graph.ts';

export interface GeneratedGraph {
  graph: TestGraph;
  /** Closes the graph and removes the generated corpus. */
  close(): Promise<void>;
}

/** Generates `options` into a temporary folder and loads it into a reset, migrated test graph. */
export async function loadGeneratedGraph(
  options: Partial<CorpusOptions>,
  workers: number,
): Promise<GeneratedGraph> {
  const corpus = mkdtempSync(path.join(os.tmpdir(), 'generated-graph-'));
  generateCorpus({ ...DEFAULT_CORPUS_OPTIONS, ...options }, new DiskSink(corpus, false));
  const graph = connectTestGraph();
  await resetTestGraph(graph);
  await runMigrations(graph.db, { seedDir: null, log: () => {} });
  for await (const result of ingestInputs([corpus], {
    db: graph.db,
    force: false,
    meta: null,
    workers,
    batchSize: DEFAULT_BATCH_SIZE,
    keepDocuments: false,
  })) {
    if (result.status === 'failed') throw new Error(`${result.file}: ${result.message}`);
  }
  return {
    graph,
    close: async () => {
      await graph.close();
      rmSync(corpus, { recursive: true, force: true });
    },
  };
}
