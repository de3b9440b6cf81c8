/**
 * themeTrends' scope filters (regulator, region, local authority, provider group, synthetic):
 * one Cypher predicate shared by the trend rows and the rates' denominator, so both count the
 * same inspections, and the parameters every read passes (a missing parameter fails in Cypher).
 */
import type { ThemeTrendArgs, ThemeTrendScope } from './types.ts';

/** Inspection `i` in the scope; the location is looked at only when a place or group is asked. */
export const THEME_TREND_SCOPE = `($synthetic IS NULL OR coalesce(i.synthetic, false) = $synthetic)
      AND ($regulator IS NULL OR EXISTS { (i)-[:BY]->(:Regulator {code: $regulator}) })
      AND (($region IS NULL AND $localAuthority IS NULL AND $providerGroupId IS NULL)
           OR EXISTS { MATCH (i)-[:OF]->(l:Location)
                       WHERE ($region IS NULL OR l.region = $region)
                         AND ($localAuthority IS NULL OR l.localAuthority = $localAuthority)
                         AND ($providerGroupId IS NULL
                              OR EXISTS { (l)<-[:RUNS]-(:Provider)-[:IN_GROUP]->(:ProviderGroup {id: $providerGroupId}) }) })`;

export function toThemeTrendScope(args: ThemeTrendArgs): ThemeTrendScope {
  return {
    synthetic: args.synthetic ?? null,
    regulator: args.regulator ?? null,
    region: args.region ?? null,
    localAuthority: args.localAuthority ?? null,
    providerGroupId: args.providerGroupId ?? null,
  };
}

/**
 * Whether a place or provider-group filter is set: the summary's cells are split by synthetic
 * flag and regulator, but hold every place and group together.
 */
export function hasPlaceOrGroupScope(args: ThemeTrendArgs): boolean {
  const { region, localAuthority, providerGroupId } = toThemeTrendScope(args);
  return region !== null || localAuthority !== null || providerGroupId !== null;
}
