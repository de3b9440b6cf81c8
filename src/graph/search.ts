/** Full-text search over findings and requirements, and findings related to a given one. */
import { defineQuery, read } from '../db/query.ts';
import type { Database } from '../db/executor.ts';
import { FULLTEXT_INDEX } from '../db/migrations.ts';
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

export const searchQuery = defineQuery<{ index: string; query: string; first: number }, Omit<SearchHitRow, 'snippet'> & { text: string }>({
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

export async function searchText(db: Database, text: string, first: number): Promise<SearchHitRow[]> {
  const query = buildLuceneQuery(text);
  if (!query || first === 0) return [];
  const terms = extractSearchTerms(text);
  const rows = await db.read(searchQuery, { index: FULLTEXT_INDEX, query, first });
  return rows.map(({ text: hitText, ...row }) => ({ ...row, snippet: buildSnippet(hitText, terms) }));
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
  'that', 'this', 'with', 'have', 'from', 'they', 'their', 'there', 'were', 'when', 'which', 'what', 'been', 'does', 'also',
  'some', 'more', 'than', 'into', 'such', 'these', 'those', 'other', 'about', 'while', 'where', 'because', 'would', 'could',
  'should', 'staff', 'children', 'child', 'people', 'home', 'service', 'inspection', 'provider', 'leaders', 'managers',
];

/**
 * Candidates from three sources (same cited regulation or same regulation required at the two
 * inspections, shared themes, Lucene similarity of the text), merged and scored:
 * 3 per shared regulation + 1 per shared theme + the Lucene score. Each source is capped so a
 * common theme cannot make the query scan the whole graph.
 */
export const relatedFindingsQuery = defineQuery<{ findingId: string; index: string; stopwords: string[]; first: number }, RelatedFindingRow>({
  name: 'search.related-findings',
  cypher: `
    MATCH (f:Finding {id: $findingId})<-[:FOUND]-(fi:Inspection)
    WITH f, fi,
         [w IN split(reduce(s = toLower(f.text), c IN ['.', ',', ';', ':', '(', ')', '"', "'", '’', '-'] | replace(s, c, ' ')), ' ')
          WHERE w =~ '[a-z]{4,}' AND NOT w IN $stopwords] AS words
    WITH f, fi, reduce(q = '', w IN words[0..40] | q + ' ' + w) AS luceneQuery
    CALL (f, fi, luceneQuery) {
      MATCH (f)-[:CITES]->(g:Regulation)<-[:CITES]-(o:Finding)<-[:FOUND]-(oi:Inspection)
      WHERE oi <> fi
      WITH o, collect(DISTINCT g.id) AS regs LIMIT 200
      RETURN o, regs, [] AS themes, 0.0 AS text
      UNION ALL
      MATCH (f)-[:ABOUT]->(t:Theme)<-[:ABOUT]-(o:Finding)<-[:FOUND]-(oi:Inspection)
      WHERE oi <> fi
      WITH o, collect(DISTINCT t.id) AS themes ORDER BY size(themes) DESC LIMIT 200
      RETURN o, [] AS regs, themes, 0.0 AS text
      UNION ALL
      WITH luceneQuery WHERE trim(luceneQuery) <> ''
      CALL db.index.fulltext.queryNodes($index, luceneQuery, {limit: 100}) YIELD node, score
      WITH node AS o, score WHERE o:Finding AND NOT (fi)-[:FOUND]->(o)
      RETURN o, [] AS regs, [] AS themes, score AS text
    }
    WITH o, collect(regs) AS regLists, collect(themes) AS themeLists, max(text) AS textScore
    WITH o, textScore,
         reduce(acc = [], x IN regLists | acc + [r IN x WHERE NOT r IN acc]) AS sharedRegulations,
         reduce(acc = [], x IN themeLists | acc + [t IN x WHERE NOT t IN acc]) AS sharedThemes
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

export function findRelatedFindings(db: Database, findingId: string, first: number): Promise<RelatedFindingRow[]> {
  return db.read(relatedFindingsQuery, { findingId, index: FULLTEXT_INDEX, stopwords: STOPWORDS, first });
}

/** Plain-language reasons for a related finding's rank. */
export function describeRelatedness(row: RelatedFindingRow): string[] {
  const reasons: string[] = [];
  if (row.sharedRegulations.length > 0) reasons.push(`cites the same regulation: ${row.sharedRegulations.join(', ')}`);
  if (row.sharedThemes.length > 0) reasons.push(`shared themes: ${row.sharedThemes.join(', ')}`);
  if (row.textScore > 0) reasons.push(`similar wording (text score ${row.textScore.toFixed(2)})`);
  return reasons;
}
