/** Pairs of themes that tag the same findings. */
import { parsePageRecord, readAnswerPage, type PageRecord } from '../../read-page.ts';
import { defineQuery } from '../../../db/query.ts';
import type { Database } from '../../../db/executor.ts';
import { FINDING_PREDICATE } from '../../filters.ts';
import { buildPerSeek, chooseScopeSeek, nameWithSeek, seekScope } from '../../scope-seek.ts';
import { PAIR_RANKING, parseThemePair } from './fragments.ts';
import type { ThemeCooccurrenceArgs, ThemeCooccurrencePage, ThemePairRow } from './types.ts';

/** The exact query from each seek (graph/scope-seek.ts) and from none; the predicates are the same. */
const perSeek = buildPerSeek((seek) =>
  defineQuery<ThemeCooccurrenceArgs, PageRecord<ThemePairRow>>({
    name: nameWithSeek('analytics.theme-cooccurrence', seek),
    cypher: `
    ${seekScope(seek, '$f.')}
    MATCH (l:Location)<-[:OF]-(i:Inspection)-[:FOUND]->(f:Finding)
    WHERE ${FINDING_PREDICATE}
    // One pass over the findings: each finding's themes paired with each other and with
    // themselves, the pair of a theme with itself counting its findings. Theme ids, not nodes, so
    // the pairing reads no properties.
    WITH f, COLLECT { MATCH (f)-[:ABOUT]->(x:Theme) RETURN DISTINCT x.id } AS themes
    UNWIND themes AS a
    UNWIND themes AS b
    WITH f, a, b WHERE a <= b
    WITH a, b, count(f) AS both
    ${PAIR_RANKING}
    RETURN totalCount, rows`,
    parse: parsePageRecord(parseThemePair),
  }),
);

export const themeCooccurrenceQueries = perSeek.all;

/** The exact query as it reads these arguments: from their most selective filter. */
export function themeCooccurrenceQuery(args: ThemeCooccurrenceArgs) {
  return perSeek.pick(chooseScopeSeek(args.f));
}

/** The exact query, whatever the filter and the state of the summaries. */
export async function findThemeCooccurrenceExactly(
  db: Database,
  args: ThemeCooccurrenceArgs,
): Promise<ThemeCooccurrencePage> {
  return readAnswerPage(db, themeCooccurrenceQuery(args), { ...args, sort: args.sort ?? null });
}
