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
  ratesOfGroups,
  toWithRates,
} from './fragments.ts';
import { buildPerSeek, chooseScopeSeek, nameWithSeek, seekScope } from '../../scope-seek.ts';
import type { BreachCountArgs, BreachCountPage, BreachCountRow } from './types.ts';

/** The exact query from each seek (graph/scope-seek.ts) and from none; the predicates are the same. */
const perSeek = buildPerSeek((seek) =>
  defineQuery<BreachCountArgs, PageRecord<BreachCountRow>>({
    name: nameWithSeek('analytics.breach-counts', seek),
    cypher: `
    ${seekScope(seek, '$f.')}
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
    ${ratesOfGroups(seek)}
    ${PAGE_OF_GROUPS}
    RETURN totalCount, rows`,
    parse: parsePageRecord(parseBreachCount),
  }),
);

export const breachCountsQueries = perSeek.all;

/** The exact query as it reads these arguments: from their most selective filter. */
export function breachCountsQuery(args: BreachCountArgs) {
  return perSeek.pick(chooseScopeSeek(args.f));
}

/** The exact query, whatever the arguments and the state of the summaries. */
export async function countBreachesExactly(
  db: Database,
  args: BreachCountArgs,
): Promise<BreachCountPage> {
  return readAnswerPage(db, breachCountsQuery(args), {
    ...args,
    sort: args.sort ?? null,
    withRates: toWithRates(args),
  });
}
