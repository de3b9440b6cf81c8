/**
 * The first time Neo4j sees a query it plans it, and a JVM just started plans slowly (its
 * planner not yet compiled): at tier L the first question after a start took about 3 s longer
 * than the same question later. Once the server is ready and the summaries are fresh, the app
 * asks, once each and one at a time, the operations a user is likely to open with: the
 * explorer's examples (operations/examples) and the dashboard panels' operations without
 * filters. They go through Apollo in-process with a context built as for /graphql (so the same
 * resolvers, hence the same Cypher texts, are planned), from no client: no rate limit is spent.
 * Nothing is kept but Neo4j's plan cache and the JIT; a failure is only counted.
 */
import type { IncomingMessage } from 'node:http';
import { readExampleTabs } from './explorer/read-examples.ts';
import type { RunOperation } from './export/run-operation.ts';
import { NO_FILTERS } from './insights/insights-filters.ts';
import * as panels from './insights/panels/index.ts';

export interface WarmOperation {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

export interface WarmResult {
  operations: number;
  failed: number;
  seconds: number;
}

/** The examples (each with its variables file) and the panels' operations, unfiltered. */
export async function listWarmOperations(): Promise<WarmOperation[]> {
  const examples = (await readExampleTabs()).map((tab) => ({
    name: `example ${tab.name}`,
    query: tab.query,
    variables: tab.variables === null ? {} : (JSON.parse(tab.variables) as Record<string, unknown>),
  }));
  const dashboard = Object.values(panels).map((panel) => ({
    name: `panel ${panel.id}`,
    query: panel.operation,
    variables: panel.variables(NO_FILTERS),
  }));
  return [...examples, ...dashboard];
}

/** A request from no client: no headers, so no ingest token either. */
const NO_CLIENT = { headers: {} } as IncomingMessage;

/**
 * Asks each operation once, in turn (in parallel they would only contend for two cores), each
 * only when `whenIdle` says no user request is being answered: a user's question never waits
 * behind more than the one warm-up operation already under way.
 */
export async function warmQuestions(
  run: RunOperation,
  operations: readonly WarmOperation[],
  whenIdle: () => Promise<void> = () => Promise.resolve(),
): Promise<WarmResult> {
  const started = performance.now();
  let failed = 0;
  for (const operation of operations) {
    await whenIdle();
    try {
      const result = await run(NO_CLIENT, operation.query, operation.variables);
      if (result.errors.length > 0) failed += 1;
    } catch {
      failed += 1;
    }
  }
  return {
    operations: operations.length,
    failed,
    seconds: (performance.now() - started) / 1000,
  };
}
