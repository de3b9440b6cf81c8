/**
 * The property tests (parser robustness, CSV and Python-literal readers) draw their inputs from
 * one fixed seed, so `npm test` and CI give the same verdict on the same code: a random seed let
 * any run fail on a new find, blocking unrelated work. Hunting is a separate, deliberate run:
 * `FUZZ_SEED=random FUZZ_RUNS=5000 npx vitest run --project unit tests/unit` (a failure prints
 * its seed and path to replay).
 */
import fc from 'fast-check';

const DEFAULT_SEED = 20261124;

function readFuzzSeed(value: string | undefined): number | null {
  if (value === 'random') return null;
  if (value === undefined || value === '') return DEFAULT_SEED;
  const seed = Number(value);
  if (!Number.isInteger(seed))
    throw new Error(`FUZZ_SEED must be a whole number or "random", got "${value}"`);
  return seed;
}

const seed = readFuzzSeed(process.env.FUZZ_SEED);
if (seed !== null) fc.configureGlobal({ seed });
