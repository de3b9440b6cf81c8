/** The Cypher the exact query and the summary's read share. Private to this folder. */

/** The answer's order: largest first, then by every key so ties are stable. */
export const GROUP_ORDER =
  'requirementCount DESC, locationCount DESC, regulationId, legislationId, regulator, year, region, localAuthority, providerId';

/** The nodes of the groups, as `regulation`, `legislation` and `provider`. */
export const GROUP_NODES = `head(COLLECT { MATCH (n:Regulation {id: regulationId}) RETURN properties(n) }) AS regulation,
           head(COLLECT { MATCH (n:Legislation {id: legislationId}) RETURN properties(n) }) AS legislation,
           head(COLLECT { MATCH (n:Provider {id: providerId}) RETURN properties(n) }) AS provider`;
