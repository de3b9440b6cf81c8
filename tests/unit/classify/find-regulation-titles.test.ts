/**
 * Citations by regulation title in CQC text. The first case is a real CQC summary (location
 * 1-5154676354, 2025); the others follow the wording of CQC full reports.
 */
import { describe, expect, it } from 'vitest';
import { findCitations } from '../../../src/ingest/classify/find-citations.ts';

const cqc = { defaultLegislation: 'HSCA-RA-2014' } as const;
const home = { defaultLegislation: 'CHR2015' } as const;

const numbers = (text: string, context: typeof cqc | typeof home = cqc) =>
  findCitations(text, context).map((c) => `${c.regulation.legislation}:${c.regulation.number}`);

describe('citations by regulation title', () => {
  it('reads the titles listed after a sentence about breaches, in their short forms too', () => {
    const text =
      'We found the provider was in breach of 7 legal regulations. These related to person-centred care, consent to care and treatment, dignity and respect, safe care and treatment, safeguarding from abuse, good governance and staffing.';
    expect(numbers(text).sort()).toEqual(
      [
        'HSCA-RA-2014:9',
        'HSCA-RA-2014:10',
        'HSCA-RA-2014:11',
        'HSCA-RA-2014:12',
        'HSCA-RA-2014:13',
        'HSCA-RA-2014:17',
        'HSCA-RA-2014:18',
      ].sort(),
    );
    const [first] = findCitations(text, cqc).filter((c) => c.regulation.number === '9');
    expect(text.slice(first!.start, first!.end)).toBe('person-centred care');
    expect(first!.regulation.title).toBe('Person-centred care');
  });

  it('reads a title in a sentence about breaches', () => {
    expect(
      numbers(
        'We have identified breaches in relation to safe care and treatment and good governance at this inspection.',
      ),
    ).toEqual(['HSCA-RA-2014:12', 'HSCA-RA-2014:17']);
  });

  it('counts a title printed after its number once', () => {
    expect(
      numbers('Regulation 12 HSCA RA Regulations 2014 Safe care and treatment was not met.'),
    ).toEqual(['HSCA-RA-2014:12']);
  });

  it('reads nothing from titles used as everyday words, or outside CQC legislation', () => {
    expect(numbers('Staffing levels were safe and people received good governance.')).toEqual([]);
    expect(numbers('People were treated with dignity and respect by kind staff.')).toEqual([]);
    expect(numbers('The breach related to staffing at night.', home)).toEqual([]);
  });
});
