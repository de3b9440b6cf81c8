/**
 * The ingest floor: the same ReportDocuments written with one minimal hand-written UNWIND query
 * per report (location, inspection, requirements, findings; no history, themes, citations,
 * reference links or version replacement). What our loader does beyond this is its cost.
 */
import type { Driver } from 'neo4j-driver';
import type { ReportDocument } from '../src/ingest/document.ts';

const FLOOR_CYPHER = `
  MERGE (l:Location {id: $locationId})
  MERGE (i:Inspection {id: $inspectionId})
  SET i.startDate = date($startDate), i.type = $type, i.overallGrade = $grade
  MERGE (i)-[:OF]->(l)
  WITH i
  CALL (i) {
    UNWIND $requirements AS r
    MERGE (q:Requirement {id: r.id}) SET q.text = r.text
    MERGE (i)-[:REQUIRED]->(q)
  }
  CALL (i) {
    UNWIND $findings AS f
    MERGE (n:Finding {id: f.id}) SET n.text = f.text, n.polarity = f.polarity
    MERGE (i)-[:FOUND]->(n)
  }`;

export async function loadFloor(driver: Driver, docs: readonly ReportDocument[]): Promise<void> {
  for (const doc of docs) {
    await driver.executeQuery(FLOOR_CYPHER, {
      locationId: doc.location.id,
      inspectionId: doc.inspection.id,
      startDate: doc.inspection.startDate,
      type: doc.inspection.type,
      grade: doc.inspection.overallGrade,
      requirements: doc.requirements.map((r) => ({ id: r.id, text: r.text })),
      findings: doc.findings.map((f) => ({ id: f.id, text: f.text, polarity: f.polarity })),
    });
  }
}
