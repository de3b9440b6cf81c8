/**
 * What the subscriptions filter on, for inspections and enforcement actions a batch of changes
 * touched: the entity itself and its inspection's location, regulator, providers and reports.
 * One query per batch of changes, shared by every subscriber of the server.
 */
import type { Database } from '../../db/executor.ts';
import { defineQuery, read } from '../../db/query.ts';
import { parseOptionalNode } from '../node-kinds.ts';
import type { EnforcementRow, InspectionRow } from '../rows.ts';

export interface ChangeSubject {
  id: string;
  inspection: InspectionRow | null;
  enforcement: EnforcementRow | null;
  /** Stored enforcement type (model/enforcement-type.ts), null for an inspection. */
  enforcementType: string | null;
  inspectionType: string | null;
  /** sha256 of the reports the inspection is reported in. */
  reportShas: string[];
  locationId: string | null;
  region: string | null;
  localAuthority: string | null;
  regulator: string | null;
  providerIds: string[];
}

export const readChangeSubjects = defineQuery<
  { inspectionIds: string[]; enforcementIds: string[] },
  ChangeSubject
>({
  name: 'changes.read-subjects',
  cypher: `
    CALL () {
      UNWIND $inspectionIds AS id
      MATCH (i:Inspection {id: id})
      RETURN id, i, null AS e
      UNION ALL
      UNWIND $enforcementIds AS id
      MATCH (i:Inspection)-[:LED_TO]->(e:EnforcementAction {id: id})
      RETURN id, i, e
    }
    OPTIONAL MATCH (i)-[:OF]->(l:Location)
    OPTIONAL MATCH (i)-[:BY]->(reg:Regulator)
    RETURN id, CASE WHEN e IS NULL THEN i END AS inspection, e AS enforcement,
           e.type AS enforcementType, i.type AS inspectionType,
           [(i)-[:REPORTED_IN]->(r:Report) | r.sha256] AS reportShas,
           l.id AS locationId, l.region AS region, l.localAuthority AS localAuthority,
           reg.code AS regulator, [(p:Provider)-[:RUNS]->(l) | p.id] AS providerIds`,
  parse: (row) => ({
    id: read.string(row, 'id'),
    inspection: parseOptionalNode('inspection', row, 'inspection'),
    enforcement: parseOptionalNode('enforcement', row, 'enforcement'),
    enforcementType: read.optionalString(row, 'enforcementType'),
    inspectionType: read.optionalString(row, 'inspectionType'),
    reportShas: read.strings(row, 'reportShas'),
    locationId: read.optionalString(row, 'locationId'),
    region: read.optionalString(row, 'region'),
    localAuthority: read.optionalString(row, 'localAuthority'),
    regulator: read.optionalString(row, 'regulator'),
    providerIds: read.strings(row, 'providerIds'),
  }),
});

/** Subjects by entity id; none when the batch touched no inspection or enforcement action. */
export async function readSubjects(
  db: Database,
  ids: { inspectionIds: string[]; enforcementIds: string[] },
): Promise<Map<string, ChangeSubject>> {
  if (ids.inspectionIds.length === 0 && ids.enforcementIds.length === 0) return new Map();
  const rows = await db.read(readChangeSubjects, ids);
  return new Map(rows.map((row) => [row.id, row]));
}
