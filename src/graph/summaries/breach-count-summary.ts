/**
 * breachCounts from a summary: requirement, inspection and location counts per regulation,
 * regulator and year ("coarse" cells), and per the same plus region and local authority
 * ("place" cells). Summing cells is exact only where no inspection or location falls in two
 * cells of one group: the request must group by (or filter to) one regulation and one year, and
 * the graph must give each requirement one path to its regulation, regulator and location and
 * each location one regulator (checked at every build; the summary is not stamped otherwise).
 */
import { defineQuery, defineStatement, read } from '../../db/query.ts';
import type { Database, QueryRunner } from '../../db/executor.ts';
import { breachCountsQuery, countBreachesExactly, GROUP_NODES, GROUP_ORDER, type BreachCountArgs, type BreachCountRow } from '../analytics/breach-counts.ts';
import { freshnessClause, readFreshSummary, type SummaryAnswer } from './graph-version.ts';

export const BREACH_COUNTS_KIND = 'breach-counts';

export type CellLevel = 'coarse' | 'place';

export interface BreachSummaryParams extends BreachCountArgs {
  level: CellLevel;
  fromYear: number | null;
  toYear: number | null;
}

export const deleteBreachCountSummary = defineStatement<object>('summaries.breach-counts.delete', 'MATCH (c:BreachCountSummary) DETACH DELETE c');

export const buildPlaceCells = defineStatement<object>(
  'summaries.breach-counts.build-place',
  `MATCH (l:Location)<-[:OF]-(i:Inspection)-[:REQUIRED]->(q:Requirement)-[:UNDER]->(g:Regulation)-[:PART_OF]->(leg:Legislation)
   MATCH (i)-[:BY]->(reg:Regulator)
   WITH g.id AS regulationId, leg.id AS legislationId, reg.code AS regulator, i.startDate.year AS year,
        l.region AS region, l.localAuthority AS localAuthority,
        count(DISTINCT q) AS requirementCount, count(DISTINCT i) AS inspectionCount, count(DISTINCT l) AS locationCount
   CREATE (:BreachCountSummary {level: 'place', regulationId: regulationId, legislationId: legislationId, regulator: regulator,
                                year: year, region: region, localAuthority: localAuthority,
                                requirementCount: requirementCount, inspectionCount: inspectionCount, locationCount: locationCount})`,
);

/** A location has one region and authority, so a coarse cell is the sum of its place cells. */
export const buildCoarseCells = defineStatement<object>(
  'summaries.breach-counts.build-coarse',
  `MATCH (c:BreachCountSummary {level: 'place'})
   WITH c.regulationId AS regulationId, c.legislationId AS legislationId, c.regulator AS regulator, c.year AS year,
        sum(c.requirementCount) AS requirementCount, sum(c.inspectionCount) AS inspectionCount, sum(c.locationCount) AS locationCount
   CREATE (:BreachCountSummary {level: 'coarse', regulationId: regulationId, legislationId: legislationId, regulator: regulator, year: year,
                                requirementCount: requirementCount, inspectionCount: inspectionCount, locationCount: locationCount})`,
);

/** Relationship counts the additivity rests on; any above one and the cells are not summed. */
export const countAmbiguousPaths = defineQuery<object, { ambiguous: number }>({
  name: 'summaries.breach-counts.count-ambiguous',
  cypher: `
    CALL () { MATCH (q:Requirement) WHERE COUNT { (q)-[:UNDER]->() } > 1 OR COUNT { (q)<-[:REQUIRED]-() } > 1 RETURN count(q) AS n
              UNION ALL
              MATCH (i:Inspection) WHERE COUNT { (i)-[:BY]->() } > 1 OR COUNT { (i)-[:OF]->() } > 1 RETURN count(i) AS n
              UNION ALL
              MATCH (g:Regulation) WHERE COUNT { (g)-[:PART_OF]->() } > 1 RETURN count(g) AS n
              UNION ALL
              MATCH (l:Location) WHERE COUNT { MATCH (l)<-[:OF]-(:Inspection)-[:BY]->(r:Regulator) RETURN DISTINCT r } > 1 RETURN count(l) AS n }
    RETURN sum(n) AS ambiguous`,
  parse: (row) => ({ ambiguous: read.number(row, 'ambiguous') }),
});

const YEAR_START = /^(\d{4})-01-01$/;
const YEAR_END = /^(\d{4})-12-31$/;

/** The cells to sum for these arguments, or null when summing cells would not be exact. */
export function toBreachSummaryParams(args: BreachCountArgs): BreachSummaryParams | null {
  const { groupBy, f } = args;
  if (groupBy.includes('PROVIDER') || f.providerId !== null) return null;
  const fromYear = f.from === null ? null : YEAR_START.exec(f.from)?.[1];
  const toYear = f.to === null ? null : YEAR_END.exec(f.to)?.[1];
  if (fromYear === undefined || toYear === undefined) return null;
  const oneRegulation = groupBy.includes('REGULATION') || f.regulation !== null;
  const oneYear = groupBy.includes('YEAR') || (fromYear !== null && fromYear === toYear);
  if (!oneRegulation || !oneYear) return null;
  const byPlace = groupBy.includes('REGION') || groupBy.includes('LOCAL_AUTHORITY') || f.region !== null || f.localAuthority !== null;
  return {
    ...args,
    level: byPlace ? 'place' : 'coarse',
    fromYear: fromYear === null ? null : Number(fromYear),
    toYear: toYear === null ? null : Number(toYear),
  };
}

export const breachCountsSummaryQuery = defineQuery<BreachSummaryParams, SummaryAnswer<BreachCountRow>>({
  name: 'analytics.breach-counts.summary',
  cypher: `${freshnessClause(BREACH_COUNTS_KIND)}
    CALL (fresh) {
      WITH fresh WHERE fresh
      MATCH (c:BreachCountSummary {level: $level})
      WHERE ($f.regulator IS NULL OR c.regulator = $f.regulator)
        AND ($f.legislation IS NULL OR c.legislationId = $f.legislation)
        AND ($f.regulation IS NULL OR c.regulationId = $f.regulation)
        AND ($fromYear IS NULL OR c.year >= $fromYear)
        AND ($toYear IS NULL OR c.year <= $toYear)
        AND ($f.region IS NULL OR c.region = $f.region)
        AND ($f.localAuthority IS NULL OR c.localAuthority = $f.localAuthority)
      WITH c,
           CASE WHEN 'REGULATION' IN $groupBy THEN c.regulationId END AS regulationId,
           CASE WHEN 'LEGISLATION' IN $groupBy THEN c.legislationId END AS legislationId,
           CASE WHEN 'REGULATOR' IN $groupBy THEN c.regulator END AS regulator,
           CASE WHEN 'YEAR' IN $groupBy THEN c.year END AS year,
           CASE WHEN 'REGION' IN $groupBy THEN c.region END AS region,
           CASE WHEN 'LOCAL_AUTHORITY' IN $groupBy THEN c.localAuthority END AS localAuthority,
           null AS providerId
      WITH regulationId, legislationId, regulator, year, region, localAuthority, providerId,
           sum(c.requirementCount) AS requirementCount, sum(c.locationCount) AS locationCount, sum(c.inspectionCount) AS inspectionCount
      ORDER BY ${GROUP_ORDER}
      LIMIT $first
      WITH *, ${GROUP_NODES}
      ORDER BY ${GROUP_ORDER}
      RETURN collect({regulationId: regulationId, legislationId: legislationId, regulator: regulator, year: year, region: region,
                      localAuthority: localAuthority, providerId: providerId, requirementCount: requirementCount,
                      locationCount: locationCount, inspectionCount: inspectionCount,
                      regulation: regulation, legislation: legislation, provider: provider}) AS rows
    }
    RETURN fresh, rows`,
  parse: (record) => ({ fresh: read.boolean(record, 'fresh'), rows: read.list(record, 'rows').map((row) => breachCountsQuery.parse(row)) }),
});

export async function countBreaches(db: Database, args: BreachCountArgs): Promise<BreachCountRow[]> {
  const params = toBreachSummaryParams(args);
  const rows = params ? await readFreshSummary(db, breachCountsSummaryQuery, params) : null;
  return rows ?? countBreachesExactly(db, args);
}

/** Rebuilds the cells; false when the graph breaks an assumption the sums rest on (then the summary must stay unstamped). */
export async function rebuildBreachCountSummary(tx: QueryRunner): Promise<boolean> {
  await tx.run(deleteBreachCountSummary, {});
  await tx.run(buildPlaceCells, {});
  await tx.run(buildCoarseCells, {});
  const [row] = await tx.run(countAmbiguousPaths, {});
  return row?.ambiguous === 0;
}
