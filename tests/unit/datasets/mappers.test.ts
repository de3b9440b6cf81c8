/**
 * Each row mapper on real rows of the fixture slices; the expected values were read off the
 * files by eye.
 */
import { describe, expect, it } from 'vitest';
import { mapOfstedOwnershipRow } from '../../../src/ingest/datasets/mappers/ofsted-ownership.ts';
import { readFixture } from './support.ts';

describe('Ofsted social-care exports', () => {
  it('maps the in-year inspections row of Oakhill Secure Training Centre (line 3)', async () => {
    const { records, problems } = await readFixture(
      'ofsted-sc-inspections',
      'ofsted_sc_inspections_in_year_2017-18_slice.csv',
    );
    expect(problems).toEqual([]);
    expect(records).toHaveLength(25);
    const first = records[0]!;
    expect(first.row).toBe(3);
    expect(first.locations).toEqual([
      {
        id: 'ofsted:1027077',
        regulator: 'OFSTED',
        props: {
          urn: '1027077',
          name: 'Oakhill Secure Training Centre',
          type: 'Secure Training Centre',
          address: 'Chalgrove Field Oakhill, Milton Keynes, MK5 6AJ',
          postcode: 'MK5 6AJ',
          region: 'South East',
          localAuthority: 'Milton Keynes',
          registrationStatus: 'Active',
          sector: 'Private',
        },
      },
    ]);
    expect(first.inspections).toEqual([
      {
        id: 'ofsted:1027077:2017-10-06:full',
        locationId: 'ofsted:1027077',
        regulator: 'OFSTED',
        type: 'full',
        startDate: '2017-10-06',
        publishedOn: '2017-11-21',
        overallGrade: 'INADEQUATE',
        overallGradeText: 'Inadequate',
        props: { eventNumber: '10025840', eventType: 'Full inspection' },
        // A secure training centre's five judgements: not the SCCIF three, so the printed names.
        judgements: [
          { area: 'Overall effectiveness', grade: 'INADEQUATE', gradeText: 'Inadequate' },
          {
            area: 'Outcomes for children and young people',
            grade: 'REQUIRES_IMPROVEMENT',
            gradeText: 'Requires improvement to be good',
          },
          { area: 'Quality of care', grade: 'INADEQUATE', gradeText: 'Inadequate' },
          {
            area: 'Safeguarding children and young people',
            grade: 'INADEQUATE',
            gradeText: 'Inadequate',
          },
          { area: 'Leadership and management', grade: 'INADEQUATE', gradeText: 'Inadequate' },
        ],
      },
    ]);
  });

  it("keeps REDACTED children's home names and addresses out, and reads places and interim events", async () => {
    const { records } = await readFixture(
      'ofsted-sc-inspections',
      'ofsted_sc_inspections_in_year_2017-18_slice.csv',
    );
    const home = records.filter((r) => r.locations[0]!.id === 'ofsted:1027158');
    expect(home.map((r) => r.inspections[0]!.id)).toEqual([
      'ofsted:1027158:2017-05-18:full',
      'ofsted:1027158:2017-10-02:interim',
    ]);
    expect(home[0]!.locations[0]!.props).toEqual({
      urn: '1027158',
      type: "Children's home",
      region: 'East of England',
      localAuthority: 'Norfolk',
      registrationStatus: 'Active',
      sector: 'Private',
      capacity: 6,
    });
    // SCCIF: the three judgements under the report's names (line 6: RI, blank, blank, RI, RI).
    expect(home[0]!.inspections[0]!.judgements.map((j) => [j.area, j.grade])).toEqual([
      ['Overall experiences and progress of children and young people', 'REQUIRES_IMPROVEMENT'],
      ['How well children and young people are helped and protected', 'REQUIRES_IMPROVEMENT'],
      ['The effectiveness of leaders and managers', 'REQUIRES_IMPROVEMENT'],
    ]);
    const interim = home[1]!.inspections[0]!;
    expect([interim.overallGrade, interim.overallGradeText, interim.judgements]).toEqual([
      'DECLINED_IN_EFFECTIVENESS',
      'Declined in effectiveness',
      [],
    ]);
  });

  it('reads the providers-as-at export the same way (one header row differs in case)', async () => {
    const { records, problems } = await readFixture(
      'ofsted-sc-providers',
      'ofsted_sc_providers_as_at_2018-03-31_slice.csv',
    );
    expect(problems).toEqual([]);
    expect(records).toHaveLength(20);
    expect(records[0]!.inspections[0]!.id).toBe('ofsted:1027076:2016-06-24:full');
    expect(records[0]!.locations[0]!.props['registrationStatus']).toBe('Active');
  });

  it('skips the broken rows of a file with one line each and keeps the rest', async () => {
    const { records, problems } = await readFixture(
      'ofsted-sc-inspections',
      'ofsted_sc_inspections_bad_rows.csv',
    );
    expect(records).toHaveLength(5);
    expect(problems).toEqual([
      { row: 6, message: 'inspection date "31/02/2018" is not a valid dd/mm/yyyy date' },
      { row: 7, message: 'URN "n/a" is not an Ofsted URN' },
      { row: 8, message: 'malformed CSV: text after a closing quote in column 6' },
    ]);
  });
});

describe("children's home ownership", () => {
  it("keys the owner as the children's home parser keys a registered provider", async () => {
    const { records } = await readFixture(
      'ofsted-ch-ownership',
      'ofsted_childrens_homes_private_ownership_buzzfeed_2018_slice.csv',
    );
    expect(records[0]!.providers).toEqual([
      {
        id: 'ofsted-provider:unique-care-homes-support-limited',
        props: { name: 'Unique Care Homes Support Limited' },
        runs: ['ofsted:1027158'],
      },
    ]);
    const potensial = records.find((r) => r.providers[0]!.props['name'] === 'Potensial Ltd')!;
    expect(potensial.providers[0]!.id).toBe('ofsted-provider:potensial-limited');
    expect(potensial.locations[0]!.id).toBe('ofsted:1221437');
  });

  it('reads a Companies House number written after the owner (line 20) as the number, not the name', async () => {
    const { records } = await readFixture(
      'ofsted-ch-ownership',
      'ofsted_childrens_homes_private_ownership_buzzfeed_2018_slice.csv',
    );
    const priory = records.find((r) => r.row === 20)!;
    expect(priory.providers).toEqual([
      {
        id: 'ofsted-provider:priory-education-services-limited',
        props: { name: 'Priory Education Services Limited', companiesHouseNumber: '06244880' },
        runs: ['ofsted:1183069'],
      },
    ]);
  });

  it('gives a home "owned by an individual" no provider (11 rows of the full list say so)', () => {
    const cells: Record<string, string> = {
      urn: 'SC480001',
      'provision type': "Children's home",
      owner: 'owned by an individual',
    };
    const mapped = mapOfstedOwnershipRow({ line: 2, get: (c) => cells[c.toLowerCase()] ?? '' });
    expect(mapped.ok && mapped.record.providers).toEqual([]);
    expect(mapped.ok && mapped.record.locations.map((l) => l.id)).toEqual(['ofsted:SC480001']);
  });
});

describe('CQC care directory', () => {
  it('maps a location row to its location and provider', async () => {
    const { records, problems } = await readFixture(
      'cqc-care-directory',
      'cqc_care_directory_head_slice.csv',
    );
    expect(problems).toEqual([]);
    expect(records[0]!.locations[0]).toEqual({
      id: 'cqc:1-22940471514',
      regulator: 'CQC',
      props: {
        cqcId: '1-22940471514',
        name: 'ASP Healthcare Services Ltd',
        address: '5 Tainmor Close, Longlevens, Gloucester, GL2 0XE',
        postcode: 'GL2 0XE',
        localAuthority: 'Gloucestershire',
        region: 'South West',
        serviceTypes: ['Homecare agencies'],
        specialisms: ['Sensory impairments', 'Dementia', 'Physical disabilities'],
      },
    });
    expect(records[0]!.providers).toEqual([
      {
        id: 'cqc-provider:1-21364297500',
        props: { name: 'ASP Healthcare Services Ltd' },
        runs: ['cqc:1-22940471514'],
      },
    ]);
  });

  it("reads a row without a location id as the provider's own entry", async () => {
    const { records } = await readFixture(
      'cqc-care-directory',
      'cqc_care_directory_head_slice.csv',
    );
    const provider = records.find((r) => r.providers[0]!.id === 'cqc-provider:1-1379610354')!;
    expect(provider.locations).toEqual([]);
    expect(provider.providers[0]!.props).toEqual({
      name: "'I Say' Supported Living Services Limited",
      address:
        'Unit 82, Riverside Estate, Sir Thomas Longley Road, Medway City Estate, Rochester, Kent, ME2 4BH',
    });
  });
});

describe('CQC adult social care market file', () => {
  it('gives the provider its padded Companies House number and keeps ratings on the location', async () => {
    const { records, problems } = await readFixture(
      'cqc-asc-market',
      'cqc_adult_social_care_locations_market_characteristics_slice.csv',
    );
    expect(problems).toEqual([]);
    const crompton = records.find((r) => r.locations[0]!.id === 'cqc:1-132341179')!;
    expect(crompton.locations[0]!.props).toEqual({
      cqcId: '1-132341179',
      name: '16 Crompton Street',
      localAuthority: 'Liverpool',
      capacity: 7,
      serviceTypes: ['Care home service without nursing'],
      registeredManager: 'Carr, Vanessa, Mrs',
      latestRating: 'Good',
      registeredOn: '2011-01-28',
      latestSafeRating: 'Good',
      latestEffectiveRating: 'Good',
      latestCaringRating: 'Good',
      latestResponsiveRating: 'Good',
      latestWellLedRating: 'Good',
    });
    expect(crompton.providers).toEqual([
      {
        id: 'cqc-provider:1-101683680',
        props: {
          name: 'Potensial Limited',
          companiesHouseNumber: '05846789',
          ownershipType: 'Organisation',
        },
        runs: ['cqc:1-132341179'],
      },
    ]);
    expect(crompton.inspections).toEqual([]);
  });

  it("trims the padded Companies House number of AbilityAvenue's neighbour and leaves blanks out", async () => {
    const { records } = await readFixture(
      'cqc-asc-market',
      'cqc_adult_social_care_locations_market_characteristics_slice.csv',
    );
    expect(records[0]!.providers[0]!.props['companiesHouseNumber']).toBe('14501286');
    expect(records[1]!.providers[0]!.props['companiesHouseNumber']).toBe('15756430');
    expect(records[5]!.providers[0]!.props).not.toHaveProperty('companiesHouseNumber');
  });
});

describe('CQC API locations CSV (Python-literal columns)', () => {
  it('reads Highlands Borders Care Home through the API parser: current rating and history', async () => {
    const { records, problems } = await readFixture(
      'cqc-api-locations-csv',
      'cqc_api_locations_devon_carehomes_2021_slice.csv',
    );
    expect(problems).toEqual([]);
    const first = records[0]!;
    expect(first.locations[0]!.id).toBe('cqc:1-1000587219');
    expect(first.locations[0]!.props).toMatchObject({
      name: 'Highlands Borders Care Home',
      capacity: 28,
      postcode: 'EX1 2QE',
      registrationStatus: 'Registered',
      localAuthority: 'Devon',
    });
    expect(first.providers).toEqual([
      { id: 'cqc-provider:1-101693962', props: {}, runs: ['cqc:1-1000587219'] },
    ]);
    // Current rating: report of 2020-05-06, first visit 2020-01-17, all five key questions rated
    // in it (full); the 2020-11-27 visit rated Safe alone, "inspected but not rated" (focused).
    const current = first.inspections[0]!;
    expect([current.id, current.overallGrade, current.publishedOn]).toEqual([
      'cqc:1-1000587219:2020-01-17:full',
      'GOOD',
      '2020-05-06',
    ]);
    expect(current.judgements.map((j) => j.area)).toEqual([
      'Overall',
      'Safe',
      'Well-led',
      'Caring',
      'Responsive',
      'Effective',
    ]);
    expect(first.inspections.slice(1).map((i) => [i.id, i.overallGradeText])).toContainEqual([
      'cqc:1-1000587219:2020-11-27:focused',
      'Inspected but not rated',
    ]);
  });
});

describe('CQC API provider records and listings', () => {
  it("reads a provider record's Companies House number and the locations it runs", async () => {
    const { records } = await readFixture(
      'cqc-api-provider-details',
      'cqc_api_oldham_2025/provider_details.jsonl',
    );
    expect(records).toHaveLength(20);
    const laburnum = records.find((r) => r.providers[0]!.id === 'cqc-provider:1-101612188')!;
    expect(laburnum.providers[0]!.props).toMatchObject({
      name: 'Laburnum House (Shaw) Limited',
      companiesHouseNumber: '03754654',
    });
    expect(laburnum.providers[0]!.runs).toEqual([
      'cqc:1-11420974511',
      'cqc:1-11420974543',
      'cqc:1-11421212266',
      'cqc:1-119238580',
    ]);
    const appleton = records[0]!.providers[0]!;
    expect(appleton.props).not.toHaveProperty('companiesHouseNumber');
  });

  it('reads listing pages item by item, NHS ODS ids included', async () => {
    const providers = await readFixture(
      'cqc-api-provider-listing',
      'cqc_api_oldham_2025/providers.json',
    );
    expect(providers.records[0]!.providers[0]).toEqual({
      id: 'cqc-provider:1-1004515435',
      props: { name: 'L W Appleton and Z Khan' },
      runs: [],
    });
    const locations = await readFixture(
      'cqc-api-location-listing',
      'cqc_api_oldham_2025/locations_slice.json',
    );
    expect(locations.problems).toEqual([]);
    expect(locations.records[0]!.locations[0]).toEqual({
      id: 'cqc:1-10024040008',
      regulator: 'CQC',
      props: { cqcId: '1-10024040008', name: 'Ebenezer Care Services', postcode: 'M35 9BG' },
    });
    expect(locations.records.map((r) => r.locations[0]!.id)).toContain('cqc:1-119142905');
  });
});

describe('Ofsted local-authority files', () => {
  it('keys the LA lookup row of Barnsley as the LA report parsers key Barnsley', async () => {
    const { records } = await readFixture('ofsted-la-urn-lookup', 'ofsted_la_urn_lookup_slice.csv');
    const barnsley = records.find((r) => r.locations[0]!.id === 'la:80426')!;
    expect(barnsley.locations[0]!.props).toEqual({
      urn: '80426',
      name: 'Barnsley',
      type: 'Local authority area',
      localAuthority: 'Barnsley',
      region: 'Yorkshire and the Humber',
      laCode: '370',
      onsCode: 'E08000038',
    });
  });

  it("builds the 2023 ILACS row of Barnsley into the id of its ILACS report, with the report's area names", async () => {
    const { records, problems } = await readFixture(
      'ofsted-la-ilacs-judgements',
      'ofsted_la_ilacs_judgements_2023_slice.csv',
    );
    expect(problems).toEqual([]);
    const barnsley = records.find((r) => r.locations[0]!.id === 'la:80426')!.inspections[0]!;
    expect(barnsley.id).toBe('la:80426:2018-10-08:full');
    expect(barnsley.judgements.map((j) => [j.area, j.grade])).toEqual([
      ['The impact of leaders on social work practice with children and families', 'GOOD'],
      ['The experiences and progress of children who need help and protection', 'GOOD'],
      ['The experiences and progress of children in care and care leavers', 'GOOD'],
      ['Overall effectiveness', 'GOOD'],
    ]);
    const barking = records[0]!.inspections[0]!;
    expect(barking.judgements.map((j) => j.area)).toContain(
      'The experiences and progress of care leavers',
    );
  });
});
