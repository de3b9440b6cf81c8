/** The two keys providers are matched on: Companies House number and normalised name. */
import { describe, expect, it } from 'vitest';
import {
  normaliseCompaniesHouseNumber,
  normaliseProviderName,
  readProviderSource,
} from '../../../src/model/provider-identity.ts';

describe('normaliseCompaniesHouseNumber', () => {
  it('pads numbers to 8 digits and trims the padding of the CQC export', () => {
    expect(normaliseCompaniesHouseNumber('8134155')).toBe('08134155');
    expect(normaliseCompaniesHouseNumber('15756430    ')).toBe('15756430');
    expect(normaliseCompaniesHouseNumber('03754654')).toBe('03754654');
  });
  it('keeps register prefixes, padding their digits', () => {
    expect(normaliseCompaniesHouseNumber('sc12345')).toBe('SC012345');
    expect(normaliseCompaniesHouseNumber('IP19203R')).toBe('IP19203R');
  });
  it('has no number for blanks, zeros and anything that is not 8 letters and digits', () => {
    for (const raw of ['', '   ', null, undefined, '0', '123456789', 'N/A', 'IP-1'])
      expect(normaliseCompaniesHouseNumber(raw)).toBeNull();
  });
});

describe('normaliseProviderName', () => {
  it('makes Ltd, Limited, a leading The, punctuation and case agree', () => {
    expect(normaliseProviderName('Potensial Ltd')).toBe('potensial');
    expect(normaliseProviderName('POTENSIAL LIMITED')).toBe('potensial');
    expect(normaliseProviderName('The Cambian Childcare Ltd.')).toBe('cambian childcare');
    expect(normaliseProviderName('Rose Healthcare Services Ltd Ltd')).toBe(
      'rose healthcare services',
    );
  });
  it('reads & as and, drops apostrophes and accents, and drops plc, llp, cic', () => {
    expect(normaliseProviderName("St George's Nursing Home (Oldham) Limited")).toBe(
      'st georges nursing home oldham',
    );
    expect(normaliseProviderName('Mr Harold Hilton & Mrs Margaret Smith')).toBe(
      'mr harold hilton and mrs margaret smith',
    );
    expect(normaliseProviderName('Spark Of Genius North East Llp')).toBe(
      'spark of genius north east',
    );
    expect(normaliseProviderName('Café Care CIC')).toBe('cafe care');
    expect(normaliseProviderName('Care UK Community Partnerships PLC')).toBe(
      'care uk community partnerships',
    );
  });
  it('keeps words that only look like suffixes inside a name', () => {
    expect(normaliseProviderName('Limited Edition Care Ltd')).toBe('ltd edition care');
    expect(normaliseProviderName('The Theale Group')).toBe('theale group');
  });
  it('has no name when nothing is left', () => {
    for (const raw of ['', 'Ltd', 'The Limited', '---', null])
      expect(normaliseProviderName(raw)).toBeNull();
  });
});

describe('readProviderSource', () => {
  it('is the key prefix', () => {
    expect(readProviderSource('ofsted-provider:potensial-limited')).toBe('ofsted-provider');
    expect(readProviderSource('cqc-provider:1-101611810')).toBe('cqc-provider');
  });
});
