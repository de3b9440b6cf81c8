/**
 * Place normalisation against rows checked by hand in the Ofsted LA URN lookup
 * (shared corpus datasets/ofsted_la_urn_lookup.csv: region_name, la_code_new, utla23nm) and the
 * region spellings the shared corpus's data files use.
 */
import { describe, expect, it } from 'vitest';
import {
  findRegion,
  normalisePlace,
  resolveLocalAuthorityFilter,
  resolveRegionFilter,
} from '../../../src/reference/places.ts';

describe('normalisePlace', () => {
  it.each([
    // CQC care directory "Region" column.
    ['East', 'East of England', 'E12000006'],
    ['Yorkshire & Humberside', 'Yorkshire and the Humber', 'E12000003'],
    // Ofsted social-care export "Government Office Region".
    ['Yorkshire and The Humber', 'Yorkshire and the Humber', 'E12000003'],
    // CQC ASC market "Location ADASS Region".
    ['Greater London (ADASS Region)', 'London', 'E12000007'],
    ['london', 'London', 'E12000007'],
    ['E12000007', 'London', 'E12000007'],
  ])('reads region %j as %s %s', (text, name, code) => {
    expect(normalisePlace({ region: text, localAuthority: null })).toEqual({
      region: name,
      regionCode: code,
      regionText: text,
      localAuthority: null,
      localAuthorityCode: null,
      localAuthorityText: null,
    });
  });

  it.each([
    // lookup row 80428: local_authority_ons_name "Bedford Borough", utla23nm "Bedford".
    ['Bedford Borough', 'Bedford', 'E06000055', 'East of England', 'E12000006'],
    ['Bedford', 'Bedford', 'E06000055', 'East of England', 'E12000006'],
    // row 80441: utla23nm "Bristol, City of".
    ['Bristol', 'Bristol, City of', 'E06000023', 'South West', 'E12000009'],
    // row 80465: utla23nm "County Durham".
    ['Durham', 'County Durham', 'E06000047', 'North East', 'E12000001'],
    // ONS's own form for Herefordshire, as the CQC care directory writes it.
    ['Herefordshire, County of', 'Herefordshire', 'E06000019', 'West Midlands', 'E12000005'],
    // row 80442: rgn22cd says E12000004, region_name South East (the name is right).
    ['Buckinghamshire', 'Buckinghamshire', 'E06000060', 'South East', 'E12000008'],
    ['e09000002', 'Barking and Dagenham', 'E09000002', 'London', 'E12000007'],
  ])('reads local authority %j as %s %s in %s', (text, name, code, region, regionCode) => {
    const place = normalisePlace({ region: null, localAuthority: text });
    expect(place).toEqual({
      region,
      regionCode,
      regionText: null,
      localAuthority: name,
      localAuthorityCode: code,
      localAuthorityText: text,
    });
  });

  it("takes the region from the local authority when Ofsted's region names two", () => {
    const place = normalisePlace({
      region: 'North East, Yorkshire and the Humber',
      localAuthority: 'Barnsley',
    });
    expect([place.region, place.regionCode, place.regionText]).toEqual([
      'Yorkshire and the Humber',
      'E12000003',
      'North East, Yorkshire and the Humber',
    ]);
  });

  it('keeps what it cannot place as text: no region, the authority as written', () => {
    expect(normalisePlace({ region: 'Narnia', localAuthority: ' Bournemouth ' })).toEqual({
      region: null,
      regionCode: null,
      regionText: 'Narnia',
      localAuthority: 'Bournemouth',
      localAuthorityCode: null,
      localAuthorityText: 'Bournemouth',
    });
    expect(normalisePlace({ region: '  ', localAuthority: null }).regionText).toBeNull();
  });
});

describe('filters', () => {
  it('resolve any case, alias or code to the stored name', () => {
    expect(
      ['london', 'LONDON', 'E12000007', 'e12000007', 'Greater London', 'GL'].map(
        resolveRegionFilter,
      ),
    ).toEqual(Array(6).fill('London'));
    expect(resolveRegionFilter('Atlantis')).toBe('Atlantis');
    expect(['bedford borough', 'E06000055', '822'].map(resolveLocalAuthorityFilter)).toEqual(
      Array(3).fill('Bedford'),
    );
    expect(findRegion('North East, Yorkshire and the Humber')).toBeNull();
  });
});
