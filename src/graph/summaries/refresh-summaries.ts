/**
 * Rebuilds the summaries of the cross-report questions. Each kind is rebuilt in one write
 * transaction that first locks its stamp (so two refreshes never interleave their nodes), reads
 * the graph version, rebuilds, and stamps the version it read: a write committed meanwhile has
 * bumped the version past the stamp, so the summary reads as stale rather than wrong.
 */
import { defineQuery, defineStatement, read } from '../../db/query.ts';
import type { Database, QueryRunner } from '../../db/executor.ts';
import { unreachable } from '../../server/error-codes.ts';
import { rebuildBreachCountSummary, BREACH_COUNTS_KIND } from './breach-count-summary.ts';
import { GRAPH_STATE_ID } from './graph-version.ts';
import { rebuildRepeatedBreachSummary, REPEATED_BREACHES_KIND } from './repeated-breach-summary.ts';
import {
  rebuildThemePairSummary,
  rebuildThemeTrendSummary,
  THEME_COOCCURRENCE_KIND,
  THEME_TRENDS_KIND,
} from './theme-summary.ts';

export const SUMMARY_KINDS = [
  THEME_COOCCURRENCE_KIND,
  THEME_TRENDS_KIND,
  BREACH_COUNTS_KIND,
  REPEATED_BREACHES_KIND,
] as const;

export type SummaryKind = (typeof SUMMARY_KINDS)[number];

/** A full rebuild reads the whole graph, so on a large graph one statement runs for a long time. */
export const REFRESH_TIMEOUT_MS = 600_000;

export type RefreshStatus = 'rebuilt' | 'already-fresh' | 'not-exact';

export interface KindRefresh {
  kind: SummaryKind;
  status: RefreshStatus;
  seconds: number;
}

export const readStamps = defineQuery<object, { kind: string; fresh: boolean }>({
  name: 'summaries.read-stamps',
  cypher: `
    OPTIONAL MATCH (st:GraphState {id: '${GRAPH_STATE_ID}'})
    MATCH (stamp:SummaryStamp)
    RETURN stamp.kind AS kind, coalesce(stamp.version = st.version, false) AS fresh`,
  parse: (row) => ({ kind: read.string(row, 'kind'), fresh: read.boolean(row, 'fresh') }),
});

/** Takes the stamp's lock for the transaction and clears it; returns the version to stamp (null: no graph state yet). */
export const lockStamp = defineQuery<{ kind: string }, { version: number | null }>({
  name: 'summaries.lock-stamp',
  cypher: `
    MERGE (stamp:SummaryStamp {kind: $kind})
    SET stamp.version = null
    WITH stamp
    OPTIONAL MATCH (st:GraphState {id: '${GRAPH_STATE_ID}'})
    RETURN st.version AS version`,
  parse: (row) => ({ version: read.optionalNumber(row, 'version') }),
});

export const stampSummary = defineStatement<{ kind: string; version: number }>(
  'summaries.stamp',
  'MATCH (stamp:SummaryStamp {kind: $kind}) SET stamp.version = $version, stamp.builtAt = datetime()',
);

/** Rebuilds one kind; false when it must stay unstamped because summing it would not be exact. */
async function rebuildKind(tx: QueryRunner, kind: SummaryKind): Promise<boolean> {
  switch (kind) {
    case REPEATED_BREACHES_KIND:
      await rebuildRepeatedBreachSummary(tx);
      return true;
    case BREACH_COUNTS_KIND:
      return rebuildBreachCountSummary(tx);
    case THEME_TRENDS_KIND:
      await rebuildThemeTrendSummary(tx);
      return true;
    case THEME_COOCCURRENCE_KIND:
      await rebuildThemePairSummary(tx);
      return true;
    default:
      return unreachable(kind, 'summary kind');
  }
}

export interface RefreshOptions {
  /** Skip kinds whose stamp already equals the graph version (e.g. a restart on an unchanged graph). */
  onlyStale?: boolean;
  onKind?: (done: KindRefresh) => void;
}

export async function refreshSummaries(
  db: Database,
  options: RefreshOptions = {},
): Promise<KindRefresh[]> {
  const long = db.withTimeout(REFRESH_TIMEOUT_MS);
  const fresh = new Set(
    options.onlyStale
      ? (await long.read(readStamps, {})).filter((s) => s.fresh).map((s) => s.kind)
      : [],
  );
  const done: KindRefresh[] = [];
  for (const kind of SUMMARY_KINDS) {
    const started = Date.now();
    let status: RefreshStatus = 'already-fresh';
    if (!fresh.has(kind)) {
      status = await long.writeTransaction(async (tx) => {
        const [state] = await tx.run(lockStamp, { kind });
        const exact = await rebuildKind(tx, kind);
        if (!exact) return 'not-exact';
        if (state?.version !== null && state?.version !== undefined)
          await tx.run(stampSummary, { kind, version: state.version });
        return 'rebuilt';
      });
    }
    const result = { kind, status, seconds: (Date.now() - started) / 1000 };
    done.push(result);
    options.onKind?.(result);
  }
  return done;
}
