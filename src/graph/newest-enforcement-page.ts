/**
 * The NEWEST page of enforcement actions without sorting every action. The sort key,
 * `coalesce(m.issuedOn, i.startDate)`, lives on two nodes, so no single index orders it; it is
 * read as two index-ordered streams instead, each stopped by LIMIT:
 *  - actions with an issue date, newest first from the EnforcementAction.issuedOn index;
 *  - actions without one, by their inspection's start date from the Inspection.startDate index,
 *    seeking only inspections no older than the last issued action the first stream kept (an
 *    older one cannot reach the page), or all of them when that stream ran short.
 * Each stream keeps its first skip + limit; merged and sorted again they hold the page exactly,
 * ties on the date included (both break them by id). Sorting every action was costly on a large
 * graph; see bench/PROFILE.md.
 *
 * A provider or local-authority filter keeps few actions, so the streams would walk far back
 * before filling a page; then the page is sorted from the filtered match as before, which starts
 * from those few locations. Both are planned; the UNWIND gates let only one of them read.
 *
 * Every Inspection has a startDate (the loader sets it), so the seek's lower bound for "all of
 * them" is the earliest date Neo4j holds and changes no answer.
 */

const STREAMED = '$f.providerId IS NULL AND $f.localAuthority IS NULL';

/**
 * Binds `m` in page order with SKIP $skip LIMIT $limit applied. `match` binds `i`, `l`, `m`;
 * `where` is the list's filter on them; `orderBy` the sort the streams reproduce; `seek` the
 * opening clauses of the sorted page's match (graph/scope-seek.ts) and a space, or ''.
 */
export function buildNewestEnforcementPage(
  match: string,
  where: string,
  orderBy: string,
  seek = '',
): string {
  // Read twice, for the floor and for the page's rows: it stops at skip + limit either way.
  const issuedStream = `MATCH (m:EnforcementAction) WHERE m.issuedOn IS NOT NULL
        WITH m ORDER BY m.issuedOn DESC, m.id
        MATCH (i:Inspection)-[:LED_TO]->(m), (i)-[:OF]->(l:Location)
        WITH i, l, m WHERE ${where}
        WITH m, m.issuedOn AS newest LIMIT $skip + $limit`;
  return `
    CALL () {
      UNWIND CASE WHEN ${STREAMED} THEN [true] ELSE [] END AS streamed
      CALL () {
        ${issuedStream}
        WITH collect(newest) AS dates
        RETURN CASE WHEN size(dates) = $skip + $limit THEN last(dates) END AS floor
      }
      // The streams meet as rows, not as lists: every row a sort holds is charged the size of
      // each list it carries, and a deep page ran out of transaction memory.
      CALL (floor) {
        ${issuedStream}
        RETURN m, newest
        UNION ALL
        MATCH (i:Inspection) WHERE i.startDate >= coalesce(floor, date({year: -999999999, month: 1, day: 1}))
        WITH i ORDER BY i.startDate DESC
        MATCH (i)-[:LED_TO]->(m:EnforcementAction), (i)-[:OF]->(l:Location)
        WITH i, l, m WHERE m.issuedOn IS NULL AND ${where}
        WITH m, i.startDate AS newest ORDER BY newest DESC, m.id LIMIT $skip + $limit
        RETURN m, newest
      }
      WITH m, newest ORDER BY newest DESC, m.id SKIP $skip LIMIT $limit
      RETURN collect(m) AS streamedPage
    }
    CALL () {
      UNWIND CASE WHEN ${STREAMED} THEN [] ELSE [true] END AS sorted
      ${seek}MATCH ${match} WHERE ${where}
      WITH * ORDER BY ${orderBy} SKIP $skip LIMIT $limit
      RETURN collect(m) AS sortedPage
    }
    UNWIND CASE WHEN ${STREAMED} THEN streamedPage ELSE sortedPage END AS m`;
}
