/**
 * The named Cypher statements that write data-file rows. Every node is MERGEd on the key the
 * report loader uses. Values reports also write (a location's name, an inspection's grade...) are
 * only filled when absent, so a report always wins; values only data files give (postcode,
 * registration status, Companies House number...) are refreshed by the latest file but never set
 * to null. Each node a row touched is linked `RECORDED_IN {row}` to the file's Report node.
 */
import { defineQuery, defineStatement, read } from '../../db/query.ts';

export interface DataReportParams {
  sha256: string;
  fileName: string;
  format: string;
  family: string;
  parserVersion: string;
}

/** The Report node of a data file; an older version of the same file (same name and kind) goes. */
export const upsertDataReport = defineStatement<DataReportParams>(
  'datasets.upsert-report',
  `MERGE (r:Report {sha256: $sha256})
     ON CREATE SET r.ingestedAt = datetime()
   SET r.fileName = $fileName, r.format = $format, r.family = $family,
       r.parser = 'dataset', r.parserVersion = $parserVersion, r.warnings = [], r.loadedRows = null
   WITH r
   OPTIONAL MATCH (old:Report {family: $family, fileName: $fileName}) WHERE old.sha256 <> $sha256
   DETACH DELETE old`,
);

export const completeDataReport = defineStatement<{
  sha256: string;
  rows: number;
  problems: string[];
}>(
  'datasets.complete-report',
  `MATCH (r:Report {sha256: $sha256})
   SET r.loadedRows = $rows, r.warnings = $problems`,
);

/** A data file counts as loaded only once its last batch is in (loadedRows set). */
export const findLoadedDataReport = defineQuery<{ sha256: string }, { rows: number }>({
  name: 'datasets.find-loaded-report',
  cypher:
    'MATCH (r:Report {sha256: $sha256}) WHERE r.loadedRows IS NOT NULL RETURN r.loadedRows AS rows',
  parse: (row) => ({ rows: read.number(row, 'rows') }),
});

export interface LocationRow {
  id: string;
  regulator: string;
  row: number;
  shared: Record<string, unknown>;
  own: Record<string, unknown>;
}

export const writeDataLocations = defineStatement<{ sha256: string; locations: LocationRow[] }>(
  'datasets.write-locations',
  `MATCH (rep:Report {sha256: $sha256})
   UNWIND $locations AS row
   MERGE (reg:Regulator {code: row.regulator})
   MERGE (l:Location {id: row.id})
   SET l.urn = coalesce(l.urn, row.shared.urn),
       l.cqcId = coalesce(l.cqcId, row.shared.cqcId),
       l.name = coalesce(l.name, row.shared.name),
       l.type = coalesce(l.type, row.shared.type),
       l.capacity = coalesce(l.capacity, row.shared.capacity),
       l.description = coalesce(l.description, row.shared.description),
       l.regionCode = CASE WHEN l.region IS NULL THEN row.shared.regionCode ELSE l.regionCode END,
       l.region = coalesce(l.region, row.shared.region),
       l.regionText = coalesce(l.regionText, row.shared.regionText),
       l.localAuthorityCode = CASE WHEN l.localAuthority IS NULL THEN row.shared.localAuthorityCode ELSE l.localAuthorityCode END,
       l.localAuthority = coalesce(l.localAuthority, row.shared.localAuthority),
       l.localAuthorityText = coalesce(l.localAuthorityText, row.shared.localAuthorityText),
       l.address = coalesce(l.address, row.shared.address)
   SET l += row.own
   MERGE (l)-[:REGULATED_BY]->(reg)
   MERGE (l)-[rec:RECORDED_IN]->(rep)
   SET rec.row = row.row`,
);

export interface ProviderRow {
  id: string;
  row: number;
  shared: Record<string, unknown>;
  own: Record<string, unknown>;
  runs: string[];
}

export const writeDataProviders = defineStatement<{ sha256: string; providers: ProviderRow[] }>(
  'datasets.write-providers',
  `MATCH (rep:Report {sha256: $sha256})
   UNWIND $providers AS row
   MERGE (p:Provider {id: row.id})
   SET p.name = coalesce(p.name, row.shared.name),
       p.address = coalesce(p.address, row.shared.address)
   SET p += row.own
   MERGE (p)-[rec:RECORDED_IN]->(rep)
   SET rec.row = row.row
   WITH p, row
   UNWIND row.runs AS locationId
   MATCH (l:Location {id: locationId})
   MERGE (p)-[:RUNS]->(l)`,
);

export interface InspectionRow {
  id: string;
  locationId: string;
  regulator: string;
  row: number;
  type: string;
  startDate: string | null;
  publishedOn: string | null;
  overallGrade: string | null;
  overallGradeText: string | null;
  own: Record<string, unknown>;
  judgements: {
    id: string;
    area: string;
    ordinal: number;
    grade: string | null;
    gradeText: string;
  }[];
}

/**
 * Inspections a row records. One that no report has described yet is created like a report's
 * history row (`hasReport = false`); its judgements are written only while no report describes it,
 * since a report's own judgements are the fuller account.
 */
export const writeDataInspections = defineStatement<{
  sha256: string;
  family: string;
  inspections: InspectionRow[];
}>(
  'datasets.write-inspections',
  `MATCH (rep:Report {sha256: $sha256})
   UNWIND $inspections AS row
   MATCH (l:Location {id: row.locationId})
   MERGE (reg:Regulator {code: row.regulator})
   MERGE (i:Inspection {id: row.id})
     ON CREATE SET i.type = row.type, i.startDate = date(row.startDate), i.hasReport = false
   SET i.overallGrade = coalesce(i.overallGrade, row.overallGrade),
       i.overallGradeText = coalesce(i.overallGradeText, row.overallGradeText),
       i.publishedOn = coalesce(i.publishedOn, date(row.publishedOn))
   SET i += row.own
   MERGE (i)-[:OF]->(l)
   MERGE (i)-[:BY]->(reg)
   MERGE (i)-[rec:RECORDED_IN]->(rep)
   SET rec.row = row.row
   WITH i, row WHERE i.hasReport = false
   UNWIND row.judgements AS j
   MERGE (n:Judgement {id: j.id})
     ON CREATE SET n.area = j.area, n.ordinal = j.ordinal, n.grade = j.grade, n.gradeText = j.gradeText, n.family = $family
   MERGE (i)-[:HAS_JUDGEMENT]->(n)`,
);
