/**
 * Ratings over time as a Markov chain per regulator: the next rating depends on the last one,
 * tilted by the provider's quality. Good locations tend to stay good; inadequate ones mostly
 * climb to requires improvement, some stay inadequate.
 */
import type { Grade } from '../model/document.ts';
import type { Random } from './random.ts';
import type { SyntheticRegulator } from './sector-plan.ts';

/** 0 outstanding, 1 good, 2 requires improvement, 3 inadequate: higher is worse. */
export type Rating = 0 | 1 | 2 | 3;

export const RATINGS: readonly Rating[] = [0, 1, 2, 3];

interface RatingChain {
  first: readonly number[];
  next: readonly (readonly number[])[];
}

/**
 * Tuned so each regulator's spread of latest ratings is roughly the published one (children's
 * homes: about a fifth outstanding, three fifths good, few inadequate; CQC locations: mostly
 * good, very few outstanding or inadequate). Weak locations are inspected more often, so their
 * share of reports is higher than their share of locations.
 */
const CHAINS: Readonly<Record<SyntheticRegulator, RatingChain>> = {
  OFSTED: {
    first: [0.15, 0.62, 0.18, 0.05],
    next: [
      [0.65, 0.3, 0.04, 0.01],
      [0.1, 0.74, 0.13, 0.03],
      [0.03, 0.55, 0.33, 0.09],
      [0, 0.25, 0.55, 0.2],
    ],
  },
  CQC: {
    first: [0.05, 0.7, 0.2, 0.05],
    next: [
      [0.6, 0.37, 0.03, 0],
      [0.03, 0.8, 0.14, 0.03],
      [0.01, 0.5, 0.4, 0.09],
      [0, 0.2, 0.6, 0.2],
    ],
  },
};

/**
 * e^x as (1 + x/64)^64 by six squarings: within 5% of Math.exp over the range used (|x| ≤ 2.4),
 * and made of + and × only, whose results IEEE 754 fixes, so every engine draws the same corpus.
 */
function approximateExp(x: number): number {
  let y = 1 + x / 64;
  for (let i = 0; i < 6; i += 1) y *= y;
  return y;
}

function drawFrom(random: Random, base: readonly number[], from: Rating, quality: number): Rating {
  // Quality 1 makes each step down e^-0.8 times as likely; quality -1 the same for each step up.
  return random.pickWeighted(
    RATINGS.map((to) => ({
      value: to,
      weight: base[to]! * approximateExp(-quality * 0.8 * (to - from)),
    })),
  );
}

export function drawFirstRating(
  random: Random,
  regulator: SyntheticRegulator,
  quality: number,
): Rating {
  return drawFrom(random, CHAINS[regulator].first, 1, quality);
}

export function drawNextRating(
  random: Random,
  regulator: SyntheticRegulator,
  previous: Rating,
  quality: number,
): Rating {
  return drawFrom(random, CHAINS[regulator].next[previous]!, previous, quality);
}

export function mapRatingToGrade(rating: Rating): Grade {
  return (['OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT', 'INADEQUATE'] as const)[rating];
}

/** Ofsted's wording, lower case as on the first page: "requires improvement to be good". */
export function describeOfstedRating(rating: Rating): string {
  return ['outstanding', 'good', 'requires improvement to be good', 'inadequate'][rating]!;
}

/** CQC's wording after "We rated it as". */
export function describeCqcRating(rating: Rating): string {
  return ['outstanding', 'good', 'requires improvement', 'inadequate'][rating]!;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A rating one step either side of `rating` (or the same), within the scale. */
export function drawNearbyRating(random: Random, rating: Rating, sameChance: number): Rating {
  if (random.chance(sameChance)) return rating;
  const step = random.chance(0.5) ? -1 : 1;
  return Math.max(0, Math.min(3, rating + step)) as Rating;
}
