/**
 * What the subscriptions filter on, for inspections and enforcement actions a batch of changes
 * touched: the entity itself and its inspection's location, regulator, providers and reports.
 * The poller reads them in the same query as the feed's page (`changes.read-after-with-subjects`),
 * one round trip per batch shared by every subscriber of the server: a second query per batch
 * was what made events seconds late on a loaded machine.
 */
import type { Database } from '../../db/executor.ts';
import { defineQuery, read, type PlainRecord } from '../../db/query.ts';
import { parseOptionalNode } from '../node-kinds.ts';
import type { EnforcementRow, InspectionRow } from '../rows.ts';
import {
  parseChangeRow,
  SCAN_LIMIT,
  takeFeedPage,
  type ChangeRow,
  type ChangesPage,
} from './read-changes.ts';

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

/** A change with its subject as it is now: null for other kinds, or when the entity is gone. */
export type ChangeWithSubject = ChangeRow & { subject: ChangeSubject | null };

/**
 * The subject's fields from `i` (its inspection, null when there is none) and `e` (the
 * enforcement action, null for an inspection), as columns prefixed `s_`.
 */
const SUBJECT_COLUMNS = `
    OPTIONAL MATCH (i)-[:OF]->(l:Location)
    OPTIONAL MATCH (i)-[:BY]->(reg:Regulator)
    WITH *, CASE WHEN i IS NULL THEN [] ELSE [(i)-[:REPORTED_IN]->(r:Report) | r.sha256] END AS s_reportShas,
         CASE WHEN l IS NULL THEN [] ELSE [(p:Provider)-[:RUNS]->(l) | p.id] END AS s_providerIds
    WITH *, CASE WHEN e IS NULL THEN i END AS s_inspection, e AS s_enforcement,
         e.type AS s_enforcementType, i.type AS s_inspectionType,
         l.id AS s_locationId, l.region AS s_region, l.localAuthority AS s_localAuthority,
         reg.code AS s_regulator`;

const SUBJECT_FIELDS =
  's_inspection, s_enforcement, s_enforcementType, s_inspectionType, s_reportShas, s_locationId, s_region, s_localAuthority, s_regulator, s_providerIds';

function parseSubject(id: string, row: PlainRecord): ChangeSubject {
  return {
    id,
    inspection: parseOptionalNode('inspection', row, 's_inspection'),
    enforcement: parseOptionalNode('enforcement', row, 's_enforcement'),
    enforcementType: read.optionalString(row, 's_enforcementType'),
    inspectionType: read.optionalString(row, 's_inspectionType'),
    reportShas: read.strings(row, 's_reportShas'),
    locationId: read.optionalString(row, 's_locationId'),
    region: read.optionalString(row, 's_region'),
    localAuthority: read.optionalString(row, 's_localAuthority'),
    regulator: read.optionalString(row, 's_regulator'),
    providerIds: read.strings(row, 's_providerIds'),
  };
}

/**
 * The feed after `after` (as `changes.read-after`), each INSPECTION and ENFORCEMENT change with
 * its subject, read by key in the same query.
 */
export const readChangesWithSubjects = defineQuery<
  { after: number; limit: number },
  ChangeWithSubject
>({
  name: 'changes.read-after-with-subjects',
  // Planned once: every step is a seek on a unique key, the best plan on an empty graph as on a
  // large one, and Neo4j would otherwise plan it again each time its statistics moved while a
  // graph grows (as during a first load), seconds on a starved machine, with events waiting.
  cypher: `CYPHER replan=skip
    MATCH (c:Change) WHERE c.seq > $after
    WITH c ORDER BY c.seq LIMIT $limit
    CALL (c) {
      OPTIONAL MATCH (ii:Inspection {id: c.entityId}) WHERE c.entityType = 'INSPECTION'
      OPTIONAL MATCH (ei:Inspection)-[:LED_TO]->(e:EnforcementAction {id: c.entityId})
        WHERE c.entityType = 'ENFORCEMENT'
      RETURN coalesce(ii, ei) AS i, e
    }
    ${SUBJECT_COLUMNS}
    RETURN c.seq AS seq, c.version AS version, c.at AS at, c.kind AS kind,
           c.entityType AS entityType, c.entityId AS entityId, c.reportId AS reportId,
           i IS NOT NULL AS hasSubject, ${SUBJECT_FIELDS}
    ORDER BY seq`,
  parse: (row) => {
    const change = parseChangeRow(row);
    const subject = row.hasSubject === true ? parseSubject(change.entityId, row) : null;
    return { ...change, subject };
  },
});

/** A page of the feed with subjects, from its gap-free prefix (see readChanges). */
export async function readChangesWithSubjectsPage(
  db: Database,
  request: { afterSeq: number; first: number },
): Promise<ChangesPage<ChangeWithSubject>> {
  const scanned = await db.read(readChangesWithSubjects, {
    after: request.afterSeq,
    limit: SCAN_LIMIT,
  });
  return takeFeedPage(scanned, { ...request, types: [] });
}
