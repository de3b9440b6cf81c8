/**
 * Where a filtered whole-graph query starts. Its scope predicates are written null-safe
 * (`$f.region IS NULL OR l.region = $f.region`), which keeps one query text for every
 * combination of filters but leaves the planner to pick a start without knowing which filters
 * are set, and several plans scanned every location or inspection whatever the filter. A seek is
 * an opening clause that binds the filter's most selective indexed condition first (a local
 * authority, a provider, a provider group, a closed date window of at most 400 days, a region)
 * and hands that
 * variable on; the query's own predicates still apply unchanged after it, so its answer is the
 * same with or without the seek. Which seek a request takes is part of its query's name
 * (`<name>.seek-<seek>`).
 */

export const SCOPE_SEEKS = [
  'local-authority',
  'provider',
  'provider-group',
  'window',
  'region',
] as const;

export type ScopeSeek = (typeof SCOPE_SEEKS)[number];

export interface SeekableScope {
  from?: string | null;
  to?: string | null;
  region?: string | null;
  localAuthority?: string | null;
  providerId?: string | null;
  providerGroupId?: string | null;
}

/**
 * The longest window sought. A region holds about a ninth of the graph's locations and ten years
 * of inspections make a year about a tenth, so a longer window is no more selective than a
 * region; and a window open at an end or of several years read through the index cost more than
 * the scan it replaced (breachCounts from 2017-11-06 at tier M: 1.86 s against 1.10 s, runs
 * alternated), so only closed windows up to this long are sought.
 */
const WINDOW_SEEK_MAX_DAYS = 400;

function spanDays(from: string | null | undefined, to: string | null | undefined): number {
  if (!from || !to) return Infinity;
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/** The seek for these filters: the most selective one set, or null when none is. */
export function chooseScopeSeek(scope: SeekableScope): ScopeSeek | null {
  if (scope.localAuthority) return 'local-authority';
  if (scope.providerId) return 'provider';
  // A group is one provider or a few linked ones: fewer locations than a year or a region.
  if (scope.providerGroupId) return 'provider-group';
  if (spanDays(scope.from, scope.to) <= WINDOW_SEEK_MAX_DAYS) return 'window';
  return scope.region ? 'region' : null;
}

/**
 * The opening clauses of a seek: a place or provider seek binds `l` (Location), a window seek
 * `i` (Inspection, through the startDate range index), each followed by `WITH` of it alone, so
 * the query after it expands from the bound nodes. `p` is how the query names its filter
 * parameters: `$f.` or `$`. An inspection without a start date is outside every window, as the
 * queries' own `i.startDate >= date($from)` says. No seek: no clause.
 */
export function seekScope(seek: ScopeSeek | null, p: '$f.' | '$'): string {
  switch (seek) {
    case null:
      return '';
    case 'local-authority':
      return `MATCH (l:Location) WHERE l.localAuthority = ${p}localAuthority WITH l`;
    case 'region':
      return `MATCH (l:Location) WHERE l.region = ${p}region WITH l`;
    case 'provider':
      return `MATCH (:Provider {id: ${p}providerId})-[:RUNS]->(l:Location) WITH DISTINCT l`;
    // Every location in the group has a provider in it; the query's own filter still decides.
    case 'provider-group':
      return `MATCH (:ProviderGroup {id: ${p}providerGroupId})<-[:IN_GROUP]-(:Provider)-[:RUNS]->(l:Location) WITH DISTINCT l`;
    case 'window':
      return `MATCH (i:Inspection) USING INDEX i:Inspection(startDate)
    WHERE i.startDate >= date(${p}from) AND i.startDate <= date(${p}to) WITH i`;
  }
}

/** A query's name with its seek, as the query texts are told apart. */
export function nameWithSeek(name: string, seek: ScopeSeek | null): string {
  return seek === null ? name : `${name}.seek-${seek}`;
}

/** One query per seek and one without, built by `build`: `pick` finds a request's, `all` lists them (the snapshot test reads every exported one). */
export function buildPerSeek<Q>(build: (seek: ScopeSeek | null) => Q): {
  pick(seek: ScopeSeek | null): Q;
  all: Q[];
} {
  const none = build(null);
  const bySeek = new Map(SCOPE_SEEKS.map((seek) => [seek, build(seek)]));
  return {
    pick: (seek) => (seek === null ? none : bySeek.get(seek)!),
    all: [none, ...bySeek.values()],
  };
}
