/**
 * The generator's only source of randomness: a small seeded PRNG (mulberry32) and the draws the
 * generator needs. Math.random is never used, so a seed fixes every byte of the corpus.
 */

/** 32-bit FNV-1a hash of a string: turns a seed and a path ("loc:17") into an independent stream seed. */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export interface Weighted<T> {
  value: T;
  weight: number;
}

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A stream seeded from text, e.g. `Random.fromKey(`${seed}:location:${i}`)`. */
  static fromKey(key: string): Random {
    return new Random(hashSeed(key));
  }

  /** Uniform in [0, 1): mulberry32. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  pickWeighted<T>(items: readonly Weighted<T>[]): T {
    const total = items.reduce((sum, item) => sum + item.weight, 0);
    if (!(total > 0)) throw new Error('cannot pick from weights that sum to zero');
    let roll = this.next() * total;
    for (const item of items) {
      roll -= item.weight;
      if (roll < 0) return item.value;
    }
    return items[items.length - 1]!.value;
  }

  /** `count` distinct items in random order (all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) {
      out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    }
    return out;
  }

  /** `count` distinct items drawn by weight, without replacement. */
  sampleWeighted<T>(items: readonly Weighted<T>[], count: number): T[] {
    const pool = items.filter((item) => item.weight > 0);
    const out: T[] = [];
    while (out.length < count && pool.length > 0) {
      const chosen = this.pickWeighted(
        pool.map((item, index) => ({ value: index, weight: item.weight })),
      );
      out.push(pool.splice(chosen, 1)[0]!.value);
    }
    return out;
  }
}
