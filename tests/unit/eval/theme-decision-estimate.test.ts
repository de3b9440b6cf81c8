/**
 * The nested estimate of how decisions are chosen (estimateDecisionChoice): each finding is scored
 * by a decision chosen without it, and a fixed decision scores as it does on every finding.
 */
import { describe, expect, it } from 'vitest';
import {
  decideHeldOut,
  estimateDecisionChoice,
  type HeldOutScores,
} from '../../../src/eval/theme-training.ts';
import { scoreThemePairs } from '../../../src/eval/theme-scores.ts';

const THEMES = ['staffing', 'records'];

function finding(id: number, staffing: number, records: number, gold: string[]): HeldOutScores {
  return {
    id: `f${id}`,
    family: id % 2 === 0 ? 'cqc-api-location' : 'ofsted-childrens-home',
    gold,
    probabilities: new Map([
      ['staffing', staffing],
      ['records', records],
    ]),
    ruleTagged: new Set(staffing > 0.5 ? ['staffing'] : []),
  };
}

const SCORES: HeldOutScores[] = Array.from({ length: 40 }, (_, i) =>
  finding(i, (i % 10) / 10, ((i * 7) % 10) / 10, i % 3 === 0 ? ['staffing'] : ['records']),
);

describe('estimateDecisionChoice', () => {
  it('scores a fixed decision as it scores on every finding', () => {
    const decision = { keep: 0, add: 0.45 };
    const direct = scoreThemePairs(decideHeldOut(SCORES, decision, THEMES)).micro.f1;
    expect(estimateDecisionChoice(SCORES, THEMES, () => () => decision)).toBeCloseTo(direct, 12);
  });

  it('never scores a finding with a decision chosen on it', () => {
    let scored = 0;
    estimateDecisionChoice(SCORES, THEMES, (chosenOn) => {
      const seen = new Set(chosenOn.map((s) => s.id));
      expect(seen.size).toBeGreaterThan(0);
      return (s) => {
        expect(seen.has(s.id)).toBe(false);
        scored++;
        return { keep: 0, add: 0.5 };
      };
    });
    expect(scored).toBe(SCORES.length);
  });
});
