/**
 * Filter arguments → one parameter map and fixed Cypher predicates. Every predicate is guarded
 * by `$f.x IS NULL OR ...`, so the query text never depends on which filters a request used.
 * Predicates expect `i` (Inspection) and `l` (Location) bound, plus `f` (Finding) for findings.
 */
import { resolveLocalAuthorityFilter, resolveRegionFilter } from '../reference/places.ts';

export interface ScopeFilterInput {
  regulator?: string | null;
  from?: string | null;
  to?: string | null;
  region?: string | null;
  localAuthority?: string | null;
  providerId?: string | null;
  /** true: only generated data; false: only real; null: both (see SourceInfo.synthetic). */
  synthetic?: boolean | null;
}

export interface FindingFilterInput extends ScopeFilterInput {
  themes?: readonly string[] | null;
  regulation?: string | null;
  polarity?: string | null;
}

export interface ScopeParams {
  regulator: string | null;
  from: string | null;
  to: string | null;
  region: string | null;
  localAuthority: string | null;
  providerId: string | null;
  synthetic: boolean | null;
}

export interface FindingParams extends ScopeParams {
  themes: string[] | null;
  regulation: string | null;
  polarity: string | null;
}

/**
 * A region and local-authority filter as the graph stores them: any case, name, alias or code
 * ("london", "E12000007", "East", "Bedford Borough", "E06000055") becomes the ONS name every
 * Location is normalised to, so the predicates stay plain equalities on indexed properties and a
 * summary keyed by region answers exactly.
 */
export function toPlaceParams(
  input:
    | {
        region?: string | null;
        localAuthority?: string | null;
      }
    | null
    | undefined,
): { region: string | null; localAuthority: string | null } {
  return {
    region: input?.region ? resolveRegionFilter(input.region) : null,
    localAuthority: input?.localAuthority
      ? resolveLocalAuthorityFilter(input.localAuthority)
      : null,
  };
}

export function toScopeParams(input: ScopeFilterInput | null | undefined): ScopeParams {
  return {
    regulator: input?.regulator ?? null,
    from: input?.from ?? null,
    to: input?.to ?? null,
    ...toPlaceParams(input),
    providerId: input?.providerId ?? null,
    synthetic: input?.synthetic ?? null,
  };
}

export function toFindingParams(input: FindingFilterInput | null | undefined): FindingParams {
  return {
    ...toScopeParams(input),
    themes: input?.themes && input.themes.length > 0 ? [...input.themes] : null,
    regulation: input?.regulation ?? null,
    // Stored lower-case, as in the ReportDocument.
    polarity: input?.polarity ? input.polarity.toLowerCase() : null,
  };
}

/** Inspection `i` at location `l` within the scope `$f`. */
export const SCOPE_PREDICATE = `
  ($f.regulator IS NULL OR EXISTS { (i)-[:BY]->(:Regulator {code: $f.regulator}) })
  AND ($f.from IS NULL OR i.startDate >= date($f.from))
  AND ($f.to IS NULL OR i.startDate <= date($f.to))
  AND ($f.region IS NULL OR l.region = $f.region)
  AND ($f.localAuthority IS NULL OR l.localAuthority = $f.localAuthority)
  AND ($f.providerId IS NULL OR EXISTS { (l)<-[:RUNS]-(:Provider {id: $f.providerId}) })
  AND ($f.synthetic IS NULL OR coalesce(i.synthetic, false) = $f.synthetic)`;

/** Finding `f` of inspection `i` at location `l` matching `$f`. */
export const FINDING_PREDICATE = `${SCOPE_PREDICATE}
  AND ($f.themes IS NULL OR EXISTS { (f)-[:ABOUT]->(t:Theme) WHERE t.id IN $f.themes })
  AND ($f.regulation IS NULL OR EXISTS { (f)-[:CITES]->(:Regulation {id: $f.regulation}) })
  AND ($f.polarity IS NULL OR f.polarity = $f.polarity)`;
