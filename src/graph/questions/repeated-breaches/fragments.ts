/**
 * The Cypher the exact query and the summary share, so the summary counts by the exact query's
 * own rules. Private to this folder.
 */
import { read, type PlainRecord } from '../../../db/query.ts';
import { parseNode, parseNodes, parseOptionalNode } from '../../node-kinds.ts';
import type { BreachEvidence, RepeatedBreachRow } from './types.ts';

/**
 * Every piece of evidence that inspection `i` breached regulation `g` at location `l`, as rows
 * `l, g, leg, i, kind`, kept where `where` holds; with `kinds` 'asked', only the kinds in
 * `$evidence`. A stated repeat needs its own sentence to cite the regulation: a theme the
 * regulation covers is not evidence of a breach of it, and nor is a citation in another sentence
 * of the finding, which may be about another shortfall.
 */
export function matchEvidence(where: string, kinds: 'asked' | 'all'): string {
  const asked = (kind: BreachEvidence) => (kinds === 'asked' ? `'${kind}' IN $evidence AND ` : '');
  return `
    CALL () {
      MATCH (l:Location)<-[:OF]-(i:Inspection)-[:REQUIRED|LED_TO]->(x)-[:UNDER]->(g:Regulation)-[:PART_OF]->(leg:Legislation)
      // An enforcement action counts under a regulation, not under the section of an Act that is its
      // legal power: a CQC warning notice 'under Section 29 of the Health and Social Care Act 2008'
      // breaches no section 29.
      WHERE ${asked('DOCUMENTED')}(x:Requirement OR (x:EnforcementAction AND leg.kind = 'regulations')) AND ${where}
      RETURN DISTINCT l, g, leg, i, 'DOCUMENTED' AS kind
      UNION
      // Few findings state a repeat, so the match starts from them.
      MATCH (l:Location)<-[:OF]-(:Inspection)-[:FOUND]->(f:Finding)-[:REPEATS]->(i:Inspection)-[:OF]->(l)
      MATCH (f)-[:CITES {inRepeatStatement: true}]->(g:Regulation)-[:PART_OF]->(leg:Legislation {kind: 'regulations'})
      WHERE ${asked('STATED_REPEAT')}${where}
      RETURN DISTINCT l, g, leg, i, 'STATED_REPEAT' AS kind
    }`;
}

/** Cypher for the kinds in list `kinds`, in a fixed order, so answers do not depend on plans. */
export function orderKinds(kinds: string): string {
  return `[x IN ['DOCUMENTED', 'STATED_REPEAT'] WHERE x IN ${kinds}]`;
}

/**
 * One answer row as `row`, from `l, g` and the pair's counted `inspections` (oldest first) with
 * their `evidence` (a list of kinds each): the requirements and enforcement actions under `g` at
 * the documented ones, and the sentences behind the stated ones.
 */
export const ROW_OF_PAIR = `
      WITH l, g, inspections, evidence,
           [k IN range(0, size(inspections) - 1) WHERE 'DOCUMENTED' IN evidence[k] | inspections[k]] AS documented,
           [k IN range(0, size(inspections) - 1) WHERE 'STATED_REPEAT' IN evidence[k] | inspections[k]] AS stated
      WITH l, g, inspections, evidence,
           COLLECT { UNWIND documented AS i MATCH (i)-[:REQUIRED]->(q:Requirement)-[:UNDER]->(g)
                     RETURN DISTINCT q ORDER BY q.id } AS requirements,
           COLLECT { UNWIND documented AS i MATCH (i)-[:LED_TO]->(e:EnforcementAction)-[:UNDER]->(g)
                     RETURN DISTINCT e ORDER BY e.id } AS actions,
           COLLECT { UNWIND stated AS earlier
                     MATCH (l)<-[:OF]-(:Inspection)-[:FOUND]->(f:Finding)-[:REPEATS]->(earlier)
                     WHERE EXISTS { (f)-[:CITES {inRepeatStatement: true}]->(g) }
                     WITH DISTINCT f, earlier ORDER BY f.id, earlier.id
                     RETURN {findingId: f.id, statement: f.repeatStatement, refersTo: earlier.id} } AS statements,
           head(COLLECT { MATCH (p:Provider)-[:RUNS]->(l) WITH p ORDER BY p.id LIMIT 1 RETURN properties(p) }) AS provider
      WITH {
        locationId: l.id, location: properties(l), providerId: provider.id, provider: provider,
        regulationId: g.id, regulation: properties(g),
        inspectionIds: [x IN inspections | x.id], inspections: [x IN inspections | properties(x)],
        counted: [k IN range(0, size(inspections) - 1) | {id: inspections[k].id, evidence: evidence[k]}],
        requirementIds: [q IN requirements | q.id], requirementNodes: [q IN requirements | properties(q)],
        enforcementIds: [e IN actions | e.id], enforcementNodes: [e IN actions | properties(e)],
        statements: statements
      } AS row`;

export function parseRepeatedBreach(row: PlainRecord): RepeatedBreachRow {
  const inspections = parseNodes('inspection', row, 'inspections');
  return {
    locationId: read.string(row, 'locationId'),
    providerId: read.optionalString(row, 'providerId'),
    regulationId: read.string(row, 'regulationId'),
    inspectionIds: read.strings(row, 'inspectionIds'),
    counted: read.list(row, 'counted').map((c, k) => ({
      inspectionId: read.string(c, 'id'),
      evidence: read.strings(c, 'evidence').map(toBreachEvidence),
      inspection: inspections[k]!,
    })),
    requirementIds: read.strings(row, 'requirementIds'),
    enforcementIds: read.strings(row, 'enforcementIds'),
    statements: read.list(row, 'statements').map((s) => ({
      findingId: read.string(s, 'findingId'),
      statement: read.optionalString(s, 'statement') ?? '',
      refersTo: read.optionalString(s, 'refersTo'),
    })),
    location: parseNode('location', row, 'location'),
    provider: parseOptionalNode('provider', row, 'provider'),
    regulation: parseNode('regulation', row, 'regulation'),
    inspections,
    requirements: parseNodes('requirement', row, 'requirementNodes'),
    enforcementActions: parseNodes('enforcement', row, 'enforcementNodes'),
  };
}

function toBreachEvidence(kind: string): BreachEvidence {
  if (kind === 'DOCUMENTED' || kind === 'STATED_REPEAT') return kind;
  throw new Error(`Unknown breach evidence kind from the graph: ${kind}`);
}
