/**
 * Long texts wander: a fifteen-sentence CQC commentary on staffing mentions safeguarding training
 * once or twice, a governance commentary touches complaints and risk assessments in passing. The
 * threshold rules of tag-themes.ts tag every theme with enough evidence; in a long text this step
 * then keeps the dominant ones: a theme stays when its evidence runs through at least a set share
 * of the sentences that the best-covered theme's evidence runs through. Short texts (a report
 * bullet, an Ofsted paragraph) are left alone: in a few sentences every theme named is a topic.
 */

export interface DominanceRule {
  /** Texts with at least this many sentences are long. */
  longTextSentences: number;
  /** Share of the best theme's evidence sentences a theme needs to stay in a long text. */
  share: number;
}

export const DOMINANCE_RULE: DominanceRule = { longTextSentences: 7, share: 0.75 };

export function keepDominantThemes<T extends { weight: number }>(
  candidates: readonly T[],
  sentenceCount: number,
  rule: DominanceRule = DOMINANCE_RULE,
): T[] {
  if (sentenceCount < rule.longTextSentences || candidates.length < 2) return [...candidates];
  const best = Math.max(...candidates.map((c) => c.weight));
  return candidates.filter((c) => c.weight >= rule.share * best);
}
