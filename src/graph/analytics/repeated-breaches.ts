/**
 * Locations required to act under the same regulation at several inspections. A report's own
 * statement that a shortfall repeats an earlier inspection counts that inspection too, when the
 * statement's finding cites the regulation or is about a theme the regulation covers.
 */
import { defineQuery, read } from '../../db/query.ts';
import type { Database } from '../../db/executor.ts';

export interface RepeatedBreachArgs {
  regulation: string | null;
  legislation: string | null;
  regulator: string | null;
  minInspections: number;
  from: string | null;
  to: string | null;
  first: number;
}

export interface RepeatStatementRow {
  findingId: string;
  statement: string;
  refersTo: string | null;
}

export interface RepeatedBreachRow {
  locationId: string;
  providerId: string | null;
  regulationId: string;
  inspectionIds: string[];
  requirementIds: string[];
  statements: RepeatStatementRow[];
}

export const repeatedBreachesQuery = defineQuery<RepeatedBreachArgs, RepeatedBreachRow>({
  name: 'analytics.repeated-breaches',
  cypher: `
    MATCH (l:Location)<-[:OF]-(i:Inspection)-[:REQUIRED]->(q:Requirement)-[:UNDER]->(g:Regulation)-[:PART_OF]->(leg:Legislation)
    WHERE ($regulation IS NULL OR g.id = $regulation)
      AND ($legislation IS NULL OR leg.id = $legislation)
      AND ($regulator IS NULL OR EXISTS { (i)-[:BY]->(:Regulator {code: $regulator}) })
      AND ($from IS NULL OR i.startDate >= date($from))
      AND ($to IS NULL OR i.startDate <= date($to))
    WITH l, g, collect(DISTINCT i) AS required, collect(q) AS requirements
    CALL (l, g, required) {
      UNWIND required AS i
      MATCH (i)-[:FOUND]->(f:Finding)-[:REPEATS]->(earlier:Inspection)-[:OF]->(l)
      WHERE EXISTS { (f)-[:CITES]->(g) } OR EXISTS { (f)-[:ABOUT]->(:Theme)<-[:COVERS]-(g) }
      RETURN collect(DISTINCT earlier) AS stated,
             collect(DISTINCT {findingId: f.id, statement: f.repeatStatement, refersTo: earlier.id}) AS statements
    }
    CALL (required, stated) {
      UNWIND required + stated AS x
      WITH DISTINCT x ORDER BY x.startDate, x.id
      RETURN collect(x.id) AS inspectionIds
    }
    WITH l, g, requirements, statements, inspectionIds
    WHERE size(inspectionIds) >= $minInspections
    OPTIONAL MATCH (p:Provider)-[:RUNS]->(l)
    WITH l, g, requirements, statements, inspectionIds, min(p.id) AS providerId
    RETURN l.id AS locationId, providerId, g.id AS regulationId, inspectionIds,
           [q IN requirements | q.id] AS requirementIds, statements
    ORDER BY size(inspectionIds) DESC, locationId, regulationId
    LIMIT $first`,
  parse: (row) => ({
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
  }),
});

export function findRepeatedBreaches(db: Database, args: RepeatedBreachArgs): Promise<RepeatedBreachRow[]> {
  return db.read(repeatedBreachesQuery, args);
}
