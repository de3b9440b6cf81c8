/**
 * The filters every grouped count takes (the dashboard's: regulator, dates, region, local
 * authority, provider group, synthetic), so a panel asks for exactly the counts it plots. The
 * place and group filters are one predicate on location `l`, shared by the three counts.
 */

export interface GroupedCountScope {
  regulator: string | null;
  from: string | null;
  to: string | null;
  /** The ONS name, as toPlaceParams resolves it. */
  region: string | null;
  localAuthority: string | null;
  providerGroupId: string | null;
  /** true: only generated inspections; false: only real; null: both. */
  synthetic: boolean | null;
}

/** Location `l` in the region, local authority and provider group asked for (each when given). */
export const PLACE_SCOPE = `($region IS NULL OR l.region = $region)
        AND ($localAuthority IS NULL OR l.localAuthority = $localAuthority)
        AND ($providerGroupId IS NULL
             OR EXISTS { (l)<-[:RUNS]-(:Provider)-[:IN_GROUP]->(:ProviderGroup {id: $providerGroupId}) })`;

/** Inspection `i`'s one regulator code as Inspection.regulator reads it (first by code), or null. */
export function regulatorCodeOf(inspection: string): string {
  return `head(COLLECT { MATCH (${inspection})-[:BY]->(r:Regulator) RETURN r.code AS code ORDER BY code })`;
}

/** Location `l`'s provider group id as Location.providerGroup reads it (first by id), or null. */
export const GROUP_ID_OF_LOCATION = `head(COLLECT { MATCH (l)<-[:RUNS]-(:Provider)-[:IN_GROUP]->(pg:ProviderGroup)
                                      RETURN pg.id AS id ORDER BY id })`;
