/**
 * The place filters a question does not take as arguments, applied in the page to each row's
 * location: region and local authority (by name or code, any case, as the API's filters) for
 * repeatedBreaches, and those and the provider group for ratingChanges and enforcementActions.
 * Everything a question takes is passed to it instead.
 */
import { samePlace, type InsightFilters } from '../insights-filters.ts';
import type { LocationFields } from './panel.ts';

export type PlaceFilter = 'region' | 'localAuthority' | 'providerGroup';

const LABELS: Record<PlaceFilter, string> = {
  region: 'region',
  localAuthority: 'local authority',
  providerGroup: 'provider group',
};

export function matchesPlace(
  location: LocationFields,
  filters: InsightFilters,
  inPage: readonly PlaceFilter[],
): boolean {
  const wanted = (name: PlaceFilter) => (inPage.includes(name) ? filters[name] : null);
  const group = wanted('providerGroup');
  return (
    samePlace(wanted('region'), location.region, location.regionCode) &&
    samePlace(wanted('localAuthority'), location.localAuthority, location.localAuthorityCode) &&
    (group === null || location.providerGroup?.id === group)
  );
}

/** The panel's note: which set filters its question lacks, applied here instead. */
export function placeFilterNotes(
  question: string,
  inPage: readonly PlaceFilter[],
): (filters: InsightFilters) => string[] {
  return (filters) => {
    const set = inPage.filter((name) => filters[name] !== null).map((name) => LABELS[name]);
    return set.length > 0
      ? [
          `${set.join(', ')}: applied here to each row's location (${question} takes no such argument)`,
        ]
      : [];
  };
}
