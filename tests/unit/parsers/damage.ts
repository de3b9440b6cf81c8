/**
 * Ways of damaging a report's text for the parsers' property tests, shared so every family is
 * fuzzed the same way: garbage lines inserted at random places, characters overwritten.
 */
import fc from 'fast-check';
import { it } from 'vitest';
import { formatIsoDate } from '../../../src/ingest/text/dates.ts';

export type LineInsertion = [at: number, line: string];
export type CharOverwrite = [at: number, chars: string];

/** Up to `maxLength` lines from `garbage`, each at a position among `lineCount` lines. */
export function lineInsertions(
  lineCount: number,
  garbage: fc.Arbitrary<string>,
  maxLength: number,
): fc.Arbitrary<LineInsertion[]> {
  return fc.array(fc.tuple(fc.nat({ max: lineCount }), garbage), { maxLength });
}

export function insertLines(
  lines: readonly string[],
  insertions: readonly LineInsertion[],
): string[] {
  const damaged = [...lines];
  for (const [at, junk] of insertions) damaged.splice(Math.min(at, damaged.length), 0, junk);
  return damaged;
}

/** Up to 20 runs of 1 to 3 random characters, each written over the text at a random offset. */
export function charOverwrites(textLength: number): fc.Arbitrary<CharOverwrite[]> {
  return fc.array(
    fc.tuple(
      fc.nat({ max: textLength }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }),
    ),
    { maxLength: 20 },
  );
}

export function overwriteChars(text: string, edits: readonly CharOverwrite[]): string {
  let damaged = text;
  for (const [at, chars] of edits)
    damaged = damaged.slice(0, at) + chars + damaged.slice(at + chars.length);
  return damaged;
}

/** True for null, undefined or a real calendar date as YYYY-MM-DD. */
export function isIsoDateOrNull(value: string | null | undefined): boolean {
  if (value === null || value === undefined) return true;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && formatIsoDate(Number(m[1]), Number(m[2]), Number(m[3])) === value;
}

export interface DamageSuite {
  /** The undamaged report. */
  text: string;
  /** Parses a damaged text and checks the document; throws (fails) when the parser does not hold up. */
  check: (damaged: string) => void;
  /** Lines of junk to insert. */
  garbage: fc.Arbitrary<string>;
  numRuns: number;
  timeoutMs: number;
}

/**
 * The damage every text family's parser is put through alike, as three tests: the text cut
 * anywhere, up to 8 garbage lines inserted, characters written over. Each file adds the damage
 * its own family needs (shuffled or deleted lines, the whole pipeline).
 */
export function itSurvivesCommonDamage({
  text,
  check,
  garbage,
  numRuns,
  timeoutMs,
}: DamageSuite): void {
  const lines = text.split('\n');
  it(
    'survives truncation at any point',
    () => {
      fc.assert(
        fc.property(fc.nat({ max: text.length }), (end) => check(text.slice(0, end))),
        { numRuns },
      );
    },
    timeoutMs,
  );

  it(
    'survives garbage lines inserted anywhere',
    () => {
      fc.assert(
        fc.property(lineInsertions(lines.length, garbage, 8), (insertions) =>
          check(insertLines(lines, insertions).join('\n')),
        ),
        { numRuns },
      );
    },
    timeoutMs,
  );

  it(
    'survives random characters written over the text',
    () => {
      fc.assert(
        fc.property(charOverwrites(text.length), (edits) => check(overwriteChars(text, edits))),
        { numRuns },
      );
    },
    timeoutMs,
  );
}
