/** The ranking the exact query and the summary's reads share. Private to this folder. */
import { read, type PlainRecord } from '../../../db/query.ts';
import { buildSortKey } from '../../answer-sort.ts';
import { parseNode } from '../../node-kinds.ts';
import type { ThemePairRow, ThemePairSortField } from './types.ts';

const SORT_FIGURES: Record<ThemePairSortField, string> = {
  FINDING_COUNT: 'findingCount',
  JACCARD: 'jaccard',
};

/** The figure `$sort` asks for, if any, then the documented order, which ends with the pair's ids. */
const PAIR_ORDER = `${buildSortKey(SORT_FIGURES)}, findingCount DESC, jaccard DESC, firstId, secondId`;

/**
 * From `a, b, both` (findings tagged with both; a = b counts a theme's findings): the page of
 * pairs from `$skip`, at most `$first`, in the answer's order (`$sort`, then the documented one), as `rows` (maps of `firstId,
 * secondId, findingCount, jaccard, first, second`), and the number of pairs as `totalCount`.
 */
export const PAIR_RANKING = `
    WITH collect({a: a, b: b, both: both}) AS counts
    WITH [c IN counts WHERE c.a = c.b] AS singles, [c IN counts WHERE c.a <> c.b] AS pairs
    CALL (singles, pairs) {
      UNWIND pairs AS pair
      WITH pair.a AS a, pair.b AS b, pair.both AS both,
           [s IN singles WHERE s.a = pair.a][0].both AS taggedA,
           [s IN singles WHERE s.a = pair.b][0].both AS taggedB
      WITH a AS firstId, b AS secondId, both AS findingCount, toFloat(both) / (taggedA + taggedB - both) AS jaccard
      ORDER BY ${PAIR_ORDER}
      SKIP $skip LIMIT $first
      WITH *, head(COLLECT { MATCH (t:Theme {id: firstId}) RETURN properties(t) }) AS first,
           head(COLLECT { MATCH (t:Theme {id: secondId}) RETURN properties(t) }) AS second
      ORDER BY ${PAIR_ORDER}
      RETURN collect({firstId: firstId, secondId: secondId, first: first, second: second,
                      findingCount: findingCount, jaccard: jaccard}) AS rows
    }
    WITH size(pairs) AS totalCount, rows`;

/**
 * From kept theme-set cells `c`: each set's findings summed (a few hundred sets stand for
 * thousands of cells), then every pair of its themes with them, as `a, b, findings` (a = b for a
 * theme alone), as the exact query pairs each finding's themes. Summed per pair after.
 */
export const PAIRS_OF_THEME_SETS = `
      WITH c.themes AS themes, sum(c.findings) AS findings
      UNWIND themes AS a
      UNWIND themes AS b
      WITH a, b, findings WHERE a <= b`;

export function parseThemePair(row: PlainRecord): ThemePairRow {
  return {
    firstId: read.string(row, 'firstId'),
    secondId: read.string(row, 'secondId'),
    findingCount: read.number(row, 'findingCount'),
    jaccard: read.number(row, 'jaccard'),
    first: parseNode('theme', row, 'first'),
    second: parseNode('theme', row, 'second'),
  };
}
