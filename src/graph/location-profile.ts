/**
 * What the location profile page needs beyond the plain traversals: whether each requirement
 * was met at the location's next inspection, and the passages the graph holds from one report
 * (the text a finding's source link leads to).
 */
import type { Database } from '../db/executor.ts';
import { defineQuery, read } from '../db/query.ts';
import { parseNode } from './node-kinds.ts';
import type { InspectionRow } from './rows.ts';

export interface RequirementFollowUpRow {
  requirementId: string;
  nextInspection: InspectionRow;
  /** null when it cannot be told: no report of the next inspection, or no regulation named. */
  met: boolean | null;
}

/**
 * The next inspection is the one whose PREVIOUS link points at the requirement's inspection (the
 * chain is kept in date order by the loader). A requirement counts as not met when that
 * inspection made a requirement, or took enforcement, under the same regulation again; as met
 * when that inspection's own report is in the graph and did neither.
 */
export const requirementFollowUps = defineQuery<{ ids: string[] }, RequirementFollowUpRow>({
  name: 'profile.requirement-follow-ups',
  cypher: `UNWIND $ids AS id
           MATCH (i:Inspection)-[:REQUIRED]->(q:Requirement {id: id})
           MATCH (next:Inspection)-[:PREVIOUS]->(i)
           OPTIONAL MATCH (q)-[:UNDER]->(g:Regulation)
           WITH q, next, g,
                CASE WHEN g IS NULL THEN null
                     ELSE EXISTS { (next)-[:REQUIRED|LED_TO]->()-[:UNDER]->(g) } END AS againUnder
           RETURN q.id AS requirementId, properties(next) AS nextInspection,
                  CASE WHEN againUnder IS NULL THEN null
                       WHEN againUnder THEN false
                       WHEN next.hasReport = true THEN true
                       ELSE null END AS met`,
  parse: (row) => ({
    requirementId: read.string(row, 'requirementId'),
    nextInspection: parseNode('inspection', row, 'nextInspection'),
    met: row.met === null || row.met === undefined ? null : read.boolean(row, 'met'),
  }),
});

export type ReportPassageKind = 'FINDING' | 'REQUIREMENT' | 'RECOMMENDATION' | 'ENFORCEMENT';

export interface ReportPassageRow {
  kind: ReportPassageKind;
  id: string;
  text: string;
  line: number;
  offset: number;
}

const PASSAGE_KINDS: Record<string, ReportPassageKind> = {
  Finding: 'FINDING',
  Requirement: 'REQUIREMENT',
  Recommendation: 'RECOMMENDATION',
  EnforcementAction: 'ENFORCEMENT',
};

function toPassageKind(label: string): ReportPassageKind {
  const kind = PASSAGE_KINDS[label];
  if (!kind) throw new TypeError(`field kind: unexpected label ${JSON.stringify(label)}`);
  return kind;
}

/** Through the report's inspections, so the lookup starts at the indexed Report.sha256. */
export const reportPassages = defineQuery<{ sha256: string }, ReportPassageRow>({
  name: 'profile.report-passages',
  cypher: `MATCH (:Report {sha256: $sha256})<-[:REPORTED_IN]-(i:Inspection)
           MATCH (i)-[:FOUND|REQUIRED|RECOMMENDED|LED_TO]->(x)
           WHERE x.reportSha = $sha256
           WITH DISTINCT x
           RETURN head([label IN labels(x) WHERE label IN ['Finding', 'Requirement', 'Recommendation', 'EnforcementAction']]) AS kind,
                  x.id AS id, x.text AS text, x.line AS line, x.offset AS offset
           ORDER BY offset, id`,
  parse: (row) => ({
    kind: toPassageKind(read.string(row, 'kind')),
    id: read.string(row, 'id'),
    text: read.string(row, 'text'),
    line: read.number(row, 'line'),
    offset: read.number(row, 'offset'),
  }),
});

export async function readRequirementFollowUps(
  db: Database,
  ids: readonly string[],
): Promise<Map<string, RequirementFollowUpRow>> {
  const rows = await db.read(requirementFollowUps, { ids: [...ids] });
  return new Map(rows.map((row) => [row.requirementId, row]));
}

export function readReportPassages(db: Database, sha256: string): Promise<ReportPassageRow[]> {
  return db.read(reportPassages, { sha256 });
}
