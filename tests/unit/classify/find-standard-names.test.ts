/**
 * Citations by standard name. Ofsted children's-home reports name the quality standards of the
 * Children's Homes (England) Regulations 2015 by their headings ("12: The protection of children
 * standard" heads the regulation 12 row of the seed's requirements table); a finding that says
 * a standard was not met cites that regulation as surely as one that gives its number.
 */
import { describe, expect, it } from 'vitest';
import { findCitations } from '../../../src/ingest/classify/find-citations.ts';

const home = { defaultLegislation: 'CHR2015' } as const;
const cqc = { defaultLegislation: 'HSCA-RA-2014' } as const;

const ids = (text: string, context: { defaultLegislation: 'CHR2015' | 'HSCA-RA-2014' | null }) =>
  findCitations(text, context).map((c) => `${c.regulation.legislation}:${c.regulation.number}`);

describe('citations by standard name', () => {
  it('reads a quality standard named in a finding as its regulation', () => {
    const text =
      'This is a repeated breach of the protection of children standard from the full inspection in March 2022.';
    expect(ids(text, home)).toEqual(['CHR2015:12']);
    const [citation] = findCitations(text, home);
    expect(citation!.text).toBe('the protection of children standard');
    expect(citation!.regulation.title).toBe('The protection of children standard');
  });

  it('reads curly apostrophes, line breaks and capitals as the catalogue heading', () => {
    expect(
      ids('Leaders have not met The Children’s views, wishes and\nfeelings standard.', home),
    ).toEqual(['CHR2015:7']);
  });

  it('counts a standard named beside its number once', () => {
    expect(
      ids('The home does not meet regulation 13, the leadership and management standard.', home),
    ).toEqual(['CHR2015:13']);
  });

  it('reads nothing from words that only resemble a standard, or in another legislation', () => {
    expect(
      ids('Children are protected to a high standard and staff understand protection.', home),
    ).toEqual([]);
    expect(ids('Quality standards are not always met.', home)).toEqual([]);
    expect(ids('The protection of children standard is not met.', cqc)).toEqual([]);
    expect(
      ids('The protection of children standard is not met.', { defaultLegislation: null }),
    ).toEqual([]);
  });
});
