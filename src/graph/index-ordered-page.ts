/**
 * An ascending page of a list sorted by one indexed property (ties broken by id), read in the
 * range index's order instead of sorting every node. At tier L the nested read's page of 20
 * locations by name sorted all 19,100 locations (label scan, two properties cached each, Top:
 * 38k db hits, most of the query's time: 64k db hits and 37 ms p50 through the driver for the
 * whole read); read from the Location.name range index (src/db/migrations.ts) it costs 53 db
 * hits (the whole read 6.7k db hits, 12 ms).
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
