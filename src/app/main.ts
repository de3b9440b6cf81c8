/**
 * `npm start`: local Neo4j if needed → schema migrations → seed data into an empty graph →
 * the API and explorer. Ctrl-C (or SIGTERM) stops the server and gives back its hold on the
 * local Neo4j, which stops unless another command still uses it.
 */
import '../server/production-mode.ts';
import path from 'node:path';
import { ConfigError, readConfig } from '../config.ts';
import { ignoreBrokenPipes } from './broken-pipes.ts';
import type { GraphConnection } from '../db/connect.ts';
import {
  FIRST_QUERIES_FILE,
  FirstQueryRecorder,
  readFirstQueries,
  ReplaysInFlight,
  replayFirstQueries,
} from '../db/first-queries.ts';
import { LocalNeo4jError } from '../db/local-neo4j-build.ts';
import { startLocalNeo4j } from '../db/local-neo4j.ts';
import { reportStartProgress, showStartProgress } from '../db/start-progress.ts';
import type { RunningServer } from '../server/app.ts';

/**
 * The rest of the command (migrations, Apollo, express, the resolvers) takes seconds to load;
 * it is imported only once the local Neo4j is on its way, so the two start side by side.
 */
function loadServerModules() {
  return Promise.all([
    import('./prepare-graph.ts'),
    import('../graph/summaries/refresh-scheduler.ts'),
    import('../graph/summaries/refresh-summaries.ts'),
    import('../server/app.ts'),
  ]);
}

const EXPECTED_ERRORS = [ConfigError, LocalNeo4jError];
/** Named, not imported: the driver's modules load only once the local Neo4j is on its way. */
const EXPECTED_ERROR_NAMES = ['PortInUseError', 'DatabaseError'];

function log(line: string): void {
  console.log(line);
}

async function main(): Promise<void> {
  let graph: GraphConnection | null = null;
  let server: RunningServer | null = null;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    try {
      await server?.stop();
    } finally {
      await graph?.close();
      process.exit(code);
    }
  };
  ignoreBrokenPipes();
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  process.on('uncaughtException', (error) => {
    console.error('Unexpected error, shutting down:', error);
    void shutdown(1);
  });
  process.on('unhandledRejection', (error) => {
    console.error('Unexpected error, shutting down:', error);
    void shutdown(1);
  });

  try {
    showStartProgress((line) => console.error(line));
    const config = readConfig();
    // The JVM first: the driver and the modules below take a while to load, and Neo4j's start is
    // what a start waits for longest.
    const localStarting =
      config.neo4j.kind === 'local' ? startLocalNeo4j(config.neo4j, log) : undefined;
    // Not unhandled should it fail before openGraph awaits it.
    localStarting?.catch(() => {});
    const opening = import('../db/connect.ts').then(({ openGraph }) =>
      openGraph(config, log, { localStarting }),
    );
    const modules = loadServerModules();
    // Not unhandled should Neo4j fail first; awaited below.
    modules.catch(() => {});
    // The graph first, so shutdown() gives it back should the modules fail.
    graph = await opening;
    reportStartProgress('connected to Neo4j');
    // The queries the last run answered first, run again (db/first-queries.ts) in the order they
    // were asked, one at a time from now on, beside the migration checks, so a question asked at
    // ready finds its plan made or being made; once the server listens, each waits until no
    // request is being answered.
    const firstQueries =
      config.neo4j.kind === 'local' ? path.join(config.neo4j.dataDir, FIRST_QUERIES_FILE) : null;
    const replays = new ReplaysInFlight();
    const db = graph.db;
    let listeningServer: RunningServer | null = null;
    const replaying = firstQueries
      ? replayFirstQueries(
          (query, params) => replays.run(query.cypher, () => db.read(query, params)),
          readFirstQueries(firstQueries),
          () => (listeningServer ? listeningServer.whenIdle() : Promise.resolve()),
        )
      : Promise.resolve(null);
    const [
      { runMigrations },
      { describeRefresh, describeRefreshFailure },
      { refreshSummaries },
      { startServer },
    ] = await modules;
    reportStartProgress('modules loaded');
    await runMigrations(graph.db, {
      seedDir: config.loadSeed ? config.seedDir : null,
      seedSynthetic: config.seedSynthetic,
      log,
    });
    reportStartProgress('migrations checked');
    // The server's queries wait for a replay of the same text under way rather than plan it too.
    server = await startServer(config, graph.db.withReplays(replays), {
      log,
      recordQueries: firstQueries ? new FirstQueryRecorder(firstQueries).record : undefined,
    });
    listeningServer = server;
    log(
      `Inspection Graph is ready: explorer at ${server.url}, GraphQL at ${server.url}graphql, readiness at ${server.url}health/ready`,
    );
    log('Press Ctrl-C to stop.');
    // In the background: until the summaries are fresh the questions use the exact queries.
    // Then the likely first questions are asked once (from the summaries, so cheap), so a user's
    // first one is not the one that makes Neo4j plan its queries.
    const running = server;
    void replaying.then((replayed) => {
      if (replayed && replayed.ran > 0)
        log(
          `first queries of the last run asked again: ${replayed.ran} in ${replayed.seconds.toFixed(1)} s${replayed.failed > 0 ? ` (${replayed.failed} failed)` : ''}`,
        );
    });
    void refreshSummaries(graph.db, { onlyStale: true })
      .then(
        (kinds) => log(describeRefresh(kinds)),
        (error: unknown) => log(describeRefreshFailure(error)),
      )
      // After the replay: both only plan queries ahead, and on two cores they would only contend.
      .then(() => replaying)
      .then(() => (stopping ? null : running.warmQuestions()))
      .then(
        (warmed) => {
          if (warmed)
            log(
              `questions warmed: ${warmed.operations} operations asked in ${warmed.seconds.toFixed(1)} s${warmed.failed > 0 ? ` (${warmed.failed} failed)` : ''}`,
            );
        },
        (error: unknown) => log(`questions not warmed: ${(error as Error).message}`),
      );
  } catch (error) {
    // PortInUseError and DatabaseError are named, not imported: their modules load later.
    if (
      EXPECTED_ERRORS.some((type) => error instanceof type) ||
      EXPECTED_ERROR_NAMES.includes((error as Error | null)?.name ?? '')
    ) {
      console.error(`Cannot start: ${(error as Error).message}`);
    } else {
      console.error('Cannot start:', error);
    }
    await shutdown(1);
  }
}

void main();
