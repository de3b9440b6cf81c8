/**
 * The dominance step of theme tagging: only long texts are trimmed, to the themes whose evidence
 * weighs at least the set share of the best-covered theme's.
 */
import { describe, expect, it } from 'vitest';
import {
  DOMINANCE_RULE,
  keepDominantThemes,
} from '../../../src/ingest/classify/dominant-themes.ts';
import { findThemeCandidates, tagThemes } from '../../../src/ingest/classify/tag-themes.ts';

const candidates = [
  { id: 'staffing', weight: 8 },
  { id: 'safeguarding', weight: 6 },
  { id: 'health-and-wellbeing', weight: 2.5 },
];

describe('keepDominantThemes', () => {
  it('leaves texts shorter than a long text alone', () => {
    expect(
      keepDominantThemes(candidates, DOMINANCE_RULE.longTextSentences - 1).map((c) => c.id),
    ).toEqual(['staffing', 'safeguarding', 'health-and-wellbeing']);
  });

  it('keeps the themes near the best one in a long text', () => {
    expect(
      keepDominantThemes(candidates, 20, { longTextSentences: 7, share: 0.75 }).map((c) => c.id),
    ).toEqual(['staffing', 'safeguarding']);
    expect(
      keepDominantThemes(candidates, 20, { longTextSentences: 7, share: 0.8 }).map((c) => c.id),
    ).toEqual(['staffing']);
  });

  it('never drops the only theme', () => {
    expect(keepDominantThemes([{ id: 'records', weight: 0.5 }], 30)).toEqual([
      { id: 'records', weight: 0.5 },
    ]);
  });
});

describe('evidence weight', () => {
  it('counts a sentence with a cue as one, a sentence with one weak cue as a half', () => {
    // "training" is a staffing cue; "skills" a weak staffing cue.
    const { candidates: found } = findThemeCandidates(
      'Staff had completed training. Staff had the skills they needed.',
    );
    expect(found.find((c) => c.id === 'staffing')?.weight).toBe(1.5);
  });

  it('drops a theme mentioned in passing in a long text (a real CQC staffing commentary)', () => {
    const commentary = [
      'The practice had a recruitment policy and procedures that reflected relevant legislation, to help them employ suitable staff, including agency or locum staff.',
      'The practice ensured clinical staff were qualified, registered with the General Dental Council and had appropriate professional indemnity cover.',
      'Newly appointed staff had a structured induction, which included safeguarding.',
      'The provider ensured clinical staff completed continuing professional development required for their registration with the General Dental Council.',
      'The practice had arrangements to ensure staff training was up-to-date and reviewed at the required intervals.',
      'There were also effective processes to support and develop staff with additional roles and responsibilities.',
      'Staff we spoke with had the skills, knowledge and experience to carry out their roles.',
      'They told us that there were sufficient staffing levels.',
      'They demonstrated knowledge of safeguarding and were aware of how safeguarding information could be accessed.',
      'Staff knew their responsibilities for safeguarding vulnerable adults and children.',
      'Staff stated they felt respected, supported and valued, and they were proud to work in the practice.',
      'Staff discussed their training needs during annual appraisals, 1 to 1 meetings and practice team meetings and ongoing informal discussions.',
      'They also discussed learning needs, general wellbeing and aims for future professional development.',
    ].join(' ');
    expect(tagThemes(commentary).map((t) => t.id)).toEqual(['staffing']);
  });
});
