import { describe, expect, it } from 'vitest';
import type { CompiledCue } from '../../../src/ingest/classify/compiled-cue.ts';
import { compileCue, findCueMatches } from '../../../src/ingest/classify/cues.ts';
import polarityCues from '../../../src/ingest/classify/polarity-cues.json' with { type: 'json' };
import { readThemeTaxonomy } from '../../../src/reference/index.ts';
import realSentences from './real-sentences.json' with { type: 'json' };

function terms(cues: string[], text: string): string[] {
  return findCueMatches(
    text,
    cues.map((cue) => compileCue(cue, cue)),
  ).map((m) => m.term);
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
    expect(
      terms(['equipment', 'personal protective equipment'], 'wore personal protective equipment'),
    ).toEqual(['personal protective equipment']);
    const both = findCueMatches('whistleblowing policy', [
      compileCue('whistleblow*', 'a'),
      compileCue('whistleblowing', 'b'),
    ]);
    expect(both.map((m) => m.payload).sort()).toEqual(['a', 'b']);
  });
});

describe('where cues are tried', () => {
  // findCueMatches tries a cue only where a word starts with its first letters; these are the
  // matches a scan of every cue over the whole text gives, which it must reproduce exactly.
  function scanEveryCue<T>(
    text: string,
    cues: readonly CompiledCue<T>[],
  ): { cue: string; start: number; end: number }[] {
    const found: { cue: string; start: number; end: number }[] = [];
    for (const cue of cues) {
      const regex = new RegExp(cue.regex.source, cue.regex.flags);
      for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
        if (m[0].length === 0) regex.lastIndex += 1;
        else found.push({ cue: cue.cue, start: m.index, end: m.index + m[0].length });
      }
    }
    const kept = found.filter(
      (a) =>
        !found.some(
          (b) => b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start,
        ),
    );
    return kept.sort((a, b) => a.start - b.start || b.end - a.end);
  }

  const taxonomy = readThemeTaxonomy();
  const lists: [string, CompiledCue<null>[]][] = [
    [
      'theme cues',
      taxonomy.themes
        .flatMap((t) => [...t.cues, ...t.weakCues])
        .map((cue) => compileCue(cue, null)),
    ],
    ['ignored phrases', taxonomy.ignore.map((cue) => compileCue(cue, null))],
    [
      'polarity cues',
      [...polarityCues.concern, ...polarityCues.strength, ...polarityCues.pivots].map((cue) =>
        compileCue(cue, null),
      ),
    ],
  ];
  const texts = [
    ...realSentences.themes.map((c) => c.text),
    ...realSentences.polarity.map((c) => c.text),
    // Case, possessives, hyphens and joined words, digits, and characters beside a cue that are
    // word characters to the cue regexes but not ASCII (é, the Kelvin sign K is not one).
    "SAFEGUARDING Safeguarded self harm Self-Harm selfharm GPs. The GP's staff; staff's training.",
    'éstaff ÉRestraint \u212Arestraint \u017Fafeguarding restraint\u00E9 restraints\u212A 2restraint restraint2',
    'Risk-assessments, risk  assessments and risk\nassessment; medication-errors (medication errors).',
    // Pattern cues (re:) in capitals: they scan only texts holding a word they need.
    'Staff KEPT THEM SAFE, BUT NOT always; it went WELL. Children GO MISSING. ESCALATION was slow; they WAITED TOO LONG.',
    // Endings: plurals and possessives match, longer words do not.
    "Records, recorded, RECORDES, recordses; staffing, staff's and staffs' rotas; the GPES and GPs.",
  ];

  it.each(lists)('finds what scanning every one of the %s finds', (_, cues) => {
    for (const text of texts) {
      const found = findCueMatches(text, cues).map(({ cue, start, end }) => ({ cue, start, end }));
      expect(found, text).toEqual(scanEveryCue(text, cues));
    }
  });
});
