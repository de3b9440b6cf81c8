import { describe, expect, it } from 'vitest';
import { compileCue, findCueMatches } from '../../../src/ingest/classify/cues.ts';

function terms(cues: string[], text: string): string[] {
  return findCueMatches(text, cues.map((cue) => compileCue(cue, cue))).map((m) => m.term);
}

describe('cue grammar', () => {
  it.each([
    [['restraint'], 'Four restraints have occurred.', ['restraints']],
    [['risk of harm'], 'reduce the risks of harm', ['risks of harm']],
    [['safeguard*'], 'Safeguarding and safeguarded children', ['safeguarding', 'safeguarded']],
    [['self-harm'], 'self harm, self-harm and selfharm', ['self harm', 'self-harm', 'selfharm']],
    [['record'], 'recorded in the records', ['records']],
    [['re:\\b(?:go|goes|going|gone|went) missing\\b'], 'children who go missing', ['go missing']],
    [['gp'], 'GPs and the GP', ['gps', 'gp']],
  ])('%j in "%s"', (cues, text, expected) => {
    expect(terms(cues, text)).toEqual(expected);
  });

  it('matches whole words only', () => {
    expect(terms(['send'], 'He was sending it')).toEqual([]);
    expect(terms(['harm'], 'harmless pharmacy')).toEqual([]);
  });

  it('lets a longer cue hide a shorter one inside it, but keeps equal spans', () => {
    expect(terms(['equipment', 'personal protective equipment'], 'wore personal protective equipment')).toEqual(['personal protective equipment']);
    const both = findCueMatches('whistleblowing policy', [compileCue('whistleblow*', 'a'), compileCue('whistleblowing', 'b')]);
    expect(both.map((m) => m.payload).sort()).toEqual(['a', 'b']);
  });
});
