/** Timing helpers for the benchmarks: percentiles over repeated runs, measured in one process. */

export interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Runs `work` `warmup` times unmeasured, then `runs` times, and returns p50/p95 in milliseconds. */
export async function measure(
  work: () => Promise<unknown>,
  runs: number,
  warmup = 3,
): Promise<Timing> {
  for (let i = 0; i < warmup; i += 1) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    await work();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), runs };
}

/**
 * Alternates measurements run by run, each run starting with the next one in turn, so a machine
 * getting busier or quieter affects every side of a comparison alike.
 */
export async function measureAlternating(
  works: readonly (() => Promise<unknown>)[],
  runs: number,
  warmup = 3,
): Promise<Timing[]> {
  for (let i = 0; i < warmup; i += 1) for (const work of works) await work();
  const samples = works.map((): number[] => []);
  for (let i = 0; i < runs; i += 1) {
    for (let k = 0; k < works.length; k += 1) {
      const at = (i + k) % works.length;
      const start = process.hrtime.bigint();
      await works[at]!();
      samples[at]!.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return samples.map((list) => {
    list.sort((x, y) => x - y);
    return { p50: percentile(list, 50), p95: percentile(list, 95), runs };
  });
}

/** Two measurements alternated (see measureAlternating). */
export async function measurePair(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  runs: number,
  warmup = 3,
): Promise<[Timing, Timing]> {
  const [ta, tb] = await measureAlternating([a, b], runs, warmup);
  return [ta!, tb!];
}

export function formatMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

/** Peak resident set size of a process (Linux VmHWM), in MiB, or null when unreadable. */
export async function readPeakRssMiB(pid: number): Promise<number | null> {
  try {
    const { readFile } = await import('node:fs/promises');
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}
