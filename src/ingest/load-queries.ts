/**
 * The named Cypher statements that write one ReportDocument. All MERGE on deterministic keys so
 * a retried transaction or a re-ingested file leaves the graph as it was.
 */
import { defineQuery, defineStatement, read } from '../db/query.ts';
import type { LoadParams } from './load-rows.ts';

type Rows<K extends keyof LoadParams> = Pick<LoadParams, K>;

/** Regulation nodes cited by a report but missing from the catalogues are created, marked as such. */
const ENSURE_REGULATION = `
  MERGE (leg:Legislation {id: rg.legislation})
  MERGE (g:Regulation {id: rg.regulationId})
    ON CREATE SET g.number = rg.number, g.heading = rg.title, g.status = 'seen-in-report'
  MERGE (g)-[:PART_OF]->(leg)`;

export const upsertInspection = defineStatement<Rows<'report' | 'regulator' | 'location' | 'inspection'>>(
  'load.upsert-inspection',
  `MERGE (reg:Regulator {code: $regulator})
   MERGE (l:Location {id: $location.id})
   SET l.urn = coalesce($location.urn, l.urn),
       l.cqcId = coalesce($location.cqcId, l.cqcId),
       l.name = coalesce($location.name, l.name),
       l.type = coalesce($location.type, l.type),
       l.capacity = coalesce($location.capacity, l.capacity),
       l.description = coalesce($location.description, l.description),
       l.region = coalesce($location.region, l.region),
       l.localAuthority = coalesce($location.localAuthority, l.localAuthority)
   MERGE (l)-[:REGULATED_BY]->(reg)
   MERGE (i:Inspection {id: $inspection.id})
   SET i.type = $inspection.type,
       i.startDate = date($inspection.startDate),
       i.endDate = date($inspection.endDate),
       i.framework = $inspection.framework,
       i.overallGrade = $inspection.overallGrade,
       i.overallGradeText = $inspection.overallGradeText,
       i.ratingDirection = $inspection.ratingDirection,
       i.people = $inspection.people,
       i.hasReport = true
   MERGE (i)-[:OF]->(l)
   MERGE (i)-[:BY]->(reg)
   WITH i
   MERGE (r:Report {sha256: $report.sha256})
     ON CREATE SET r.ingestedAt = datetime()
   SET r.fileName = $report.fileName, r.format = $report.format, r.family = $report.family,
       r.parser = $report.parser, r.parserVersion = $report.parserVersion, r.warnings = $report.warnings
   MERGE (i)-[:REPORTED_IN]->(r)`,
);

export const upsertProvider = defineStatement<{ locationId: string; provider: NonNullable<LoadParams['provider']> }>(
  'load.upsert-provider',
  `MATCH (l:Location {id: $locationId})
   MERGE (p:Provider {id: $provider.id})
   SET p.name = coalesce($provider.name, p.name), p.address = coalesce($provider.address, p.address)
   MERGE (p)-[:RUNS]->(l)`,
);

/**
 * A new version of the same report family replaces the previous one: its Report node and every
 * node the inspection took from a report of that family go, and are written again below.
 */
export const removePreviousVersion = defineStatement<{ inspectionId: string; sha256: string; family: string }>(
  'load.remove-previous-version',
  `MATCH (i:Inspection {id: $inspectionId})
   OPTIONAL MATCH (i)-[:REPORTED_IN]->(old:Report {family: $family}) WHERE old.sha256 <> $sha256
   DETACH DELETE old
   WITH DISTINCT i
   OPTIONAL MATCH (i)-[:FOUND|REQUIRED|RECOMMENDED|LED_TO|HAS_JUDGEMENT]->(x {family: $family})
   DETACH DELETE x`,
);

export const writeJudgements = defineStatement<{ inspectionId: string; family: string } & Rows<'judgements'>>(
  'load.write-judgements',
  `MATCH (i:Inspection {id: $inspectionId})
   UNWIND $judgements AS j
   MERGE (n:Judgement {id: j.id})
   SET n.area = j.area, n.ordinal = j.ordinal, n.grade = j.grade, n.gradeText = j.gradeText, n.family = $family
   MERGE (i)-[:HAS_JUDGEMENT]->(n)`,
);

/** Earlier inspections listed in a report; an inspection's own report later upgrades it in place. */
export const writeHistory = defineStatement<{ locationId: string; regulator: string } & Rows<'history'>>(
  'load.write-history',
  `MATCH (l:Location {id: $locationId}), (reg:Regulator {code: $regulator})
   UNWIND $history AS h
   MERGE (p:Inspection {id: h.id})
     ON CREATE SET p.type = h.type, p.startDate = date(h.date), p.endDate = date(h.date), p.hasReport = false
   SET p.overallGrade = coalesce(p.overallGrade, h.grade),
       p.overallGradeText = coalesce(p.overallGradeText, h.gradeText)
   MERGE (p)-[:OF]->(l)
   MERGE (p)-[:BY]->(reg)`,
);

/** Rebuilds the location's PREVIOUS chain in date order, so it stays right whatever order reports arrive in. */
export const linkPreviousInspections = defineStatement<{ locationId: string }>(
  'load.link-previous-inspections',
  `MATCH (:Location {id: $locationId})<-[:OF]-(i:Inspection)
   WITH i ORDER BY i.startDate, i.id
   WITH collect(i) AS chain
   CALL (chain) {
     UNWIND chain AS i
     MATCH (i)-[old:PREVIOUS]->()
     DELETE old
   }
   UNWIND range(1, size(chain) - 1) AS k
   WITH chain[k] AS later, chain[k - 1] AS earlier
   MERGE (later)-[:PREVIOUS]->(earlier)`,
);

export const writeRequirements = defineStatement<{ inspectionId: string; family: string; sha256: string } & Rows<'requirements'>>(
  'load.write-requirements',
  `MATCH (i:Inspection {id: $inspectionId})
   UNWIND $requirements AS r
   MERGE (q:Requirement {id: r.id})
   SET q.text = r.text, q.paragraphs = r.paragraphs, q.dueDate = date(r.dueDate),
       q.complianceNotice = r.complianceNotice, q.offset = r.offset, q.line = r.line, q.family = $family, q.reportSha = $sha256
   MERGE (i)-[:REQUIRED]->(q)
   WITH q, r.regulation AS rg WHERE rg IS NOT NULL
   ${ENSURE_REGULATION}
   MERGE (q)-[:UNDER]->(g)`,
);

export const writeRecommendations = defineStatement<{ inspectionId: string; family: string; sha256: string } & Rows<'recommendations'>>(
  'load.write-recommendations',
  `MATCH (i:Inspection {id: $inspectionId})
   UNWIND $recommendations AS r
   MERGE (n:Recommendation {id: r.id})
   SET n.text = r.text, n.offset = r.offset, n.line = r.line, n.family = $family, n.reportSha = $sha256
   MERGE (i)-[:RECOMMENDED]->(n)`,
);

export const writeEnforcement = defineStatement<{ inspectionId: string; family: string; sha256: string } & Rows<'enforcement'>>(
  'load.write-enforcement',
  `MATCH (i:Inspection {id: $inspectionId})
   UNWIND $enforcement AS e
   MERGE (n:EnforcementAction {id: e.id})
   SET n.type = e.type, n.legalBasis = e.legalBasis, n.count = e.count, n.issuedOn = date(e.issuedOn),
       n.complyBy = date(e.complyBy), n.text = e.text, n.offset = e.offset, n.line = e.line, n.family = $family, n.reportSha = $sha256
   MERGE (i)-[:LED_TO]->(n)
   WITH n, e.regulation AS rg WHERE rg IS NOT NULL
   ${ENSURE_REGULATION}
   MERGE (n)-[:UNDER]->(g)`,
);

export const writeFindings = defineStatement<{ inspectionId: string; family: string; sha256: string } & Rows<'findings'>>(
  'load.write-findings',
  `MATCH (i:Inspection {id: $inspectionId})
   UNWIND $findings AS f
   MERGE (n:Finding {id: f.id})
   SET n.text = f.text, n.section = f.section, n.polarity = f.polarity, n.offset = f.offset, n.line = f.line,
       n.repeatStatement = f.repeatStatement, n.family = $family, n.reportSha = $sha256
   MERGE (i)-[:FOUND]->(n)
   WITH n, f
   CALL (n, f) {
     UNWIND f.themes AS t
     MERGE (th:Theme {id: t.id})
     MERGE (n)-[a:ABOUT]->(th)
     SET a.terms = t.terms
   }
   CALL (n, f) {
     UNWIND f.citations AS rg
     ${ENSURE_REGULATION}
     MERGE (n)-[c:CITES]->(g)
     SET c.text = rg.text
   }
   CALL (n, f) {
     WITH f WHERE f.repeatRefersTo IS NOT NULL
     MATCH (earlier:Inspection {id: f.repeatRefersTo})
     MERGE (n)-[:REPEATS]->(earlier)
   }`,
);

export const findReportBySha = defineQuery<{ sha256: string }, { sha256: string; parserVersion: string | null }>({
  name: 'load.find-report',
  cypher: 'MATCH (r:Report {sha256: $sha256}) RETURN r.sha256 AS sha256, r.parserVersion AS parserVersion',
  parse: (row) => ({ sha256: read.string(row, 'sha256'), parserVersion: read.optionalString(row, 'parserVersion') }),
});
