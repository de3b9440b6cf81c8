import { describe, expect, it } from 'vitest';
import {
  ENGLISH_REGIONS,
  LOCAL_AUTHORITIES,
} from '../../../src/generate/data/local-authorities.ts';
import { SYNTHETIC_MARK } from '../../../src/generate/data/synthetic-names.ts';
import { planProviders } from '../../../src/generate/sector-plan.ts';
import { corpusOptions, generateInMemory } from './corpus-support.ts';

describe('the shape of the synthetic sector', () => {
  const options = corpusOptions({ locations: 60, years: 3, seed: 'structure' });
  const providers = planProviders(options);
  const truths = generateInMemory(options).truths();

  it('gives every location exactly one provider, in order', () => {
    expect(providers.reduce((sum, p) => sum + p.size, 0)).toBe(60);
    providers.forEach((p, i) =>
      expect(p.firstLocation).toBe(
        i === 0 ? 0 : providers[i - 1]!.firstLocation + providers[i - 1]!.size,
      ),
    );
  });

  it('has providers running several locations, with skewed sizes', () => {
    const locationsByProvider = new Map<string, Set<string>>();
    for (const t of truths)
      locationsByProvider.set(
        t.providerId,
        (locationsByProvider.get(t.providerId) ?? new Set()).add(t.locationId),
      );
    const sizes = [...locationsByProvider.values()].map((s) => s.size).sort((a, b) => b - a);
    expect(sizes[0]).toBeGreaterThanOrEqual(4);
    expect(sizes.filter((s) => s >= 2).length).toBeGreaterThanOrEqual(3);
    expect(sizes.at(-1)).toBe(1);
    const inGroups = sizes.filter((s) => s >= 2).reduce((a, b) => a + b, 0);
    expect(inGroups / sizes.reduce((a, b) => a + b, 0)).toBeGreaterThan(0.5);
  });

  it('keeps each location with one provider across all its reports', () => {
    const providerOf = new Map<string, string>();
    for (const t of truths) {
      expect(providerOf.get(t.locationId) ?? t.providerId).toBe(t.providerId);
      providerOf.set(t.locationId, t.providerId);
    }
  });

  it('places locations in real local authorities across several English regions', () => {
    const known = new Map(LOCAL_AUTHORITIES.map((la) => [la.name, la.region]));
    for (const t of truths) expect(known.get(t.location.localAuthority)).toBe(t.location.region);
    expect(new Set(truths.map((t) => t.location.region)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(LOCAL_AUTHORITIES.map((la) => la.region))).toEqual(new Set(ENGLISH_REGIONS));
  });

  it('marks every invented name as synthetic and uses the SC8 / 1-8 id ranges', () => {
    for (const p of providers) expect(p.name.endsWith(SYNTHETIC_MARK)).toBe(true);
    for (const t of truths) {
      expect(t.location.name.endsWith(SYNTHETIC_MARK)).toBe(true);
      expect(t.locationId).toMatch(/^(?:ofsted:SC8\d{5}|cqc:1-8\d{9})$/);
    }
  });

  it('inspects Ofsted homes at most twice a calendar year, never twice in a month', () => {
    const seen = new Map<string, string[]>();
    for (const t of truths.filter((t) => t.family === 'ofsted-childrens-home')) {
      seen.set(t.locationId, [...(seen.get(t.locationId) ?? []), t.startDate]);
    }
    for (const dates of seen.values()) {
      const perYear = new Map<string, number>();
      for (const d of dates) perYear.set(d.slice(0, 4), (perYear.get(d.slice(0, 4)) ?? 0) + 1);
      expect(Math.max(...perYear.values())).toBeLessThanOrEqual(2);
      expect(new Set(dates.map((d) => d.slice(0, 7))).size).toBe(dates.length);
    }
  });

  it('moves ratings up and down over the years', () => {
    const directions = new Set(truths.map((t) => t.ratingDirection).filter((d) => d !== null));
    expect(directions.size).toBeGreaterThanOrEqual(2);
    expect(new Set(truths.map((t) => t.overallGrade)).size).toBeGreaterThanOrEqual(3);
  });
});
