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
 * them" is the earliest date Neo4j holds and changes no answer; its upper bound is the filter's
 * `to` (an inspection after it is no row) or the latest date Neo4j holds.
 *
 * A stream that can hold no row of the filter would walk its whole index to find that out (an
 * action type only one regulator issues, with the other regulator; actions with an issue date,
 * of a regulator that records none). `hints` says, from a summary read in the same query, whether
 * each stream can hold a row; a stream that cannot is not read.
 */

export interface StreamHints {
  /** The variables the hints read, comma-separated (imported into the subqueries), or ''. */
  imports: string;
  /** Cypher: the filter may keep an action with an issue date. */
  issued: string;
  /** Cypher: the filter may keep an action without one. */
  unissued: string;
  /** Cypher: no action the filter keeps was issued before this date, or null. */
  firstIssued: string;
  /** Cypher: none was issued after this date, or null. */
  lastIssued: string;
}

const NO_HINTS: StreamHints = {
  imports: '',
  issued: 'true',
  unissued: 'true',
  firstIssued: 'null',
  lastIssued: 'null',
};

const EARLIEST = 'date({year: -999999999, month: 1, day: 1})';
const LATEST = 'date({year: 999999999, month: 12, day: 31})';

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
  hints: StreamHints = NO_HINTS,
): string {
  const imports = hints.imports;
  const withImports = imports ? `, ${imports}` : '';
  // Read twice, for the floor and for the page's rows: it stops at skip + limit either way.
  const issuedStream = `MATCH (m:EnforcementAction)
        WHERE m.issuedOn >= coalesce(${hints.firstIssued}, ${EARLIEST}) AND m.issuedOn <= coalesce(${hints.lastIssued}, ${LATEST})
        WITH m ORDER BY m.issuedOn DESC, m.id
        MATCH (i:Inspection)-[:LED_TO]->(m), (i)-[:OF]->(l:Location)
        WITH i, l, m WHERE ${where}
        WITH m, m.issuedOn AS newest LIMIT $skip + $limit`;
  // Each stream is gated from outside its own subquery: a row source ahead of its MATCH would
  // cost the index order its sort reads (a full sort of every issued action instead of a partial one).
  const unissuedStream = `MATCH (i:Inspection) WHERE i.startDate >= coalesce(floor, ${EARLIEST})
          AND i.startDate <= coalesce(date($f.to), ${LATEST})
        WITH i ORDER BY i.startDate DESC
        MATCH (i)-[:LED_TO]->(m:EnforcementAction), (i)-[:OF]->(l:Location)
        WITH i, l, m WHERE m.issuedOn IS NULL AND ${where}
        WITH m, i.startDate AS newest ORDER BY newest DESC, m.id LIMIT $skip + $limit`;
  return `
    CALL (${imports}) {
      UNWIND CASE WHEN ${STREAMED} THEN [true] ELSE [] END AS streamed
      OPTIONAL CALL (${imports}) {
        UNWIND CASE WHEN ${hints.issued} THEN [true] ELSE [] END AS issuedRows
        CALL (${imports}) {
          ${issuedStream}
          WITH collect(newest) AS dates
          RETURN CASE WHEN size(dates) = $skip + $limit THEN last(dates) END AS floor
        }
        RETURN floor
      }
      // The streams meet as rows, not as lists: every row a sort holds is charged the size of
      // each list it carries, and a deep page ran out of transaction memory.
      CALL (floor${withImports}) {
        UNWIND CASE WHEN ${hints.issued} THEN [true] ELSE [] END AS issuedRows
        CALL (${imports}) {
          ${issuedStream}
          RETURN m, newest
        }
        RETURN m, newest
        UNION ALL
        UNWIND CASE WHEN ${hints.unissued} THEN [true] ELSE [] END AS unissuedRows
        CALL (floor) {
          ${unissuedStream}
          RETURN m, newest
        }
        RETURN m, newest
      }
      WITH m, newest ORDER BY newest DESC, m.id SKIP $skip LIMIT $limit
      RETURN collect(m) AS streamedPage
    }
    CALL (${imports}) {
      UNWIND CASE WHEN ${STREAMED} THEN [] ELSE [true] END AS sorted
      ${seek}MATCH ${match} WHERE ${where}
      WITH * ORDER BY ${orderBy} SKIP $skip LIMIT $limit
      RETURN collect(m) AS sortedPage
    }
    UNWIND CASE WHEN ${STREAMED} THEN streamedPage ELSE sortedPage END AS m`;
}
