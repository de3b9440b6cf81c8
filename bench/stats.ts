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
 * Alternates two measurements run by run, so a machine getting busier or quieter affects both
 * sides of a ratio alike.
 */
export async function measurePair(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  runs: number,
  warmup = 3,
): Promise<[Timing, Timing]> {
  for (let i = 0; i < warmup; i += 1) {
    await a();
    await b();
  }
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    for (const [work, samples] of i % 2 === 0
      ? ([
          [a, sa],
          [b, sb],
        ] as const)
      : ([
          [b, sb],
          [a, sa],
        ] as const)) {
      const start = process.hrtime.bigint();
      await work();
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  sa.sort((x, y) => x - y);
  sb.sort((x, y) => x - y);
  return [
    { p50: percentile(sa, 50), p95: percentile(sa, 95), runs },
    { p50: percentile(sb, 50), p95: percentile(sb, 95), runs },
  ];
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
