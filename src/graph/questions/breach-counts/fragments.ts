/** The Cypher the exact query and the summary's read share. Private to this folder. */
import { read, type PlainRecord } from '../../../db/query.ts';
import { parseOptionalNode } from '../../node-kinds.ts';
import type { BreachCountRow } from './types.ts';

/** The answer's order: largest first, then by every key so ties are stable. */
export const GROUP_ORDER =
  'requirementCount DESC, locationCount DESC, regulationId, legislationId, regulator, year, region, localAuthority, providerId, providerGroupId';

/** The nodes of the groups, as `regulation`, `legislation` and `provider`. */
export const GROUP_NODES = `head(COLLECT { MATCH (n:Regulation {id: regulationId}) RETURN properties(n) }) AS regulation,
           head(COLLECT { MATCH (n:Legislation {id: legislationId}) RETURN properties(n) }) AS legislation,
           head(COLLECT { MATCH (n:Provider {id: providerId}) RETURN properties(n) }) AS provider`;

/** The group keys and counts, as a map of the same names. */
export const GROUP_MAP = `{regulationId: regulationId, legislationId: legislationId, regulator: regulator, year: year,
                      region: region, localAuthority: localAuthority, providerId: providerId, providerGroupId: providerGroupId,
                      requirementCount: requirementCount, locationCount: locationCount, inspectionCount: inspectionCount}`;

/**
 * From the answer's groups in order as `groups`: the page's rows with the groups' nodes, as
 * `rows`, and the number of groups as `totalCount`.
 */
export const PAGE_OF_GROUPS = `
    CALL (groups) {
      UNWIND groups[$skip..($skip + $first)] AS c
      WITH c.regulationId AS regulationId, c.legislationId AS legislationId, c.regulator AS regulator, c.year AS year,
           c.region AS region, c.localAuthority AS localAuthority, c.providerId AS providerId, c.providerGroupId AS providerGroupId,
           c.requirementCount AS requirementCount, c.locationCount AS locationCount, c.inspectionCount AS inspectionCount
      WITH *, ${GROUP_NODES}
      ORDER BY ${GROUP_ORDER}
      RETURN collect({regulationId: regulationId, legislationId: legislationId, regulator: regulator, year: year,
                      region: region, localAuthority: localAuthority, providerId: providerId, providerGroupId: providerGroupId,
                      requirementCount: requirementCount, locationCount: locationCount, inspectionCount: inspectionCount,
                      regulation: regulation, legislation: legislation, provider: provider}) AS rows
    }
    WITH size(groups) AS totalCount, rows`;

export function parseBreachCount(row: PlainRecord): BreachCountRow {
  return {
    regulationId: read.optionalString(row, 'regulationId'),
    legislationId: read.optionalString(row, 'legislationId'),
    regulator: read.optionalString(row, 'regulator'),
    year: read.optionalNumber(row, 'year'),
    region: read.optionalString(row, 'region'),
    localAuthority: read.optionalString(row, 'localAuthority'),
    providerId: read.optionalString(row, 'providerId'),
    providerGroupId: read.optionalString(row, 'providerGroupId'),
    requirementCount: read.number(row, 'requirementCount'),
    locationCount: read.number(row, 'locationCount'),
    inspectionCount: read.number(row, 'inspectionCount'),
    regulation: parseOptionalNode('regulation', row, 'regulation'),
    legislation: parseOptionalNode('legislation', row, 'legislation'),
    provider: parseOptionalNode('provider', row, 'provider'),
  };
}
