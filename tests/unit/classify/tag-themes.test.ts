/**
 * The tagging threshold: what one weak cue, a cited regulation and a long text can and cannot do.
 * These are rules, so the rules are tagged alone (the learned model on top of them is measured
 * by npm run eval and checked in theme-model.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { findCitations } from '../../../src/ingest/classify/find-citations.ts';
import { tagThemes } from '../../../src/ingest/classify/tag-themes.ts';

function ids(text: string, defaultLegislation: 'CHR2015' | 'HSCA-RA-2014' | null = null): string[] {
  return tagThemes(text, {
    citations: findCitations(text, { defaultLegislation }),
    rulesOnly: true,
  }).map((t) => t.id);
}

describe('tagThemes threshold', () => {
  it('needs two different weak cues in one sentence', () => {
    // "leaders and managers", "quality of care" and "breaches" are weak governance cues.
    expect(
      ids(
        'Leaders and managers have not brought about the required changes to improve the quality of care.',
      ),
    ).toEqual(['governance']);
    expect(
      ids(
        'Leaders and managers cannot be sure that children are making progress. Breaches in regulation identified at this inspection are repeated from previous inspections.',
      ),
    ).not.toContain('governance');
    expect(
      ids('The local authority has not made sufficient progress since the last inspection.'),
    ).toEqual([]);
  });

  it('counts a weak cue once however often it fires, and once for each word it covers', () => {
    // In CQC text "staff" is a weak staffing cue and "skills" another; "risk" and "risks" are
    // both weak safeguarding cues, and both match the word "risks".
    const cqc = (text: string) =>
      tagThemes(text, { family: 'cqc-api-location', rulesOnly: true }).map((t) => t.id);
    expect(cqc('Staff greeted people warmly and staff listened to what they said.')).not.toContain(
      'staffing',
    );
    expect(cqc('Staff had the skills to support people well.')).toContain('staffing');
    expect(cqc("People's risks were recorded.")).not.toContain('safeguarding');
  });

  it('counts a regulation covering one or two themes as a cue, a broader one as a weak cue', () => {
    expect(ids('This is a breach of regulation 23.', 'CHR2015')).toEqual(['medication']);
    // HSCA RA 2014 regulation 12 covers four themes: citing it alone tags none of them.
    expect(ids('This is a breach of regulation 12.', 'HSCA-RA-2014')).toEqual([]);
    expect(
      ids('Medicines were not stored securely, a breach of regulation 12.', 'HSCA-RA-2014'),
    ).toContain('medication');
  });

  it('does not take legislation names for cues', () => {
    expect(
      ids(
        'The provider had failed to comply with the relevant requirements of the Health and Social Care Act 2008 (Regulated Activities) Regulations 2014.',
      ),
    ).not.toContain('health-and-wellbeing');
  });

  it('tags a long text with every theme one sentence speaks of, less surely than a short one', () => {
    // The labelling guide's rule 4: a theme is labelled when at least one sentence says something
    // about it, however long the text. (Until ingest version 5 a text of 7 sentences needed
    // evidence in two; the labelled set's development part scores higher without that rule.)
    const sentences = [
      'Leaders and managers have not brought about the required changes to improve the quality of care.',
      'The home is not maintained to a suitable standard.',
      'Records do not provide enough detail about children and their experiences.',
      'Children do not always receive their prescribed medication as required.',
      'Holiday plans include days out to theme parks and beaches, and trips to see their families.',
      'Senior leaders fail to make decisions about the ethos of the home and model of care.',
      'Staff had received mandatory training in key skills.',
    ];
    const staffing = (text: string) =>
      tagThemes(text, { rulesOnly: true }).find((t) => t.id === 'staffing')?.confidence;
    // A cue ("training") and a weak cue ("skills"): 3 points, 1 - 0.5^1.5 = 0.65 over 6
    // sentences; over 7 the one sentence covers 6/7 of what the text needs (one sentence in six),
    // so 0.646 × (0.5 + 0.5 × 6/7) = 0.60 (theme-confidence.ts).
    expect(staffing(sentences.slice(1).join(' '))).toBe(0.65);
    expect(staffing(sentences.join(' '))).toBe(0.6);
    expect(ids(sentences.join(' '))).toContain('governance');
  });
});
