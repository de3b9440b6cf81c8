/**
 * An ascending page of a list sorted by one indexed property (ties broken by id), read in the
 * range index's order instead of sorting every node: a sorted page otherwise sorts every node
 * with the label (label scan, two properties cached each, Top), most of the query's time, while
 * read from a range index such as Location.name's (src/graph/schema/migrations.ts) it reads little more
 * than the page.
 *
 * The index holds only nodes with the property, which ORDER BY ... ASC puts before those
 * without it (nulls sort last), so the nodes without it are read only when the index ran short
 * of the page, sorted by id as the tie-break sorts them. Descending pages (nulls first) and
 * filtered lists keep the plain sort: a selective filter would walk the index far past the page.
 */

/**
 * Binds `m` in page order with SKIP $skip LIMIT $limit applied, for `ORDER BY m.<property> ASC,
 * m.id` over every node with `label`. Label and property come from the list table, never from
 * a request.
 */
export function buildIndexOrderedPage(label: string, property: string): string {
  return `
    CALL () {
      MATCH (m:${label}) WHERE m.${property} IS NOT NULL
      WITH m ORDER BY m.${property} ASC, m.id LIMIT $skip + $limit
      RETURN collect(m) AS indexed
    }
    CALL (indexed) {
      UNWIND CASE WHEN size(indexed) < $skip + $limit THEN [true] ELSE [] END AS short
      MATCH (m:${label}) WHERE m.${property} IS NULL
      WITH m ORDER BY m.id LIMIT $skip + $limit
      RETURN collect(m) AS unindexed
    }
    UNWIND (indexed + unindexed)[$skip..$skip + $limit] AS m`;
}
