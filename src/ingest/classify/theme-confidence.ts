/**
 * How likely a theme tag is right, from the evidence behind it. Every tag has passed the
 * threshold (2 points: a cue, or two weak cues in one sentence); each point beyond it halves the
 * remaining doubt, so one cue gives 0.5, a cue and a weak cue 0.65, two cues 0.75, three 0.88.
 * Long texts are discounted by how much of them the theme's evidence covers (`weight` against the
 * sentences it would need), so a theme named once in a twelve-sentence commentary is less
 * certain than the same cue in a one-sentence finding.
 */

/** What a candidate theme's evidence weighs (see ThemeCandidate in tag-themes.ts). */
export interface ThemeEvidenceWeight {
  /** Points of its evidence. */
  score: number;
  /** Sentences its evidence runs through, each counted as far as it would tag alone. */
  weight: number;
}
/** Points at which the tagger tags (tag-themes.ts THRESHOLD). */
const THRESHOLD_POINTS = 2;
/** Sentences of text one sentence of evidence stands for before the discount starts. */
const SENTENCES_PER_EVIDENCE = 6;

function roundTo(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}

export function confidenceOf(candidate: ThemeEvidenceWeight, sentenceCount: number): number {
  const fromScore = 1 - 0.5 ** (candidate.score / THRESHOLD_POINTS);
  const needed = Math.max(1, sentenceCount / SENTENCES_PER_EVIDENCE);
  const spread = Math.min(1, candidate.weight / needed);
  return roundTo(fromScore * (0.5 + 0.5 * spread), 2);
}
