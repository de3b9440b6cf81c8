/**
 * Overall grade moves between consecutive inspections of a location. Interim judgements state
 * their own direction; otherwise the grade is compared with the nearest earlier full-scale
 * grade; a report's own "went down" is used when no earlier grade is known. No summary: the
 * query reads an index-ordered window of inspections.
 */
import { defineQuery, read, type PlainRecord } from '../../../db/query.ts';
import type { Database } from '../../../db/executor.ts';
import { parseNode, parseOptionalNode } from '../../node-kinds.ts';
import type { RatingChangeArgs, RatingChangePage, RatingChangeRow } from './types.ts';

/**
 * Every change the arguments ask for, as `l, after, before, change` ([direction, basis]), newest
 * `after` first, from the day `from` (Cypher: a parameter, or a variable the text is given in
 * `carried`, as `since, `). The summary (summary.ts) counts the same rows, built with every
 * argument null, and reads a page of them over the days its cells say the page needs.
 */
export function ratingChangeRows(from: string, carried = ''): string {
  return `
    WITH ${carried}{OUTSTANDING: 4, GOOD: 3, ADEQUATE: 2, REQUIRES_IMPROVEMENT: 2, INADEQUATE: 1} AS rank
    // Every inspection has a startDate (the loader sets it), so bounding it by the widest dates
    // when $from or $to is null changes no answer; it lets the startDate range index seek the
    // period and hand inspections over newest first. The location is matched after the sort: expanding OF from every graded inspection
    // first cost 3.6M db hits at tier L (bench/PROFILE.md).
    MATCH (after:Inspection)
    WHERE after.startDate >= coalesce(date(${from}), date({year: -999999999, month: 1, day: 1}))
      AND after.startDate <= coalesce(date($to), date({year: 999999999, month: 12, day: 31}))
      AND after.overallGrade IS NOT NULL
      AND ($regulator IS NULL OR EXISTS { (after)-[:BY]->(:Regulator {code: $regulator}) })
      AND ($synthetic IS NULL OR coalesce(after.synthetic, false) = $synthetic)
    WITH rank, after ORDER BY after.startDate DESC, after.id
    MATCH (l:Location)<-[:OF]-(after)
    CALL (after, rank) {
      OPTIONAL MATCH path = (after)-[:PREVIOUS*1..12]->(b:Inspection)
      WHERE rank[b.overallGrade] IS NOT NULL
      RETURN b AS before ORDER BY length(path) LIMIT 1
    }
    WITH l, after, before, rank[after.overallGrade] AS ra, rank[before.overallGrade] AS rb
    WITH l, after, before, CASE
        WHEN after.overallGrade = 'IMPROVED_EFFECTIVENESS' THEN ['UP', 'interim judgement']
        WHEN after.overallGrade = 'DECLINED_IN_EFFECTIVENESS' THEN ['DOWN', 'interim judgement']
        WHEN after.overallGrade = 'SUSTAINED_EFFECTIVENESS' THEN ['SAME', 'interim judgement']
        WHEN ra IS NOT NULL AND rb IS NOT NULL THEN
          [CASE WHEN ra > rb THEN 'UP' WHEN ra < rb THEN 'DOWN' ELSE 'SAME' END, 'grades compared']
        WHEN after.statedRatingDirection IS NOT NULL THEN [after.statedRatingDirection, 'stated in report']
      END AS change
    WHERE change IS NOT NULL AND ($direction IS NULL OR change[0] = $direction)`;
}

/** Every change the arguments ask for, from `$from` (see ratingChangeRows). */
export const RATING_CHANGES = ratingChangeRows('$from');

/**
 * Cypher after ratingChangeRows: the page of its rows, `$skip` and `$first`, returned with their
 * nodes. The explicit order before SKIP keeps pages stable whatever the plan.
 */
export const RATING_CHANGE_PAGE = `
    WITH l, after, before, change ORDER BY after.startDate DESC, after.id SKIP $skip LIMIT $first
    WITH *, head(COLLECT { MATCH (p:Provider)-[:RUNS]->(l) WITH p ORDER BY p.id LIMIT 1 RETURN properties(p) }) AS provider
    RETURN l.id AS locationId, properties(l) AS location, provider.id AS providerId, provider,
           before.id AS beforeId, properties(before) AS beforeNode, after.id AS afterId, properties(after) AS afterNode,
           change[0] AS direction, change[1] AS basis
    ORDER BY after.startDate DESC, afterId`;

export const ratingChangesQuery = defineQuery<RatingChangeArgs, RatingChangeRow>({
  name: 'analytics.rating-changes',
  cypher: `${RATING_CHANGES}${RATING_CHANGE_PAGE}`,
  parse: parseRatingChange,
});

/** The whole answer's row count, read only when a page asks for its total. */
export const ratingChangesCountQuery = defineQuery<RatingChangeArgs, { totalCount: number }>({
  name: 'analytics.rating-changes.count',
  cypher: `${RATING_CHANGES}
    RETURN count(*) AS totalCount`,
  parse: (row) => ({ totalCount: read.number(row, 'totalCount') }),
});

export function parseRatingChange(row: PlainRecord): RatingChangeRow {
  return {
    locationId: read.string(row, 'locationId'),
    providerId: read.optionalString(row, 'providerId'),
    beforeId: read.optionalString(row, 'beforeId'),
    afterId: read.string(row, 'afterId'),
    direction: read.string(row, 'direction'),
    basis: read.string(row, 'basis'),
    location: parseNode('location', row, 'location'),
    provider: parseOptionalNode('provider', row, 'provider'),
    before: parseOptionalNode('inspection', row, 'beforeNode'),
    after: parseNode('inspection', row, 'afterNode'),
  };
}

/** The exact queries, whatever the arguments and the state of the summary. */
export async function findRatingChangesExactly(
  db: Database,
  asked: RatingChangeArgs,
): Promise<RatingChangePage> {
  const args = { ...asked, synthetic: asked.synthetic ?? null };
  const [rows, count] = await Promise.all([
    db.read(ratingChangesQuery, args),
    args.withTotal ? db.read(ratingChangesCountQuery, args) : Promise.resolve(null),
  ]);
  return { rows, totalCount: count ? (count[0]?.totalCount ?? 0) : null };
}
