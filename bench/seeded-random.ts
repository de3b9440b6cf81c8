/** A small seeded generator (mulberry32) for the bench's samples: the same seed, the same draws. */

import { createSeededRandom } from '../src/eval/bootstrap.ts';

export type Random = () => number;

/** The eval's mulberry32: one generator for every seeded draw in the project. */
export const createRandom: (seed: number) => Random = createSeededRandom;

export function pick<T>(random: Random, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

/** `count` distinct items of `list`, in the order drawn. */
export function pickSome<T>(random: Random, list: readonly T[], count: number): T[] {
  const left = [...list];
  const out: T[] = [];
  while (out.length < count && left.length > 0)
    out.push(left.splice(Math.floor(random() * left.length), 1)[0]!);
  return out;
}
