/** The ranking the exact query and the summary's read share. Private to this folder. */

/**
 * From `a, b, both` (findings tagged with both; a = b counts a theme's findings): the top `$first`
 * pairs as `firstId, secondId, findingCount, jaccard, first, second`, in the answer's order.
 */
export const PAIR_RANKING = `
    WITH collect({a: a, b: b, both: both}) AS counts
    WITH [c IN counts WHERE c.a = c.b] AS singles, [c IN counts WHERE c.a <> c.b] AS pairs
    UNWIND pairs AS pair
    WITH pair.a AS a, pair.b AS b, pair.both AS both,
         [s IN singles WHERE s.a = pair.a][0].both AS taggedA,
         [s IN singles WHERE s.a = pair.b][0].both AS taggedB
    WITH a AS firstId, b AS secondId, both AS findingCount, toFloat(both) / (taggedA + taggedB - both) AS jaccard
    ORDER BY findingCount DESC, jaccard DESC, firstId, secondId
    LIMIT $first
    WITH *, head(COLLECT { MATCH (t:Theme {id: firstId}) RETURN properties(t) }) AS first,
         head(COLLECT { MATCH (t:Theme {id: secondId}) RETURN properties(t) }) AS second
    ORDER BY findingCount DESC, jaccard DESC, firstId, secondId`;
