/**
 * A real graph for API tests: the seed reports and the multi-inspection fixtures ingested
 * through the real pipeline and loader, and the server on a free 127.0.0.1 port.
 */
import path from 'node:path';
import { runMigrations } from '../../src/app/prepare-graph.ts';
import { ingestFile } from '../../src/load/ingest-files.ts';
import { startServer, type RunningServer } from '../../src/server/app.ts';
import { SEED_DIR, CQC_SEED, OFSTED_SEED } from './seed-documents.ts';
import { connectTestGraph, resetTestGraph, type TestGraph } from './test-graph.ts';

export const FIXTURE_DIR = path.resolve(import.meta.dirname, '../fixtures/reports');
export const FIXTURE_REPORTS = [
  'sc999001-2022-03-08.txt',
  'sc999001-2023-02-14.txt',
  'sc999002-2023-05-10.txt',
];
export const INGEST_TOKEN = 'test-token-0123456789';

export interface ApiFixture {
  graph: TestGraph;
  server: RunningServer;
  /** Query names of every request, newest last. */
  requestQueries: string[][];
  close(): Promise<void>;
}

export async function startApiFixture(
  options: { ingestToken?: string | null } = {},
): Promise<ApiFixture> {
  const graph = connectTestGraph();
  await resetTestGraph(graph);
  await runMigrations(graph.db, { seedDir: null, log: () => {} });
  const files = [
    path.join(SEED_DIR, OFSTED_SEED),
    path.join(SEED_DIR, CQC_SEED),
    ...FIXTURE_REPORTS.map((name) => path.join(FIXTURE_DIR, name)),
  ];
  for (const file of files) {
    const result = await ingestFile(file, { db: graph.db, force: false, meta: null });
    if (result.status !== 'loaded') throw new Error(`${file}: ${result.message}`);
  }
  const requestQueries: string[][] = [];
  const server = await startServer(
    {
      host: '127.0.0.1',
      port: 0,
      ingestToken: options.ingestToken === undefined ? INGEST_TOKEN : options.ingestToken,
    },
    graph.db,
    { onRequestQueries: (names) => requestQueries.push([...names]) },
  );
  return {
    graph,
    server,
    requestQueries,
    close: async () => {
      await server.stop();
      await graph.close();
    },
  };
}
