/**
 * The graph version: a counter on one node that every write changing what the cross-report
 * questions read (reports, data files, reference links) bumps inside its own transaction. A
 * summary is stamped with the version it was built from, so comparing the two says whether it
 * still describes the graph.
 */
import type { Database } from '../../db/executor.ts';
import { defineQuery, defineStatement, read, type NamedQuery } from '../../db/query.ts';
import type { AnswerPage } from '../page.ts';

export const GRAPH_STATE_ID = 'graph';

/** Run as the last statement of a write transaction, so its lock on the one node is held only until commit. */
export const bumpGraphVersion = defineStatement<object>(
  'graph-state.bump-version',
  `MERGE (st:GraphState {id: '${GRAPH_STATE_ID}'})
   SET st.version = coalesce(st.version, 0) + 1`,
);

/**
 * Reference data is merged at every start; the version moves only when the catalogue changed
 * (its hash differs), so an unchanged restart keeps the summaries fresh.
 */
export const bumpReferenceVersion = defineStatement<{ hash: string }>(
  'graph-state.bump-reference-version',
  `MERGE (st:GraphState {id: '${GRAPH_STATE_ID}'})
   SET st.version = coalesce(st.version, 0) + CASE WHEN st.referenceHash = $hash THEN 0 ELSE 1 END,
       st.referenceHash = $hash`,
);

/**
 * The opening of every summary question: true when the stamp of `kind` equals the graph version.
 * Two lookups on unique keys; a missing node means stale. A summary that keeps provider groups
 * passes `groupsRead`, the Cypher condition under which a read uses them: grouping moves only the
 * links counter (group-providers.ts), so such a read is fresh only while the stamp's links
 * counter equals the graph's too.
 */
export function freshnessClause(kind: string, groupsRead: string | null = null): string {
  const links =
    groupsRead === null
      ? ''
      : ` AND (NOT (${groupsRead}) OR coalesce(stamp.linksVersion = coalesce(st.linksVersion, 0), false))`;
  return `
    OPTIONAL MATCH (st:GraphState {id: '${GRAPH_STATE_ID}'})
    OPTIONAL MATCH (stamp:SummaryStamp {kind: '${kind}'})
    WITH coalesce(stamp.version = st.version, false)${links} AS fresh`;
}

/** What a summary question returns: whether the summary was fresh, and its rows when it was. */
export interface SummaryAnswer<Row> {
  fresh: boolean;
  rows: Row[];
}

/** The rows of a summary question, or null when its summary is stale (the caller runs the exact query). */
export async function readFreshSummary<Params extends object, Row>(
  db: Database,
  query: NamedQuery<Params, SummaryAnswer<Row>>,
  params: Params,
): Promise<Row[] | null> {
  const [answer] = await db.read(query, params);
  return answer?.fresh ? answer.rows : null;
}

/** What a paged summary question returns: a page of rows, and the whole answer's row count. */
export interface SummaryPageAnswer<Row> extends SummaryAnswer<Row> {
  totalCount: number;
}

/** A page of a summary question, or null when its summary is stale (the caller runs the exact query). */
export async function readFreshSummaryPage<Params extends { withTotal: boolean }, Row>(
  db: Database,
  query: NamedQuery<Params, SummaryPageAnswer<Row>>,
  params: Params,
): Promise<AnswerPage<Row> | null> {
  const [answer] = await db.read(query, params);
  if (!answer?.fresh) return null;
  return { rows: answer.rows, totalCount: params.withTotal ? answer.totalCount : null };
}

/**
 * Provider linking changes what the API answers (`Provider.sameAs`) but must not move the graph
 * version: its own post-load record is the version it read before linking, which a bump would
 * leave behind for ever. It moves this second counter instead, in its own transaction.
 */
export const bumpLinksVersion = defineStatement<object>(
  'graph-state.bump-links-version',
  `MERGE (st:GraphState {id: '${GRAPH_STATE_ID}'})
   SET st.linksVersion = coalesce(st.linksVersion, 0) + 1`,
);

/**
 * What the API's answers depend on, as one string: the graph version and the links counter. One
 * lookup on a unique key; a graph with no state yet reads as `0.0`. The response cache keys every
 * answer by it, so any write that moves either counter, by any process, retires the old answers.
 */
export const readAnswerVersion = defineQuery<object, { version: string }>({
  name: 'graph-state.read-answer-version',
  cypher: `
    OPTIONAL MATCH (st:GraphState {id: '${GRAPH_STATE_ID}'})
    RETURN coalesce(st.version, 0) AS version, coalesce(st.linksVersion, 0) AS links`,
  parse: (row) => ({ version: `${read.number(row, 'version')}.${read.number(row, 'links')}` }),
});
