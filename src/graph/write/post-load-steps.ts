/**
 * The steps that follow a load (provider linking, the summary refresh), kept so that none can be
 * lost to a crash. A step is pending while the graph version is past the version it last
 * finished at; every batch that loads reports or data rows bumps the version inside its own
 * transaction (bumpGraphVersion), so the batch and the "work is owed" mark commit together. A step
 * records the version it read before it started only once it has finished; a load committed
 * meanwhile has moved the version past that, so the step stays pending for the next run.
 *
 * The summaries keep this version per kind on their stamps (refresh-summaries.ts); the other
 * steps keep it on a `(:PostLoadStep {name})` node. Steps are idempotent: one redone after a crash
 * between its work and its record changes nothing.
 */
import type { Database } from '../../db/executor.ts';
import { defineQuery, defineStatement, read } from '../../db/query.ts';
import { describeRefresh } from '../summaries/refresh-scheduler.ts';
import { refreshSummaries } from '../summaries/refresh-summaries.ts';
import { GRAPH_STATE_ID } from '../summaries/graph-version.ts';
import { groupProviders } from './group-providers.ts';
import { linkProviders } from './link-providers.ts';

/** The graph version now and the one the step last finished at (null: never, or no graph state yet). */
export const readStepVersions = defineQuery<
  { name: string },
  { version: number | null; doneAt: number | null }
>({
  name: 'post-load-steps.read-versions',
  cypher: `
    OPTIONAL MATCH (st:GraphState {id: '${GRAPH_STATE_ID}'})
    OPTIONAL MATCH (step:PostLoadStep {name: $name})
    RETURN st.version AS version, step.doneAtVersion AS doneAt`,
  parse: (row) => ({
    version: read.optionalNumber(row, 'version'),
    doneAt: read.optionalNumber(row, 'doneAt'),
  }),
});

/** Never moves the record back: a slower run that read an older version leaves a newer record alone. */
export const recordStepDone = defineStatement<{ name: string; version: number }>(
  'post-load-steps.record-done',
  `MERGE (step:PostLoadStep {name: $name})
   SET step.doneAtVersion = CASE WHEN step.doneAtVersion > $version THEN step.doneAtVersion ELSE $version END,
       step.doneAt = datetime()`,
);

/** Every step with a record, and whether the graph changed since (for people: what is owed). */
export const readPendingSteps = defineQuery<object, { name: string; pending: boolean }>({
  name: 'post-load-steps.read-pending',
  cypher: `
    OPTIONAL MATCH (st:GraphState {id: '${GRAPH_STATE_ID}'})
    MATCH (step:PostLoadStep)
    RETURN step.name AS name, coalesce(st.version > step.doneAtVersion, false) AS pending
    ORDER BY name`,
  parse: (row) => ({ name: read.string(row, 'name'), pending: read.boolean(row, 'pending') }),
});

export interface PostLoadStep {
  name: string;
  /** Does the step's work if it is pending, saying what it did on `log`. */
  complete(db: Database, log: (line: string) => void): Promise<void>;
}

/**
 * A step pending since the graph version moved past its record: `work` runs, and only then is the
 * version read before it recorded.
 */
export function versionedStep(
  name: string,
  work: (db: Database, log: (line: string) => void) => Promise<void>,
): PostLoadStep {
  return {
    name,
    async complete(db, log) {
      const [state] = await db.read(readStepVersions, { name });
      const version = state?.version ?? null;
      if (version === null || state?.doneAt === version) return;
      await work(db, log);
      await db.write(recordStepDone, { name, version });
    },
  };
}

export const linkProvidersStep = versionedStep('link-providers', async (db, log) => {
  const links = await linkProviders(db);
  log(`linked providers across sources: ${links} links`);
});

/** After linking, as SAME_AS is one of the links a group follows. */
export const groupProvidersStep = versionedStep('group-providers', async (db, log) => {
  const groups = await groupProviders(db);
  log(`grouped providers: ${groups} groups of more than one provider`);
});

/** Its stamps are its record: `onlyStale` rebuilds the kinds whose stamp is behind the graph version. */
export const refreshSummariesStep: PostLoadStep = {
  name: 'refresh-summaries',
  async complete(db, log) {
    log('refreshing the question summaries…');
    log(describeRefresh(await refreshSummaries(db, { onlyStale: true })));
  },
};

/** In order: the summaries are rebuilt last, from the graph the other steps left. */
export const POST_LOAD_STEPS: readonly PostLoadStep[] = [
  linkProvidersStep,
  groupProvidersStep,
  refreshSummariesStep,
];

/**
 * Completes every pending step, whatever this run loaded (nothing, even): a run that crashed after
 * its last batch left them pending, and the next one finishes them.
 */
export async function completePostLoadSteps(
  db: Database,
  log: (line: string) => void = () => {},
): Promise<void> {
  for (const step of POST_LOAD_STEPS) await step.complete(db, log);
}
