/** A small seeded generator (mulberry32) for the bench's samples: the same seed, the same draws. */

export type Random = () => number;

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
