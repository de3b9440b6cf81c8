/**
 * The ways LA reports name their authority: possessives, council words, short forms. Names are
 * as printed in real reports; the letters and reports come from tests/unit/parsers/fixtures (first
 * 3,000 bytes of the text our PDF reader extracts), checked by hand against their titles.
 */
import { describe, expect, it } from 'vitest';
import {
  findLocalAuthority,
  findLocalAuthorityInText,
} from '../../../src/ingest/parsers/ofsted-la-common/local-authority.ts';
import { parseOfstedLaChildrensServices } from '../../../src/ingest/parsers/ofsted-la-childrens-services.ts';
import { parseOfstedLaFocusedVisit } from '../../../src/ingest/parsers/ofsted-la-focused-visit.ts';
import { readParserFixture } from './fixture-text.ts';
import { sourceFor } from './seed-text.ts';

describe('findLocalAuthority', () => {
  it.each([
    ["Durham's", '80465'],
    ['Durham’s', '80465'],
    ["the London Borough of Lewisham's", '80508'],
    ["Bristol City Council's", '80441'],
    ['Bristol City Council', '80441'],
    ['the London Borough of Redbridge', '80512'],
    ['Norfolk County Council', '80418'],
    ['City of York', '80453'],
    ['Royal Borough of Greenwich', '80495'],
    ['Royal Borough of Kensington and Chelsea', '80544'],
    ['East Riding', '80466'],
    ['Newcastle', '80525'],
  ])('reads "%s"', (name, urn) => {
    expect(findLocalAuthority(name)?.urn).toBe(urn);
  });

  it('reads a possessive in running text, but no short form there', () => {
    expect(findLocalAuthorityInText("a focused visit to Durham's children's services")?.urn).toBe(
      '80465',
    );
    expect(findLocalAuthorityInText('Newcastle-under-Lyme')).toBeNull();
  });
});

describe('the LA of a letter or report, and what follows from it', () => {
  it.each([
    // "Focused visit to Durham's children's services"
    ['ofsted-focused-visit_80465_durham_2021-08-23_head.txt', 'la:80465:2021-07-13:focused'],
    // "Focused visit to the London Borough of Lewisham's children's services"
    ['ofsted-focused-visit_80508_lewisham_2021-08-31_head.txt', 'la:80508:2021-07-21:focused'],
    // "Focused visit to children's services" above "…the focused visit to Camden children's services"
    ['ofsted-focused-visit_80491_camden_2023-12-05_head.txt', 'la:80491:2023-10-31:focused'],
    // "Focused visit to East Riding local authority children's services"
    [
      'ofsted-focused-visit_80466_east-riding-of-yorkshire_2024-07-12_head.txt',
      'la:80466:2024-05-15:focused',
    ],
    // "Focused visit to Newcastle local authority children's services"
    [
      'ofsted-focused-visit_80525_newcastle-upon-tyne_2018-08-16_head.txt',
      'la:80525:2018-07-24:focused',
    ],
  ])('focused visit %s is %s', (name, id) => {
    const doc = parseOfstedLaFocusedVisit(readParserFixture(name), sourceFor(name));
    expect(doc.inspection.id).toBe(id);
    expect(doc.location.id).toBe(id.split(':').slice(0, 2).join(':'));
    expect(doc.provider?.id).toBe(`local-authority:${id.split(':')[1]}`);
    expect(doc.warnings.map((w) => w.code)).not.toContain('unknown-local-authority');
  });

  it.each([
    // "Inspection of East Riding local authority children's services"
    ['ofsted-ilacs_80466_east-riding-of-yorkshire_2023-03-24_head.txt', 'la:80466:2023-01-30:full'],
    // "Inspection of Newcastle local authority children's services"
    ['ofsted-ilacs_80525_newcastle-upon-tyne_2022-02-01_head.txt', 'la:80525:2021-11-29:full'],
  ])('ILACS report %s is %s', (name, id) => {
    const doc = parseOfstedLaChildrensServices(readParserFixture(name), sourceFor(name));
    expect(doc.inspection.id).toBe(id);
    expect(doc.warnings.map((w) => w.code)).not.toContain('unknown-local-authority');
  });
});
