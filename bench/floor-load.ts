/**
 * The partial ingest floor: the same ReportDocuments written with one minimal hand-written UNWIND
 * query per batch of reports, but only part of each (location, inspection, requirements,
 * findings; no history, providers, judgements, recommendations, enforcement, themes, citations,
 * repeats or provenance), about a third of the relationships our loader writes. The floor the
 * ratio is taken against writes the same graph (floor-same-graph.ts); this one shows what the
 * rest of the graph costs. Plans are kept as our loader keeps its own (`replan=skip`), so neither
 * side is replanned while the graph grows.
 */
import type { Driver } from 'neo4j-driver';
import type { ReportDocument } from '../src/model/document.ts';

const FLOOR_CYPHER = `CYPHER replan=skip
  UNWIND $reports AS rep
  MERGE (l:Location {id: rep.locationId})
  MERGE (i:Inspection {id: rep.inspectionId})
  SET i.startDate = date(rep.startDate), i.type = rep.type, i.overallGrade = rep.grade
  MERGE (i)-[:OF]->(l)
  WITH i, rep
  CALL (i, rep) {
    UNWIND rep.requirements AS r
    MERGE (q:Requirement {id: r.id}) SET q.text = r.text
    MERGE (i)-[:REQUIRED]->(q)
  }
  CALL (i, rep) {
    UNWIND rep.findings AS f
    MERGE (n:Finding {id: f.id}) SET n.text = f.text, n.polarity = f.polarity
    MERGE (i)-[:FOUND]->(n)
  }`;

function toFloorRow(doc: ReportDocument) {
  return {
    locationId: doc.location.id,
    inspectionId: doc.inspection.id,
    startDate: doc.inspection.startDate,
    type: doc.inspection.type,
    grade: doc.inspection.overallGrade,
    requirements: doc.requirements.map((r) => ({ id: r.id, text: r.text })),
    findings: doc.findings.map((f) => ({ id: f.id, text: f.text, polarity: f.polarity })),
  };
}

export async function loadFloor(
  driver: Driver,
  docs: readonly ReportDocument[],
  batchSize: number,
): Promise<void> {
  for (let start = 0; start < docs.length; start += batchSize) {
    await driver.executeQuery(FLOOR_CYPHER, {
      reports: docs.slice(start, start + batchSize).map(toFloorRow),
    });
  }
}
