/**
 * The Cypher the exact query and the summary's reads share, so the summary computes its rows by
 * the exact query's own rules. Private to this folder.
 */
import { read, type PlainRecord } from '../../../db/query.ts';
import { parseNode, parseNodes, parseOptionalNode } from '../../node-kinds.ts';
import type { RepeatedBreachRow } from './types.ts';

/** Every requirement under a regulation at a location, as `l, i, q, g, leg` (shared by the exact query and the summary build). */
export const REQUIRED_MATCH = `
    MATCH (l:Location)<-[:OF]-(i:Inspection)-[:REQUIRED]->(q:Requirement)-[:UNDER]->(g:Regulation)-[:PART_OF]->(leg:Legislation)`;

/**
 * From `l, g, required` (the inspections with a requirement under g at l): the inspections a report
 * states the breach repeats, and those statements.
 */
export const STATED_REPEATS = `
    CALL (l, g, required) {
      UNWIND required AS i
      // Few findings state a repeat: the subquery makes the planner find those before checking
      // what each is about (checked first, it tested every finding of every inspection; see
      // bench/PROFILE.md). A WITH is not enough: the planner moves the test below it.
      CALL (i, l) {
        MATCH (i)-[:FOUND]->(f:Finding)-[:REPEATS]->(earlier:Inspection)-[:OF]->(l)
        RETURN f, earlier
      }
      WITH f, earlier
      WHERE EXISTS { (f)-[:CITES]->(g) } OR EXISTS { (f)-[:ABOUT]->(:Theme)<-[:COVERS]-(g) }
      RETURN collect(DISTINCT earlier) AS stated,
             collect(DISTINCT {findingId: f.id, statement: f.repeatStatement, refersTo: earlier.id}) AS statements
    }
    CALL (required, stated) {
      UNWIND required + stated AS x
      WITH DISTINCT x ORDER BY x.startDate, x.id
      RETURN collect(x.id) AS inspectionIds, collect(x) AS inspections
    }`;

/**
 * One answer row as a map, from `l, g, requirements, statements, inspectionIds, inspections`.
 * Requirements and statements are sorted so the answer does not depend on the plan's row order.
 */
export const ROW_MAP = `{
      locationId: l.id, location: properties(l), providerId: provider.id, provider: provider,
      regulationId: g.id, regulation: properties(g), inspectionIds: inspectionIds,
      inspections: [x IN inspections | properties(x)],
      requirementIds: [q IN requirementsById | q.id], requirementNodes: [q IN requirementsById | properties(q)],
      statements: COLLECT { UNWIND statements AS st WITH st ORDER BY st.findingId, st.refersTo RETURN st }
    }`;

/** Binds `provider` and `requirementsById` for ROW_MAP. */
export const ROW_EXTRAS = `
    WITH *, head(COLLECT { MATCH (p:Provider)-[:RUNS]->(l) WITH p ORDER BY p.id LIMIT 1 RETURN properties(p) }) AS provider,
         COLLECT { UNWIND requirements AS q WITH q ORDER BY q.id RETURN q } AS requirementsById`;

export const PAIR_FILTER = `($regulation IS NULL OR g.id = $regulation)
      AND ($legislation IS NULL OR leg.id = $legislation)`;

export function parseRepeatedBreach(row: PlainRecord): RepeatedBreachRow {
  return {
    locationId: read.string(row, 'locationId'),
    providerId: read.optionalString(row, 'providerId'),
    regulationId: read.string(row, 'regulationId'),
    inspectionIds: read.strings(row, 'inspectionIds'),
    requirementIds: read.strings(row, 'requirementIds'),
    statements: read.list(row, 'statements').map((s) => ({
      findingId: read.string(s, 'findingId'),
      statement: read.optionalString(s, 'statement') ?? '',
      refersTo: read.optionalString(s, 'refersTo'),
    })),
    location: parseNode('location', row, 'location'),
    provider: parseOptionalNode('provider', row, 'provider'),
    regulation: parseNode('regulation', row, 'regulation'),
    inspections: parseNodes('inspection', row, 'inspections'),
    requirements: parseNodes('requirement', row, 'requirementNodes'),
  };
}
