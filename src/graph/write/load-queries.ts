/**
 * The named Cypher statements that write a batch of ReportDocuments. Each UNWINDs every report of
 * the batch, so a batch costs one round trip per statement, not one per report. All MERGE on
 * deterministic keys so a retried transaction or a re-ingested file leaves the graph as it was.
 */
import { defineQuery, defineStatement, read } from '../../db/query.ts';

/**
 * Prefixes every batched write. Neo4j replans a cached query when the graph's statistics drift
 * by more than 75% from those it was planned with, at most every 10 s per query; during an ingest
 * into a new or small graph that is all the time, and planning these statements costs far more
 * than running them on a batch, so the loader's plans were discarded as stale again and again.
 * Skipping the replan is safe for these statements because none has a plan choice
 * the statistics could change: every node is found by a unique-constraint seek or by expanding
 * from one, and EXPLAIN gives the same operators on an empty graph and on the loaded one (only
 * where properties are cached differs).
 */
const PLAN_ONCE = 'CYPHER replan=skip';
/** One row per report, holding the fields that statement reads (built by `statementRows` in load-batch-rows.ts). */
export type Reports = { reports: readonly object[] };

/**
 * Regulation nodes cited by the batch but missing from the catalogues are created, marked as such.
 * Done once per batch, before the statements that link to them, so those only MATCH a Regulation:
 * a MERGE there made the planner add Eager (label read/set conflicts) to every one of them.
 */
export const ensureRegulations = defineStatement<{ regulations: Record<string, unknown>[] }>(
  'load.ensure-regulations',
  `${PLAN_ONCE}
   UNWIND $regulations AS rg
   MERGE (leg:Legislation {id: rg.legislation})
   MERGE (g:Regulation {id: rg.regulationId})
     ON CREATE SET g.number = rg.number, g.heading = rg.title, g.status = 'seen-in-report'
   MERGE (g)-[:PART_OF]->(leg)`,
);

const LINK_REGULATION = 'MATCH (g:Regulation {id: rg.regulationId})';

/**
 * `synthetic` on a node several reports share (Location, Provider, Inspection): true only while
 * every report that wrote it is generated. Set on create from the report; a real report's write
 * clears it for good. A node written before the flag existed (no property) counts as real, as
 * do nodes written only by data files, which never set it: reads take a missing flag as false.
 */
function sharedSyntheticFlag(node: string): { onCreate: string; set: string } {
  return {
    onCreate: `ON CREATE SET ${node}.synthetic = rep.report.synthetic`,
    set: `${node}.synthetic = coalesce(${node}.synthetic, false) AND rep.report.synthetic`,
  };
}
const LOCATION_FLAG = sharedSyntheticFlag('l');
const INSPECTION_FLAG = sharedSyntheticFlag('i');
const HISTORY_FLAG = sharedSyntheticFlag('p');
const PROVIDER_FLAG = sharedSyntheticFlag('p');

/** Location fields are coalesced (a report never erases what another gave); the report's own inspection fields are its own. */
export const upsertInspections = defineStatement<Reports>(
  'load.upsert-inspections',
  `${PLAN_ONCE}
   UNWIND $reports AS rep
   MERGE (reg:Regulator {code: rep.regulator})
   MERGE (l:Location {id: rep.location.id})
     ${LOCATION_FLAG.onCreate}
   SET ${LOCATION_FLAG.set},
       l.urn = coalesce(rep.location.urn, l.urn),
       l.cqcId = coalesce(rep.location.cqcId, l.cqcId),
       l.name = coalesce(rep.location.name, l.name),
       l.type = coalesce(rep.location.type, l.type),
       l.capacity = coalesce(rep.location.capacity, l.capacity),
       l.description = coalesce(rep.location.description, l.description),
       l.regionCode = CASE WHEN rep.location.region IS NULL THEN l.regionCode ELSE rep.location.regionCode END,
       l.region = coalesce(rep.location.region, l.region),
       l.regionText = coalesce(rep.location.regionText, l.regionText),
       l.localAuthorityCode = CASE WHEN rep.location.localAuthority IS NULL THEN l.localAuthorityCode ELSE rep.location.localAuthorityCode END,
       l.localAuthority = coalesce(rep.location.localAuthority, l.localAuthority),
       l.localAuthorityText = coalesce(rep.location.localAuthorityText, l.localAuthorityText),
       l.address = coalesce(rep.location.address, l.address)
   MERGE (l)-[:REGULATED_BY]->(reg)
   MERGE (i:Inspection {id: rep.inspection.id})
     ${INSPECTION_FLAG.onCreate}
   SET ${INSPECTION_FLAG.set},
       i.type = rep.inspection.type,
       i.startDate = date(rep.inspection.startDate),
       i.endDate = date(rep.inspection.endDate),
       i.framework = rep.inspection.framework,
       i.overallGrade = rep.inspection.overallGrade,
       i.overallGradeText = rep.inspection.overallGradeText,
       i.statedRatingDirection = rep.inspection.ratingDirection,
       i.statedPreviousGrade = rep.inspection.previousGrade,
       i.publishedOn = coalesce(date(rep.inspection.publishedOn), i.publishedOn),
       i.people = rep.inspection.people,
       i.visits = rep.inspection.visits,
       i.hasReport = true
   MERGE (i)-[:OF]->(l)
   MERGE (i)-[:BY]->(reg)
   MERGE (r:Report {sha256: rep.report.sha256})
     ON CREATE SET r.ingestedAt = datetime()
   SET r.fileName = rep.report.fileName, r.format = rep.report.format, r.family = rep.report.family,
       r.parser = rep.report.parser, r.parserVersion = rep.report.parserVersion,
       r.ingestVersion = rep.report.ingestVersion, r.readingKey = rep.report.readingKey, r.warnings = rep.report.warnings,
       r.synthetic = rep.report.synthetic
   MERGE (i)-[:REPORTED_IN]->(r)`,
);

export const upsertProviders = defineStatement<Reports>(
  'load.upsert-providers',
  `${PLAN_ONCE}
   UNWIND $reports AS rep
   WITH rep WHERE rep.provider IS NOT NULL
   MATCH (l:Location {id: rep.location.id})
   MERGE (p:Provider {id: rep.provider.id})
     ${PROVIDER_FLAG.onCreate}
   SET ${PROVIDER_FLAG.set},
       p.name = coalesce(rep.provider.name, p.name), p.address = coalesce(rep.provider.address, p.address)
   MERGE (p)-[:RUNS]->(l)`,
);

/**
 * A new version of the same report family replaces the previous one: its Report node and every
 * node the inspection took from a report of that family go, and are written again below.
 */
export const removePreviousVersions = defineStatement<Reports>(
  'load.remove-previous-versions',
  `${PLAN_ONCE}
   UNWIND $reports AS rep
   MATCH (i:Inspection {id: rep.inspection.id})
   CALL (i, rep) {
     MATCH (i)-[:REPORTED_IN]->(old:Report {family: rep.report.family})
     WHERE old.sha256 <> rep.report.sha256 AND coalesce(old.readingKey, '') <> rep.report.readingKey
     OPTIONAL MATCH (old)-[:HAS_SENTENCES]->(sentences:ReportSentences)
     DETACH DELETE old, sentences
   }
   CALL (i, rep) {
     MATCH (i)-[:FOUND|REQUIRED|RECOMMENDED|LED_TO|HAS_JUDGEMENT]->(x {family: rep.report.family})
     DETACH DELETE x
   }`,
);

/**
 * The same file read again under another inspection id (an earlier ingest version left it
 * undated, or placed it at a content-hash location): what the earlier read wrote goes, so the
 * inspection is not counted twice. Its inspection goes too once no report or data row records
 * it, closing the PREVIOUS chain over it, and so does another location it was placed at once no
 * report or data row records anything there.
 */
export const removeEarlierReads = defineStatement<Reports>(
  'load.remove-earlier-reads',
  `${PLAN_ONCE}
   UNWIND $reports AS rep
   MATCH (old:Inspection)-[read:REPORTED_IN]->(:Report {sha256: rep.report.sha256})
   WHERE old.id <> rep.inspection.id
   CALL (old, rep) {
     MATCH (old)-[:FOUND|REQUIRED|RECOMMENDED|LED_TO|HAS_JUDGEMENT]->(x {family: rep.report.family})
     DETACH DELETE x
   }
   DELETE read
   WITH old, rep
   WHERE NOT EXISTS { (old)-[:REPORTED_IN|RECORDED_IN]->() }
   OPTIONAL MATCH (old)-[:OF]->(l:Location)
   CALL (old) {
     MATCH (later:Inspection)-[:PREVIOUS]->(old)-[:PREVIOUS]->(earlier:Inspection)
     MERGE (later)-[:PREVIOUS]->(earlier)
   }
   DETACH DELETE old
   WITH l, rep
   WHERE l IS NOT NULL AND l.id <> rep.location.id
     AND NOT EXISTS { (l)<-[:OF]-(:Inspection)-[:REPORTED_IN|RECORDED_IN]->() }
     AND NOT EXISTS { (l)-[:RECORDED_IN]->() }
   // Left with only the history rows the earlier read listed, the location goes with them.
   CALL (l) {
     MATCH (l)<-[:OF]-(h:Inspection)
     DETACH DELETE h
   }
   DETACH DELETE l`,
);

/** Earlier inspections listed in a report; an inspection's own report later upgrades it in place. */
export const writeHistory = defineStatement<Reports>(
  'load.write-history',
  `${PLAN_ONCE}
   UNWIND $reports AS rep
   MATCH (l:Location {id: rep.location.id}), (reg:Regulator {code: rep.regulator})
   UNWIND rep.history AS h
   MERGE (p:Inspection {id: h.id})
     ON CREATE SET p.type = h.type, p.startDate = date(h.date), p.endDate = date(h.date), p.hasReport = false,
       p.synthetic = rep.report.synthetic
   SET ${HISTORY_FLAG.set},
       p.overallGrade = coalesce(p.overallGrade, h.grade),
       p.overallGradeText = coalesce(p.overallGradeText, h.gradeText)
   MERGE (p)-[:OF]->(l)
   MERGE (p)-[:BY]->(reg)`,
);

/**
 * Rebuilds each touched location's PREVIOUS chain in date order, so it stays right whatever order
 * reports arrive in. Only links that changed are deleted; the rest are kept as they are.
 */
export const linkPreviousInspections = defineStatement<{ locationIds: string[] }>(
  'load.link-previous-inspections',
  `${PLAN_ONCE}
   UNWIND $locationIds AS locationId
   CALL (locationId) {
     MATCH (:Location {id: locationId})<-[:OF]-(i:Inspection)
     WITH i ORDER BY i.startDate, i.id
     WITH collect(i) AS chain
     UNWIND range(0, size(chain) - 1) AS k
     WITH chain[k] AS later, CASE WHEN k > 0 THEN chain[k - 1] END AS earlier
     CALL (later, earlier) {
       MATCH (later)-[old:PREVIOUS]->(other)
       WHERE earlier IS NULL OR other <> earlier
       DELETE old
     }
     WITH later, earlier WHERE earlier IS NOT NULL
     MERGE (later)-[:PREVIOUS]->(earlier)
   }`,
);

/**
 * Sets every inspection's `ratingDirection` and `ratingDirectionSource` at the touched locations,
 * after their PREVIOUS chains are rebuilt, so an earlier inspection loaded later still updates
 * the later ones. An interim judgement is its own direction. Otherwise the overall grade is
 * compared with the nearest inspection of an earlier start date with a grade on the scale (a
 * history row counts: its grade is the grade); one of the same date is the same event read from
 * another source, not an earlier one. Without one, the report's stated direction stands. Only
 * changed values are written.
 */
export const setRatingDirections = defineStatement<{ locationIds: string[] }>(
  'load.set-rating-directions',
  `${PLAN_ONCE}
   WITH {OUTSTANDING: 4, GOOD: 3, ADEQUATE: 2, REQUIRES_IMPROVEMENT: 2, INADEQUATE: 1} AS rank,
        {IMPROVED_EFFECTIVENESS: 'UP', SUSTAINED_EFFECTIVENESS: 'SAME', DECLINED_IN_EFFECTIVENESS: 'DOWN'} AS interim
   UNWIND $locationIds AS locationId
   CALL (locationId, rank, interim) {
     MATCH (:Location {id: locationId})<-[:OF]-(i:Inspection)
     WITH i ORDER BY i.startDate, i.id
     WITH collect(i) AS chain
     UNWIND chain AS later
     WITH later, rank[later.overallGrade] AS ra,
          last([e IN chain WHERE e.startDate < later.startDate AND rank[e.overallGrade] IS NOT NULL]) AS before
     WITH later, CASE
         WHEN interim[later.overallGrade] IS NOT NULL THEN [interim[later.overallGrade], 'INTERIM_JUDGEMENT']
         WHEN ra IS NOT NULL AND before IS NOT NULL THEN
           [CASE WHEN ra > rank[before.overallGrade] THEN 'UP' WHEN ra < rank[before.overallGrade] THEN 'DOWN' ELSE 'SAME' END, 'COMPARED']
         WHEN later.statedRatingDirection IS NOT NULL THEN [later.statedRatingDirection, 'STATED']
         ELSE [null, null]
       END AS direction
     WITH later, direction
     WHERE coalesce(later.ratingDirection, '') <> coalesce(direction[0], '')
        OR coalesce(later.ratingDirectionSource, '') <> coalesce(direction[1], '')
     SET later.ratingDirection = direction[0], later.ratingDirectionSource = direction[1]
   }`,
);

export const writeJudgements = defineStatement<Reports>(
  'load.write-judgements',
  `${PLAN_ONCE}
   UNWIND $reports AS rep
   MATCH (i:Inspection {id: rep.inspection.id})
   UNWIND rep.judgements AS j
   MERGE (n:Judgement {id: j.id})
   SET n.area = j.area, n.ordinal = j.ordinal, n.grade = j.grade, n.gradeText = j.gradeText, n.family = rep.report.family,
       n.synthetic = rep.report.synthetic
   MERGE (i)-[:HAS_JUDGEMENT]->(n)`,
);

export const writeRequirements = defineStatement<Reports>(
  'load.write-requirements',
  `${PLAN_ONCE}
   UNWIND $reports AS rep
   MATCH (i:Inspection {id: rep.inspection.id})
   UNWIND rep.requirements AS r
   MERGE (q:Requirement {id: r.id})
   SET q.text = r.text, q.paragraphs = r.paragraphs, q.dueDate = date(r.dueDate), q.complianceNotice = r.complianceNotice,
       q.offset = r.offset, q.line = r.line, q.contextWindow = r.context, q.family = rep.report.family, q.reportSha = rep.report.sha256,
       q.synthetic = rep.report.synthetic
   MERGE (i)-[:REQUIRED]->(q)
   WITH q, r.regulation AS rg WHERE rg IS NOT NULL
   ${LINK_REGULATION}
   MERGE (q)-[:UNDER]->(g)`,
);

export const writeRecommendations = defineStatement<Reports>(
  'load.write-recommendations',
  `${PLAN_ONCE}
   UNWIND $reports AS rep
   MATCH (i:Inspection {id: rep.inspection.id})
   UNWIND rep.recommendations AS r
   MERGE (n:Recommendation {id: r.id})
   SET n.text = r.text, n.offset = r.offset, n.line = r.line, n.contextWindow = r.context, n.family = rep.report.family, n.reportSha = rep.report.sha256,
       n.synthetic = rep.report.synthetic
   MERGE (i)-[:RECOMMENDED]->(n)`,
);

/** Runs after `writeRequirements`: a compliance notice links the requirements it covers. */
export const writeEnforcement = defineStatement<Reports>(
  'load.write-enforcement',
  `${PLAN_ONCE}
   UNWIND $reports AS rep
   MATCH (i:Inspection {id: rep.inspection.id})
   UNWIND rep.enforcement AS e
   MERGE (n:EnforcementAction {id: e.id})
   SET n.type = e.type, n.legalBasis = e.legalBasis, n.count = e.count, n.issuedOn = date(e.issuedOn),
       n.complyBy = date(e.complyBy), n.text = e.text, n.offset = e.offset, n.line = e.line, n.contextWindow = e.context,
       n.family = rep.report.family, n.reportSha = rep.report.sha256, n.synthetic = rep.report.synthetic
   MERGE (i)-[:LED_TO]->(n)
   WITH n, e
   CALL (n, e) {
     UNWIND e.requirementIds AS requirementId
     MATCH (q:Requirement {id: requirementId})
     MERGE (q)-[:ENFORCED_BY]->(n)
   }
   WITH n, e.regulation AS rg WHERE rg IS NOT NULL
   ${LINK_REGULATION}
   MERGE (n)-[:UNDER]->(g)`,
);

export const writeFindings = defineStatement<Reports>(
  'load.write-findings',
  `${PLAN_ONCE}
   UNWIND $reports AS rep
   MATCH (i:Inspection {id: rep.inspection.id})
   UNWIND rep.findings AS f
   MERGE (n:Finding {id: f.id})
   SET n.text = f.text, n.section = f.section, n.polarity = f.polarity, n.offset = f.offset, n.line = f.line, n.pointer = f.pointer,
       n.contextWindow = f.context,
       n.repeatStatement = f.repeatStatement, n.boilerplate = f.boilerplate, n.family = rep.report.family,
       n.reportSha = rep.report.sha256, n.synthetic = rep.report.synthetic,
       n.labelSource = f.labelSource, n.labelId = f.labelId, n.labelName = f.labelName, n.labelScore = f.labelScore
   MERGE (i)-[:FOUND]->(n)
   WITH n, f
   CALL (n, f) {
     UNWIND f.themes AS t
     MERGE (th:Theme {id: t.id})
     MERGE (n)-[a:ABOUT]->(th)
     SET a.terms = t.terms, a.confidence = t.confidence
   }
   CALL (n, f) {
     UNWIND f.citations AS rg
     ${LINK_REGULATION}
     MERGE (n)-[c:CITES]->(g)
     SET c.text = rg.text, c.inRepeatStatement = rg.inRepeatStatement
   }
   CALL (n, f) {
     WITH f WHERE f.repeatRefersTo IS NOT NULL
     MATCH (earlier:Inspection {id: f.repeatRefersTo})
     MERGE (n)-[:REPEATS]->(earlier)
   }`,
);

/**
 * The sentences of each report near its items (model/source-context.ts), on a node of their own
 * so that reading a Report (every `source { report }`) does not carry them.
 */
export const writeReportSentences = defineStatement<{ reports: readonly object[] }>(
  'load.write-report-sentences',
  `${PLAN_ONCE}
   UNWIND $reports AS rep
   MATCH (r:Report {sha256: rep.report.sha256})
   MERGE (s:ReportSentences {sha256: rep.report.sha256})
   SET s.sentences = rep.sentences
   MERGE (r)-[:HAS_SENTENCES]->(s)`,
);

/** Reports among `shas` loaded by ingest version `ingestVersion`: earlier versions are read again. */
export const findLoadedReportShas = defineQuery<
  { shas: string[]; ingestVersion: string },
  { sha256: string }
>({
  name: 'load.find-loaded-shas',
  cypher:
    'MATCH (r:Report) WHERE r.sha256 IN $shas AND r.ingestVersion = $ingestVersion RETURN r.sha256 AS sha256',
  parse: (row) => ({ sha256: read.string(row, 'sha256') }),
});
