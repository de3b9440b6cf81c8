/**
 * Region, local authority and provider applied to rows' locations in the page, for the
 * questions whose API takes no such filter yet (repeatedBreaches, ratingChanges,
 * enforcementActions). The `places` branch adds them to the API; then this goes.
 */
import { samePlace, type InsightFilters } from '../insights-filters.ts';
import type { LocationFields } from './panel.ts';

export function matchesPlace(location: LocationFields, filters: InsightFilters): boolean {
  return (
    samePlace(location.region, filters.region) &&
    samePlace(location.localAuthority, filters.localAuthority) &&
    (filters.provider === null || location.provider?.id === filters.provider)
  );
}

export function placeFilterNotes(filters: InsightFilters): string[] {
  const set = (['region', 'localAuthority', 'provider'] as const).filter(
    (name) => filters[name] !== null,
  );
  return set.length > 0 ? [`${set.join(', ')}: applied here to each row's location`] : [];
}
