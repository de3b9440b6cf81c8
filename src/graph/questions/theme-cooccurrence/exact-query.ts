/** Pairs of themes that tag the same findings. */
import { defineQuery, read } from '../../../db/query.ts';
import type { Database } from '../../../db/executor.ts';
import { FINDING_PREDICATE, type FindingParams } from '../../filters.ts';
import { parseNode } from '../../node-kinds.ts';
import { PAIR_RANKING } from './fragments.ts';
import type { ThemePairRow } from './types.ts';

export const themeCooccurrenceQuery = defineQuery<
  { f: FindingParams; first: number },
  ThemePairRow
>({
  name: 'analytics.theme-cooccurrence',
  cypher: `
    MATCH (l:Location)<-[:OF]-(i:Inspection)-[:FOUND]->(f:Finding)
    WHERE ${FINDING_PREDICATE}
    // One pass over the findings (there were two; bench/PROFILE.md): each finding's themes paired
    // with each other and with themselves, the pair of a theme with itself counting its findings.
    // Theme ids, not nodes, so the pairing reads no properties.
    WITH f, COLLECT { MATCH (f)-[:ABOUT]->(x:Theme) RETURN DISTINCT x.id } AS themes
    UNWIND themes AS a
    UNWIND themes AS b
    WITH f, a, b WHERE a <= b
    WITH a, b, count(f) AS both
    ${PAIR_RANKING}
    RETURN firstId, secondId, first, second, findingCount, jaccard
    ORDER BY findingCount DESC, jaccard DESC, firstId, secondId`,
  parse: (row) => ({
    firstId: read.string(row, 'firstId'),
    secondId: read.string(row, 'secondId'),
    findingCount: read.number(row, 'findingCount'),
    jaccard: read.number(row, 'jaccard'),
    first: parseNode('theme', row, 'first'),
    second: parseNode('theme', row, 'second'),
  }),
});

/** The exact query, whatever the filter and the state of the summaries. */
export function findThemeCooccurrenceExactly(
  db: Database,
  f: FindingParams,
  first: number,
): Promise<ThemePairRow[]> {
  return db.read(themeCooccurrenceQuery, { f, first });
}
