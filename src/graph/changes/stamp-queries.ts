/**
 * The change feed's write side: two statements every report batch sends inside its own write
 * transaction. `snapshotChanges` runs first and keeps, on one node that lives only inside the
 * transaction, a fingerprint of every entity the batch may create, change, replace or remove;
 * `stampChanges` runs last, after the graph version is bumped (so it already holds the lock on
 * the GraphState node), compares the fingerprints with what the batch left, and writes one
 * `(:Change)` per difference, numbered from the `changeSeq` counter on that node. Numbers are
 * taken under the lock and committed with the write, so they are gap-free and commit in order;
 * see docs/ARCHITECTURE.md, "The change feed".
 */
import { defineStatement } from '../../db/query.ts';
import { GRAPH_STATE_ID } from '../summaries/graph-version.ts';
import type { StampParams } from './change-scope.ts';

const PLAN_ONCE = 'CYPHER replan=skip';
/** Separates a fingerprint's properties, and a list property's items (never in report text). */
const FIELD = '\\u001f';
const ITEM = '\\u001e';

/**
 * Every entity the batch may touch, as rows `x` (the node), `sha` (the report that causes the
 * change) and `prio` (a report's own inspection and its children name their own report first;
 * other inspections of a touched location, moved by rating directions, the location's last).
 * Children are those a report of the family writes; the same report read earlier under another
 * inspection id (removeEarlierReads) counts too.
 */
const TOUCHED = `
  CALL () {
    UNWIND $inspections AS sc
    MATCH (i:Inspection {id: sc.id})
    CALL (i, sc) {
      RETURN i AS x
      UNION
      MATCH (i)-[:FOUND|REQUIRED|LED_TO]->(x {family: sc.family}) RETURN x
    }
    RETURN x, sc.sha AS sha, 0 AS prio
    UNION ALL
    UNWIND $inspections AS sc
    MATCH (old:Inspection)-[:REPORTED_IN]->(:Report {sha256: sc.sha}) WHERE old.id <> sc.id
    CALL (old, sc) {
      RETURN old AS x
      UNION
      MATCH (old)-[:FOUND|REQUIRED|LED_TO]->(x {family: sc.family}) RETURN x
    }
    RETURN x, sc.sha AS sha, 1 AS prio
    UNION ALL
    UNWIND $locations AS lc
    MATCH (l:Location {id: lc.id})
    CALL (l) {
      RETURN l AS x
      UNION
      MATCH (l)<-[:OF]-(x:Inspection) RETURN x
    }
    RETURN x, lc.sha AS sha, 2 AS prio
    UNION ALL
    UNWIND $providers AS pc
    MATCH (x:Provider {id: pc.id})
    RETURN x, pc.sha AS sha, 2 AS prio
  }`;

/** The feed's name for a node's kind (only the kinds TOUCHED can return). */
const ENTITY_TYPE = `CASE
    WHEN x:Inspection THEN 'INSPECTION' WHEN x:Finding THEN 'FINDING'
    WHEN x:Requirement THEN 'REQUIREMENT' WHEN x:EnforcementAction THEN 'ENFORCEMENT'
    WHEN x:Location THEN 'LOCATION' WHEN x:Provider THEN 'PROVIDER' END`;

/** Every property as `key=value`, in the order the store keeps them (compared as a set below). */
const FINGERPRINT = `reduce(p = '', k IN keys(x) | p + '${FIELD}' + k + '=' +
    CASE WHEN x[k] IS :: LIST<ANY> THEN reduce(t = '', v IN x[k] | t + '${ITEM}' + toString(v))
         ELSE toString(x[k]) END)`;

/** True when two fingerprints hold the same properties, whatever their order (split only when they differ). */
function sameFingerprint(a: string, b: string): string {
  return `CASE WHEN ${a} = ${b} THEN true
    WHEN size(split(${a}, '${FIELD}')) <> size(split(${b}, '${FIELD}')) THEN false
    ELSE all(e IN split(${a}, '${FIELD}') WHERE e IN split(${b}, '${FIELD}')) END`;
}

/** First in the batch's transaction: what the touched entities were before it. */
export const snapshotChanges = defineStatement<StampParams>(
  'changes.snapshot',
  `${PLAN_ONCE}
   ${TOUCHED}
   WITH x, sha ORDER BY prio
   WITH x, head(collect(sha)) AS sha
   WITH collect(${ENTITY_TYPE}) AS types, collect(x.id) AS ids, collect(${FINGERPRINT}) AS prints,
        collect(sha) AS shas, collect(coalesce(x.reportSha, '')) AS owners
   CREATE (:ChangeSnapshot {token: $token, types: types, ids: ids, prints: prints, shas: shas, owners: owners})`,
);

/** Whether an entity of the snapshot still exists, looked up by its feed type and id. */
const LOOK_UP = `
    CALL (etype, id) {
      WITH etype, id WHERE etype = 'INSPECTION' MATCH (x:Inspection {id: id}) RETURN x
      UNION WITH etype, id WHERE etype = 'FINDING' MATCH (x:Finding {id: id}) RETURN x
      UNION WITH etype, id WHERE etype = 'REQUIREMENT' MATCH (x:Requirement {id: id}) RETURN x
      UNION WITH etype, id WHERE etype = 'ENFORCEMENT' MATCH (x:EnforcementAction {id: id}) RETURN x
      UNION WITH etype, id WHERE etype = 'LOCATION' MATCH (x:Location {id: id}) RETURN x
      UNION WITH etype, id WHERE etype = 'PROVIDER' MATCH (x:Provider {id: id}) RETURN x
    }`;

/**
 * Last in the batch's transaction, after bumpGraphVersion: one Change per entity whose
 * fingerprint differs (CREATED: none before; REMOVED: gone; REPLACED: written by another
 * report than before; else CHANGED), in a fixed order, numbered from the counter. The snapshot
 * node goes, so it is never committed.
 */
export const stampChanges = defineStatement<StampParams>(
  'changes.stamp',
  `${PLAN_ONCE}
   MATCH (s:ChangeSnapshot {token: $token})
   CALL (s) {
     CALL (s) {
       UNWIND range(0, size(s.ids) - 1) AS j
       RETURN s.types[j] AS etype, s.ids[j] AS id, s.shas[j] AS sha, 3 AS prio,
              s.prints[j] AS before, s.owners[j] AS beforeOwner, null AS after, null AS afterOwner, false AS kept
       UNION ALL
       ${TOUCHED}
       RETURN ${ENTITY_TYPE} AS etype, x.id AS id, sha, prio,
              null AS before, null AS beforeOwner, ${FINGERPRINT} AS after, coalesce(x.reportSha, '') AS afterOwner,
              false AS kept
       UNION ALL
       UNWIND range(0, size(s.ids) - 1) AS j
       WITH s.types[j] AS etype, s.ids[j] AS id, s.shas[j] AS sha
       ${LOOK_UP}
       RETURN etype, id, sha, 3 AS prio,
              null AS before, null AS beforeOwner, null AS after, null AS afterOwner, true AS kept
     }
     WITH etype, id, sha, prio, before, beforeOwner, after, afterOwner, kept ORDER BY prio
     WITH etype, id, head(collect(sha)) AS sha, max(before) AS before, max(beforeOwner) AS beforeOwner,
          max(after) AS after, max(afterOwner) AS afterOwner, max(kept) AS kept
     // An entity of the snapshot that still exists but the scope no longer reaches is left alone.
     WHERE CASE WHEN before IS NULL THEN after IS NOT NULL
                WHEN after IS NULL THEN NOT kept
                ELSE NOT ${sameFingerprint('before', 'after')} END
     WITH etype, id, sha, CASE
         WHEN before IS NULL THEN 'CREATED'
         WHEN after IS NULL THEN 'REMOVED'
         WHEN beforeOwner <> afterOwner THEN 'REPLACED'
         ELSE 'CHANGED' END AS kind
     ORDER BY etype, id
     RETURN collect({kind: kind, type: etype, id: id, sha: sha}) AS changes
   }
   DELETE s
   WITH changes WHERE size(changes) > 0
   MERGE (st:GraphState {id: '${GRAPH_STATE_ID}'})
   SET st.changeSeq = coalesce(st.changeSeq, 0) + size(changes)
   WITH st, changes, st.changeSeq - size(changes) AS base
   UNWIND range(0, size(changes) - 1) AS k
   WITH st, base + k + 1 AS seq, changes[k] AS c
   CREATE (:Change {seq: seq, version: st.version, at: datetime(), kind: c.kind,
                    entityType: c.type, entityId: c.id, reportId: c.sha})`,
);
