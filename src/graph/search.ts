/** Full-text search over findings and requirements, and findings related to a given one. */
import { defineQuery, read } from '../db/query.ts';
import type { Database } from '../db/executor.ts';
import { FULLTEXT_INDEX } from './schema/migrations.ts';
import { parseNode } from './node-kinds.ts';
import type { FindingRow, InspectionRow, LocationRow, RequirementRow } from './rows.ts';
import { buildLuceneQuery, buildSnippet, extractSearchTerms } from './search-text.ts';

export interface SearchHitRow {
  kind: 'FINDING' | 'REQUIREMENT';
  id: string;
  score: number;
  snippet: string;
  inspectionId: string;
  locationId: string;
  /** The nodes behind the ids, read in the same query so resolvers need no more round trips. */
  finding: FindingRow | null;
  requirement: RequirementRow | null;
  inspection: InspectionRow;
  location: LocationRow;
}

export const searchQuery = defineQuery<
  { index: string; query: string; first: number },
  Omit<SearchHitRow, 'snippet'> & { text: string }
>({
  name: 'search.fulltext',
  cypher: `
    CALL db.index.fulltext.queryNodes($index, $query, {limit: $first}) YIELD node, score
    MATCH (node)<-[:FOUND|REQUIRED]-(i:Inspection)-[:OF]->(l:Location)
    RETURN CASE WHEN node:Finding THEN 'FINDING' ELSE 'REQUIREMENT' END AS kind, node.id AS id, node.text AS text,
           score, i.id AS inspectionId, l.id AS locationId, properties(node) AS node, properties(i) AS inspection, properties(l) AS location
    ORDER BY score DESC, id`,
  parse: (row) => {
    const kind = read.string(row, 'kind') === 'FINDING' ? 'FINDING' : 'REQUIREMENT';
    return {
      kind,
      id: read.string(row, 'id'),
      text: read.string(row, 'text'),
      score: read.number(row, 'score'),
      inspectionId: read.string(row, 'inspectionId'),
      locationId: read.string(row, 'locationId'),
      finding: kind === 'FINDING' ? parseNode('finding', row, 'node') : null,
      requirement: kind === 'REQUIREMENT' ? parseNode('requirement', row, 'node') : null,
      inspection: parseNode('inspection', row, 'inspection'),
      location: parseNode('location', row, 'location'),
    };
  },
});

export async function searchText(
  db: Database,
  text: string,
  first: number,
): Promise<SearchHitRow[]> {
  const query = buildLuceneQuery(text);
  if (!query || first === 0) return [];
  const terms = extractSearchTerms(text);
  const rows = await db.read(searchQuery, { index: FULLTEXT_INDEX, query, first });
  return rows.map(({ text: hitText, ...row }) => ({
    ...row,
    snippet: buildSnippet(hitText, terms),
  }));
}

export interface RelatedFindingRow {
  findingId: string;
  score: number;
  sharedThemes: string[];
  sharedRegulations: string[];
  textScore: number;
  /** Read in the same query, so resolvers need no more round trips. */
  finding: FindingRow;
}

/** Words too common in inspection reports to say two findings are alike. */
export const STOPWORDS = [
  'that',
  'this',
  'with',
  'have',
  'from',
  'they',
  'their',
  'there',
  'were',
  'when',
  'which',
  'what',
  'been',
  'does',
  'also',
  'some',
  'more',
  'than',
  'into',
  'such',
  'these',
  'those',
  'other',
  'about',
  'while',
  'where',
  'because',
  'would',
  'could',
  'should',
  'staff',
  'children',
  'child',
  'people',
  'home',
  'service',
  'inspection',
  'provider',
  'leaders',
  'managers',
];

/**
 * Candidates from three sources (findings citing the same regulation, findings about the same
 * themes, Lucene similarity of the text), each scored on everything it shares with the finding:
 * 3 per shared regulation + 1 per shared theme + the Lucene score.
 *
 * Each regulation and theme contributes at most 200 findings, read lazily, so a common theme
 * cannot make the query scan the graph: a common theme holds a large share of all findings, and
 * gathering all of them to keep 200 cost far more (bench/PROFILE.md). Shared themes and
 * regulations are then counted for every candidate whatever source found it; before, a text match
 * got theme credit only if it fell among the 200 theme candidates kept, an arbitrary pick among ties.
 * Findings of the finding's own inspection are excluded by a list of its siblings, without
 * expanding each candidate to its inspection (every finding has one FOUND from its inspection).
 */
export const relatedFindingsQuery = defineQuery<
  { findingId: string; index: string; stopwords: string[]; first: number },
  RelatedFindingRow
>({
  name: 'search.related-findings',
  cypher: `
    MATCH (f:Finding {id: $findingId})<-[:FOUND]-(fi:Inspection)
    WITH f, [(fi)-[:FOUND]->(x:Finding) | x] AS siblings,
         COLLECT { MATCH (f)-[:CITES]->(g:Regulation) RETURN DISTINCT g } AS regulations,
         COLLECT { MATCH (f)-[:ABOUT]->(t:Theme) RETURN DISTINCT t } AS themes,
         [w IN split(reduce(s = toLower(f.text), c IN ['.', ',', ';', ':', '(', ')', '"', "'", '’', '-'] | replace(s, c, ' ')), ' ')
          WHERE w =~ '[a-z]{4,}' AND NOT w IN $stopwords] AS words
    WITH siblings, regulations, themes, reduce(q = '', w IN words[0..40] | q + ' ' + w) AS luceneQuery
    CALL (siblings, regulations, themes, luceneQuery) {
      UNWIND regulations AS g
      CALL (g, siblings) {
        MATCH (g)<-[:CITES]-(o:Finding) WHERE NOT o IN siblings
        RETURN o LIMIT 200
      }
      RETURN o, 0.0 AS text
      UNION ALL
      UNWIND themes AS t
      CALL (t, siblings) {
        MATCH (t)<-[:ABOUT]-(o:Finding) WHERE NOT o IN siblings
        RETURN o LIMIT 200
      }
      RETURN o, 0.0 AS text
      UNION ALL
      WITH luceneQuery, siblings WHERE trim(luceneQuery) <> ''
      CALL db.index.fulltext.queryNodes($index, luceneQuery, {limit: 100}) YIELD node, score
      WITH node AS o, score WHERE o:Finding AND NOT o IN siblings
      RETURN o, score AS text
    }
    WITH o, regulations, themes, max(text) AS textScore
    WITH o, textScore,
         COLLECT { MATCH (o)-[:CITES]->(g:Regulation) WHERE g IN regulations WITH DISTINCT g.id AS id ORDER BY id RETURN id } AS sharedRegulations,
         COLLECT { MATCH (o)-[:ABOUT]->(t:Theme) WHERE t IN themes WITH DISTINCT t.id AS id ORDER BY id RETURN id } AS sharedThemes
    WITH o, textScore, sharedRegulations, sharedThemes,
         3.0 * size(sharedRegulations) + 1.0 * size(sharedThemes) + textScore AS score
    ORDER BY score DESC, o.id
    LIMIT $first
    RETURN o.id AS findingId, properties(o) AS finding, score, sharedThemes, sharedRegulations, textScore
    ORDER BY score DESC, findingId`,
  parse: (row) => ({
    findingId: read.string(row, 'findingId'),
    score: read.number(row, 'score'),
    sharedThemes: read.strings(row, 'sharedThemes'),
    sharedRegulations: read.strings(row, 'sharedRegulations'),
    textScore: read.number(row, 'textScore'),
    finding: parseNode('finding', row, 'finding'),
  }),
});

export function findRelatedFindings(
  db: Database,
  findingId: string,
  first: number,
): Promise<RelatedFindingRow[]> {
  return db.read(relatedFindingsQuery, {
    findingId,
    index: FULLTEXT_INDEX,
    stopwords: STOPWORDS,
    first,
  });
}

/** Plain-language reasons for a related finding's rank. */
export function describeRelatedness(row: RelatedFindingRow): string[] {
  const reasons: string[] = [];
  if (row.sharedRegulations.length > 0)
    reasons.push(`cites the same regulation: ${row.sharedRegulations.join(', ')}`);
  if (row.sharedThemes.length > 0) reasons.push(`shared themes: ${row.sharedThemes.join(', ')}`);
  if (row.textScore > 0) reasons.push(`similar wording (text score ${row.textScore.toFixed(2)})`);
  return reasons;
}
