/**
 * The answer audit (`npm run eval -- --answers DIR`): loads a generated corpus into a graph
 * through the real pipeline (migrations, bulk ingest, provider links, summaries), starts the API
 * on a free 127.0.0.1 port, asks every audited question over HTTP and compares each answer with
 * the one computed from `ground-truth.jsonl` alone.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../../db/executor.ts';
import {
  computeExpectedAnswer,
  describeRequest,
  planAudit,
} from '../../eval/answers/audit-plan.ts';
import { judgeAnswer, type AuditResult } from '../../eval/answers/audit-report.ts';
import { parseGroundTruthLines } from '../../eval/answers/ground-truth-lines.ts';
import { completePostLoadSteps } from '../../graph/write/post-load-steps.ts';
import { DEFAULT_BATCH_SIZE } from '../../graph/write/load-reports.ts';
import { defaultWorkerCount, ingestInputs } from '../../load/bulk/ingest-inputs.ts';
import { startServer } from '../../server/app.ts';
import { runMigrations } from '../prepare-graph.ts';
import { askAuditRequest } from './ask-questions.ts';

export interface AuditOptions {
  db: Database;
  /** The `--out` folder of `npm run generate`: `reports/` and `ground-truth.jsonl`. */
  corpusDir: string;
  /** Progress of the long steps. */
  log: (line: string) => void;
}

const GROUND_TRUTH = 'ground-truth.jsonl';

async function loadCorpus(db: Database, corpusDir: string, log: (line: string) => void) {
  await runMigrations(db, { seedDir: null, log: () => {} });
  log(`Ingesting ${path.join(corpusDir, 'reports')}…`);
  let loaded = 0;
  const failures: string[] = [];
  const results = ingestInputs([path.join(corpusDir, 'reports')], {
    db,
    force: false,
    meta: null,
    workers: defaultWorkerCount(),
    batchSize: DEFAULT_BATCH_SIZE,
    keepDocuments: false,
  });
  for await (const result of results) {
    if (result.status === 'loaded') loaded += 1;
    else if (result.status === 'failed') failures.push(`${result.file}: ${result.message}`);
    if (loaded > 0 && loaded % 500 === 0 && result.status === 'loaded')
      log(`  ${loaded} reports loaded`);
  }
  if (failures.length > 0)
    throw new Error(`${failures.length} reports failed to load, first: ${failures[0]}`);
  log(`Loaded ${loaded} reports; linking providers and refreshing the summaries…`);
  await completePostLoadSteps(db, log);
}

export async function auditAnswers(options: AuditOptions): Promise<AuditResult[]> {
  const { db, corpusDir, log } = options;
  const truthFile = path.join(corpusDir, GROUND_TRUTH);
  const records = parseGroundTruthLines(await readFile(truthFile, 'utf8'), truthFile);
  await loadCorpus(db, corpusDir, log);
  const server = await startServer({ host: '127.0.0.1', port: 0, ingestToken: null }, db);
  try {
    const requests = planAudit(records);
    const results: AuditResult[] = [];
    for (const [index, request] of requests.entries()) {
      const name = describeRequest(request);
      log(`Asking ${index + 1}/${requests.length}: ${name}`);
      const { pagingProblem, ...answer } = await askAuditRequest(
        new URL('/graphql', server.url).href,
        request,
      );
      results.push(
        judgeAnswer(name, computeExpectedAnswer(request, records), answer, pagingProblem),
      );
    }
    return results;
  } finally {
    await server.stop();
  }
}
