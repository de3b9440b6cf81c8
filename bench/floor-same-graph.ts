/**
 * The ingest floor: every node, relationship and property our loader writes for a batch of
 * ReportDocuments, written by one hand-written UNWIND query per batch into an emptied graph, the
 * way someone loading a known-fresh corpus once would write it. What it leaves out is what only an
 * incremental loader needs: replacing an earlier version of a report, rebuilding the PREVIOUS
 * chain after every batch (here once, over every location, after the last batch), the summaries'
 * graph version, and retrying a failed batch document by document. The bench counts both graphs
 * by label, relationship type and property, and says whether they match.
 */
import type { Driver } from 'neo4j-driver';
import type { ReportDocument } from '../src/model/document.ts';
import { planBatch } from '../src/graph/write/load-batch-rows.ts';

const SAME_GRAPH_CYPHER = `CYPHER replan=skip
  UNWIND $regulations AS rg
  CALL (rg) {
    MERGE (leg:Legislation {id: rg.legislation})
    MERGE (g:Regulation {id: rg.regulationId})
      ON CREATE SET g.number = rg.number, g.heading = rg.title, g.status = 'seen-in-report'
    MERGE (g)-[:PART_OF]->(leg)
  }
  WITH count(*) AS regulationsDone
  UNWIND $reports AS rep
  MERGE (reg:Regulator {code: rep.regulator})
  MERGE (l:Location {id: rep.location.id})
  SET l.urn = coalesce(rep.location.urn, l.urn), l.cqcId = coalesce(rep.location.cqcId, l.cqcId),
      l.name = coalesce(rep.location.name, l.name), l.type = coalesce(rep.location.type, l.type),
      l.capacity = coalesce(rep.location.capacity, l.capacity), l.description = coalesce(rep.location.description, l.description),
      l.region = coalesce(rep.location.region, l.region), l.localAuthority = coalesce(rep.location.localAuthority, l.localAuthority),
      l.address = coalesce(rep.location.address, l.address), l.synthetic = rep.report.synthetic
  MERGE (l)-[:REGULATED_BY]->(reg)
  MERGE (i:Inspection {id: rep.inspection.id})
  SET i.type = rep.inspection.type, i.startDate = date(rep.inspection.startDate), i.endDate = date(rep.inspection.endDate),
      i.framework = rep.inspection.framework, i.overallGrade = rep.inspection.overallGrade,
      i.overallGradeText = rep.inspection.overallGradeText, i.ratingDirection = rep.inspection.ratingDirection,
      i.publishedOn = coalesce(date(rep.inspection.publishedOn), i.publishedOn), i.people = rep.inspection.people, i.hasReport = true,
      i.synthetic = rep.report.synthetic
  MERGE (i)-[:OF]->(l)
  MERGE (i)-[:BY]->(reg)
  MERGE (r:Report {sha256: rep.report.sha256}) ON CREATE SET r.ingestedAt = datetime()
  SET r.fileName = rep.report.fileName, r.format = rep.report.format, r.family = rep.report.family,
      r.parser = rep.report.parser, r.parserVersion = rep.report.parserVersion, r.warnings = rep.report.warnings,
      r.synthetic = rep.report.synthetic
  MERGE (i)-[:REPORTED_IN]->(r)
  WITH rep, reg, l, i, rep.report.family AS family, rep.report.sha256 AS sha, rep.report.synthetic AS synthetic
  CALL (rep, l) {
    WITH rep WHERE rep.provider IS NOT NULL
    MERGE (p:Provider {id: rep.provider.id})
    SET p.name = coalesce(rep.provider.name, p.name), p.address = coalesce(rep.provider.address, p.address),
        p.synthetic = rep.report.synthetic
    MERGE (p)-[:RUNS]->(l)
  }
  CALL (rep, reg, l) {
    UNWIND rep.history AS h
    MERGE (p:Inspection {id: h.id})
      ON CREATE SET p.type = h.type, p.startDate = date(h.date), p.endDate = date(h.date), p.hasReport = false,
        p.synthetic = rep.report.synthetic
    SET p.overallGrade = coalesce(p.overallGrade, h.grade), p.overallGradeText = coalesce(p.overallGradeText, h.gradeText)
    MERGE (p)-[:OF]->(l)
    MERGE (p)-[:BY]->(reg)
  }
  CALL (rep, i, family, synthetic) {
    UNWIND rep.judgements AS j
    MERGE (n:Judgement {id: j.id})
    SET n.area = j.area, n.ordinal = j.ordinal, n.grade = j.grade, n.gradeText = j.gradeText, n.family = family,
        n.synthetic = synthetic
    MERGE (i)-[:HAS_JUDGEMENT]->(n)
  }
  CALL (rep, i, family, sha, synthetic) {
    UNWIND rep.requirements AS r
    MERGE (q:Requirement {id: r.id})
    SET q.text = r.text, q.paragraphs = r.paragraphs, q.dueDate = date(r.dueDate), q.complianceNotice = r.complianceNotice,
        q.offset = r.offset, q.line = r.line, q.family = family, q.reportSha = sha, q.synthetic = synthetic
    MERGE (i)-[:REQUIRED]->(q)
    WITH q, r WHERE r.regulation IS NOT NULL
    MATCH (g:Regulation {id: r.regulation.regulationId})
    MERGE (q)-[:UNDER]->(g)
  }
  CALL (rep, i, family, sha, synthetic) {
    UNWIND rep.recommendations AS r
    MERGE (n:Recommendation {id: r.id})
    SET n.text = r.text, n.offset = r.offset, n.line = r.line, n.family = family, n.reportSha = sha, n.synthetic = synthetic
    MERGE (i)-[:RECOMMENDED]->(n)
  }
  CALL (rep, i, family, sha, synthetic) {
    UNWIND rep.enforcement AS e
    MERGE (n:EnforcementAction {id: e.id})
    SET n.type = e.type, n.legalBasis = e.legalBasis, n.count = e.count, n.issuedOn = date(e.issuedOn),
        n.complyBy = date(e.complyBy), n.text = e.text, n.offset = e.offset, n.line = e.line, n.family = family, n.reportSha = sha,
        n.synthetic = synthetic
    MERGE (i)-[:LED_TO]->(n)
    WITH n, e WHERE e.regulation IS NOT NULL
    MATCH (g:Regulation {id: e.regulation.regulationId})
    MERGE (n)-[:UNDER]->(g)
  }
  CALL (rep, i, family, sha, synthetic) {
    UNWIND rep.findings AS f
    MERGE (n:Finding {id: f.id})
    SET n.text = f.text, n.section = f.section, n.polarity = f.polarity, n.offset = f.offset, n.line = f.line,
        n.repeatStatement = f.repeatStatement, n.family = family, n.reportSha = sha, n.synthetic = synthetic,
        n.labelSource = f.labelSource, n.labelId = f.labelId, n.labelName = f.labelName, n.labelScore = f.labelScore
    MERGE (i)-[:FOUND]->(n)
    WITH n, f
    CALL (n, f) {
      UNWIND f.themes AS t
      MERGE (th:Theme {id: t.id})
      MERGE (n)-[a:ABOUT]->(th) SET a.terms = t.terms
    }
    CALL (n, f) {
      UNWIND f.citations AS c
      MATCH (g:Regulation {id: c.regulationId})
      MERGE (n)-[k:CITES]->(g) SET k.text = c.text
    }
    CALL (n, f) {
      WITH f WHERE f.repeatRefersTo IS NOT NULL
      MATCH (earlier:Inspection {id: f.repeatRefersTo})
      MERGE (n)-[:REPEATS]->(earlier)
    }
  }`;

/** Once, after every batch: each location's inspections chained in date order. */
const CHAIN_CYPHER = `
  MATCH (l:Location)
  CALL (l) {
    MATCH (l)<-[:OF]-(i:Inspection)
    WITH i ORDER BY i.startDate, i.id
    WITH collect(i) AS chain
    UNWIND range(1, size(chain) - 1) AS k
    WITH chain[k] AS later, chain[k - 1] AS earlier
    CREATE (later)-[:PREVIOUS]->(earlier)
  } IN TRANSACTIONS OF 1000 ROWS`;

export async function loadSameGraphFloor(
  driver: Driver,
  docs: readonly ReportDocument[],
  batchSize: number,
): Promise<void> {
  for (let start = 0; start < docs.length; start += batchSize) {
    const { reports, regulations } = planBatch(docs.slice(start, start + batchSize));
    await driver.executeQuery(SAME_GRAPH_CYPHER, { reports, regulations });
  }
  // CALL IN TRANSACTIONS needs an implicit transaction: a plain session.run.
  const session = driver.session();
  try {
    await session.run(CHAIN_CYPHER);
  } finally {
    await session.close();
  }
}

/** Nodes by label, relationships by type and property keys set, as one sorted line, to compare two graphs. */
export async function describeGraphShape(driver: Driver): Promise<string> {
  const { records } = await driver.executeQuery(`
    CALL () { MATCH (n) UNWIND labels(n) AS label RETURN 'node ' + label AS kind, count(*) AS count, sum(size(keys(n))) AS properties
      UNION ALL MATCH ()-[r]->() RETURN 'rel ' + type(r) AS kind, count(*) AS count, sum(size(keys(r))) AS properties }
    RETURN kind, count, properties ORDER BY kind`);
  return records.map((r) => `${r.get('kind')}=${r.get('count')}/${r.get('properties')}`).join(' ');
}
