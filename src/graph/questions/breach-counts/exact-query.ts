/**
 * Requirement counts per group, with each group's rate per 100 inspections. The grouping keys a request asks for are chosen with CASE on a
 * parameter list, so one fixed query serves every combination of groups.
 */
import { parsePageRecord, readAnswerPage, type PageRecord } from '../../read-page.ts';
import { defineQuery } from '../../../db/query.ts';
import type { Database } from '../../../db/executor.ts';
import {
  GROUP_MAP,
  PAGE_OF_GROUPS,
  parseBreachCount,
  PROVIDER_KEYS,
  PROVIDER_KEYS_MATCH,
  RATES_OF_GROUPS,
} from './fragments.ts';
import type { BreachCountArgs, BreachCountPage, BreachCountRow } from './types.ts';

export const breachCountsQuery = defineQuery<BreachCountArgs, PageRecord<BreachCountRow>>({
  name: 'analytics.breach-counts',
  cypher: `
    MATCH (l:Location)<-[:OF]-(i:Inspection)-[:REQUIRED]->(q:Requirement)-[:UNDER]->(g:Regulation)-[:PART_OF]->(leg:Legislation)
    MATCH (i)-[:BY]->(reg:Regulator)
    WHERE ($f.regulator IS NULL OR reg.code = $f.regulator)
      AND ($f.legislation IS NULL OR leg.id = $f.legislation)
      AND ($f.regulation IS NULL OR g.id = $f.regulation)
      AND ($f.from IS NULL OR i.startDate >= date($f.from))
      AND ($f.to IS NULL OR i.startDate <= date($f.to))
      AND ($f.region IS NULL OR l.region = $f.region)
      AND ($f.localAuthority IS NULL OR l.localAuthority = $f.localAuthority)
      AND ($f.synthetic IS NULL OR coalesce(i.synthetic, false) = $f.synthetic)
    ${PROVIDER_KEYS}
    WITH l, i, q, g, leg, reg, providerId, providerGroupId
    WHERE ${PROVIDER_KEYS_MATCH}
    WITH l, i, q,
         CASE WHEN 'REGULATION' IN $groupBy THEN g.id END AS regulationId,
         CASE WHEN 'LEGISLATION' IN $groupBy THEN leg.id END AS legislationId,
         CASE WHEN 'REGULATOR' IN $groupBy THEN reg.code END AS regulator,
         CASE WHEN 'YEAR' IN $groupBy THEN i.startDate.year END AS year,
         CASE WHEN 'REGION' IN $groupBy THEN l.region END AS region,
         CASE WHEN 'LOCAL_AUTHORITY' IN $groupBy THEN l.localAuthority END AS localAuthority,
         CASE WHEN 'PROVIDER' IN $groupBy THEN providerId END AS providerId,
         CASE WHEN 'PROVIDER_GROUP' IN $groupBy THEN providerGroupId END AS providerGroupId
    WITH regulationId, legislationId, regulator, year, region, localAuthority, providerId, providerGroupId,
         count(DISTINCT q) AS requirementCount, count(DISTINCT l) AS locationCount, count(DISTINCT i) AS inspectionCount
    WITH collect(${GROUP_MAP}) AS groups
    ${RATES_OF_GROUPS}
    ${PAGE_OF_GROUPS}
    RETURN totalCount, rows`,
  parse: parsePageRecord(parseBreachCount),
});

/** The exact query, whatever the arguments and the state of the summaries. */
export async function countBreachesExactly(
  db: Database,
  args: BreachCountArgs,
): Promise<BreachCountPage> {
  return readAnswerPage(db, breachCountsQuery, { ...args, sort: args.sort ?? null });
}
