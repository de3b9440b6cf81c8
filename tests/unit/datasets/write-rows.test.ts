/** What a batch of mapped rows writes: report-shared values apart from data-only ones, judgement ids as the loader builds them. */
import { describe, expect, it } from 'vitest';
import { buildBatchRows } from '../../../src/graph/write/data-file-rows.ts';
import { readFixture } from './support.ts';

describe('buildBatchRows', () => {
  it('puts values reports also write in `shared` (gap-filled) and data-only values in `own` (refreshed)', async () => {
    const { records } = await readFixture(
      'ofsted-sc-inspections',
      'ofsted_sc_inspections_seed_urn.csv',
    );
    const rows = buildBatchRows(records);
    expect(rows.locations[0]).toEqual({
      id: 'ofsted:SC999001',
      regulator: 'OFSTED',
      row: 3,
      shared: {
        urn: 'SC999001',
        type: "Children's home",
        region: 'North West',
        // The place normalised to ONS names and codes, the row's own text kept.
        regionCode: 'E12000002',
        regionText: 'North West',
        localAuthority: 'Cheshire West and Chester',
        localAuthorityCode: 'E06000050',
        localAuthorityText: 'Cheshire West and Chester',
        capacity: 4,
      },
      own: { registrationStatus: 'Active', sector: 'Private' },
    });
    expect(rows.inspections[1]!.judgements.map((j) => [j.id, j.ordinal])).toEqual([
      [
        'ofsted:SC999001:2023-02-14:full/judgement/overall-experiences-and-progress-of-children-and-young-people',
        0,
      ],
      [
        'ofsted:SC999001:2023-02-14:full/judgement/how-well-children-and-young-people-are-helped-and-protected',
        1,
      ],
      ['ofsted:SC999001:2023-02-14:full/judgement/the-effectiveness-of-leaders-and-managers', 2],
    ]);
    expect(rows.inspectedLocationIds).toEqual(['ofsted:SC999001']);
  });

  it("keeps a provider's Companies House number out of the gap-filled values", async () => {
    const { records } = await readFixture(
      'cqc-asc-market',
      'cqc_adult_social_care_locations_market_characteristics_slice.csv',
    );
    const provider = buildBatchRows(records.slice(0, 1)).providers[0]!;
    expect(provider.shared).toEqual({ name: 'AbilityAvenue Care Ltd' });
    expect(provider.own).toEqual({
      companiesHouseNumber: '14501286',
      ownershipType: 'Organisation',
    });
  });
});
