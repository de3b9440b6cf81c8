/**
 * Rebuilds the summaries of the cross-report questions. Each kind is rebuilt in one write
 * transaction that first locks its stamp (so two refreshes never interleave their nodes), reads
 * the graph version, rebuilds, and stamps the version it read: a write committed meanwhile has
 * bumped the version past the stamp, so the summary reads as stale rather than wrong.
 */
import { defineQuery, defineStatement, read } from '../../db/query.ts';
import type { Database } from '../../db/executor.ts';
import {
  breachCountsDatedSummary,
  breachCountsSummary,
  breachCountsYearCellSummary,
} from '../questions/breach-counts/index.ts';
import { enforcementActionsSummary } from '../questions/enforcement-actions/index.ts';
import { ratingChangesSummary } from '../questions/rating-changes/index.ts';
import {
  repeatedBreachesSummary,
  repeatedBreachRunsSummary,
} from '../questions/repeated-breaches/index.ts';
import { themeCooccurrenceSummary } from '../questions/theme-cooccurrence/index.ts';
import { themeTrendsSummary } from '../questions/theme-trends/index.ts';
import { GRAPH_STATE_ID } from './graph-version.ts';
import type { SummaryDefinition } from './summary-definition.ts';

/** Every question's summary, in the order a refresh rebuilds them. */
export const SUMMARIES: readonly SummaryDefinition[] = [
  themeCooccurrenceSummary,
  themeTrendsSummary,
  breachCountsSummary,
  breachCountsDatedSummary,
  breachCountsYearCellSummary,
  repeatedBreachesSummary,
  // Built from the pairs just rebuilt above, in a transaction of its own.
  repeatedBreachRunsSummary,
  ratingChangesSummary,
  enforcementActionsSummary,
];

/** A full rebuild reads the whole graph, so on a large graph one statement runs for a long time. */
export const REFRESH_TIMEOUT_MS = 600_000;

export type RefreshStatus = 'rebuilt' | 'already-fresh' | 'not-exact' | 'failed';

export interface KindRefresh {
  kind: string;
  status: RefreshStatus;
  seconds: number;
  /** Why an optional kind's rebuild failed. */
  error?: string;
}

/** Each stamp: whether it equals the graph version, and whether its links counter equals the graph's. */
export const readStamps = defineQuery<
  object,
  { kind: string; fresh: boolean; linksFresh: boolean }
>({
  name: 'summaries.read-stamps',
  cypher: `
    OPTIONAL MATCH (st:GraphState {id: '${GRAPH_STATE_ID}'})
    MATCH (stamp:SummaryStamp)
    RETURN stamp.kind AS kind, coalesce(stamp.version = st.version, false) AS fresh,
           coalesce(stamp.linksVersion = coalesce(st.linksVersion, 0), false) AS linksFresh`,
  parse: (row) => ({
    kind: read.string(row, 'kind'),
    fresh: read.boolean(row, 'fresh'),
    linksFresh: read.boolean(row, 'linksFresh'),
  }),
});

/**
 * Takes the stamp's lock for the transaction and clears it; returns the version and links counter
 * to stamp (version null: no graph state yet). Both are read before the rebuild reads the graph,
 * so a write committed meanwhile leaves the stamp behind, never ahead.
 */
export const lockStamp = defineQuery<{ kind: string }, { version: number | null; links: number }>({
  name: 'summaries.lock-stamp',
  cypher: `
    MERGE (stamp:SummaryStamp {kind: $kind})
    SET stamp.version = null, stamp.linksVersion = null
    WITH stamp
    OPTIONAL MATCH (st:GraphState {id: '${GRAPH_STATE_ID}'})
    RETURN st.version AS version, coalesce(st.linksVersion, 0) AS links`,
  parse: (row) => ({
    version: read.optionalNumber(row, 'version'),
    links: read.number(row, 'links'),
  }),
});

export const stampSummary = defineStatement<{ kind: string; version: number; links: number }>(
  'summaries.stamp',
  `MATCH (stamp:SummaryStamp {kind: $kind})
   SET stamp.version = $version, stamp.linksVersion = $links, stamp.builtAt = datetime()`,
);

export interface RefreshOptions {
  /** Skip kinds whose stamp already equals the graph version (e.g. a restart on an unchanged graph). */
  onlyStale?: boolean;
  onKind?: (done: KindRefresh) => void;
  /** The summaries to refresh: SUMMARIES unless a test passes its own. */
  summaries?: readonly SummaryDefinition[];
}

export async function refreshSummaries(
  db: Database,
  options: RefreshOptions = {},
): Promise<KindRefresh[]> {
  const long = db.withTimeout(REFRESH_TIMEOUT_MS);
  const summaries = options.summaries ?? SUMMARIES;
  const groupKinds = new Set(summaries.filter((s) => s.readsProviderGroups).map((s) => s.kind));
  const fresh = new Set(
    options.onlyStale
      ? (await long.read(readStamps, {}))
          .filter((s) => s.fresh && (s.linksFresh || !groupKinds.has(s.kind)))
          .map((s) => s.kind)
      : [],
  );
  const done: KindRefresh[] = [];
  for (const { kind, rebuild, optional } of summaries) {
    const started = Date.now();
    let status: RefreshStatus = 'already-fresh';
    let failure: string | undefined;
    if (!fresh.has(kind)) {
      const rebuildKind = () =>
        long.writeTransaction(async (tx): Promise<RefreshStatus> => {
          const [state] = await tx.run(lockStamp, { kind });
          const exact = await rebuild(tx);
          if (!exact) return 'not-exact';
          if (state?.version !== null && state?.version !== undefined)
            await tx.run(stampSummary, { kind, version: state.version, links: state.links });
          return 'rebuilt';
        });
      // The transaction rolled back: the stamp keeps its old version, so the kind reads as stale.
      status = optional
        ? await rebuildKind().catch((error: unknown): RefreshStatus => {
            failure = error instanceof Error ? error.message : String(error);
            return 'failed';
          })
        : await rebuildKind();
    }
    const result: KindRefresh = { kind, status, seconds: (Date.now() - started) / 1000 };
    if (failure !== undefined) result.error = failure;
    done.push(result);
    options.onKind?.(result);
  }
  return done;
}
