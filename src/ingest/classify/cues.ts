/**
 * Cue terms as reviewers write them in the JSON data files, compiled to regular expressions.
 * Grammar (the same for themes, polarity and every other cue list):
 * - a plain cue is a lower-case word or phrase matched case-insensitively on word boundaries;
 *   each word may also take +s, +es or a possessive;
 * - a trailing `*` on a word matches any word ending ("safeguard*");
 * - a hyphen matches a hyphen, a space or nothing ("self-harm" = "self harm" = "selfharm");
 * - a space between words matches a hyphen too: reports hyphenate a phrase used as an adjective
 *   ("missing-from-home protocols"), and the cue "missing from home" must still find it;
 * - a cue starting with `re:` is a regular expression, for wording a list cannot express.
 */
import { PATTERN_PREFIX } from '../../reference/index.ts';
import { normaliseQuotes } from '../text/normalise.ts';
import { foldForRequiredWords, mayMatch } from '../text/required-words.ts';
import { findAnchors, indexCueList } from './cue-anchors.ts';
import type { CompiledCue } from './compiled-cue.ts';
import { escapeRegExp } from '../text/escape-regexp.ts';

export interface CueMatch<T> {
  cue: string;
  payload: T;
  /** The matched text, lower-cased and with runs of spaces collapsed. */
  term: string;
  start: number;
  end: number;
}

/**
 * Letters and digits, Latin-1 and Latin Extended included. Spelt out rather than \p{L}: unicode
 * property classes make each of several hundred cue regexes many times slower to compile.
 */
const WORD_CHAR = String.raw`[A-Za-z0-9\u00C0-\u024F]`;

function compileWord(word: string): string {
  const anyEnding = word.endsWith('*');
  const core = anyEnding ? word.slice(0, -1) : word;
  const body = core
    .split('-')
    .map(escapeRegExp)
    .join(String.raw`(?:-|\s)?`);
  return anyEnding ? `${body}${WORD_CHAR}*` : `${body}(?:s|es|'s|s')?`;
}

/** Source of the regular expression a cue stands for (flags `gi`). */
export function cueSource(cue: string): string {
  if (cue.startsWith(PATTERN_PREFIX)) return cue.slice(PATTERN_PREFIX.length);
  const words = cue.trim().split(/\s+/).map(compileWord);
  return `(?<!${WORD_CHAR})${words.join(String.raw`(?:\s+|\s*-\s*)`)}(?!${WORD_CHAR})`;
}

export function compileCue<T>(cue: string, payload: T): CompiledCue<T> {
  try {
    return { cue, regex: new RegExp(cueSource(cue), 'gi'), payload };
  } catch (error) {
    throw new Error(`cue ${JSON.stringify(cue)} does not compile: ${(error as Error).message}`);
  }
}

/**
 * Text prepared for cue matching: quotes straightened (same length, so offsets still point into
 * the original).
 */
export function prepareForCues(text: string): string {
  return normaliseQuotes(text);
}

function ascending(a: number, b: number): number {
  return a - b;
}

function byStartThenLongest(
  a: { start: number; end: number },
  b: { start: number; end: number },
): number {
  return a.start - b.start || b.end - a.end;
}

/** Matches not lying strictly inside a longer one. */
function dropContained<T>(matches: readonly CueMatch<T>[]): CueMatch<T>[] {
  const kept: CueMatch<T>[] = [];
  for (const a of matches) {
    let inside = false;
    for (const b of matches) {
      if (b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start) {
        inside = true;
        break;
      }
    }
    if (!inside) kept.push(a);
  }
  return kept;
}

function toMatch<T>(cue: CompiledCue<T>, found: string, start: number): CueMatch<T> {
  return {
    cue: cue.cue,
    payload: cue.payload,
    term: found.toLowerCase().replace(/\s+/g, ' '),
    start,
    end: start + found.length,
  };
}

/**
 * Every match of every cue in `text` (already prepared), except matches lying strictly inside a
 * longer match: "personal protective equipment" hides the "equipment" inside it. Matches with the
 * same span all stay, so one phrase can be evidence for two themes. (No closures here: the
 * tsx/esbuild transform names every closure as it is created, which showed in the profile.)
 */
export function findCueMatches<T>(text: string, cues: readonly CompiledCue<T>[]): CueMatch<T>[] {
  const index = indexCueList(cues);
  const anchors = findAnchors(text, index);
  const matches: CueMatch<T>[] = [];
  let folded: string | null = null;
  // In list order, each cue's matches left to right: what scanning cue by cue gave.
  const order = [...index.scanned, ...anchors.keys()].sort(ascending);
  for (const i of order) {
    const cue = cues[i]!;
    const at = anchors.get(i);
    if (at) {
      const anchored = index.anchored[i]!;
      // A scan resumes after a match, so anchors inside one are skipped; these matches are never empty.
      let end = 0;
      for (const start of at) {
        if (start < end) continue;
        anchored.lastIndex = start;
        const m = anchored.exec(text);
        if (m === null) continue;
        matches.push(toMatch(cue, m[0], start));
        end = start + m[0].length;
      }
    } else {
      const words = index.scanWords[i]!;
      if (words.length > 0 && !mayMatch(words, (folded ??= foldForRequiredWords(text)))) continue;
      // exec on the compiled regex, not matchAll: matchAll clones (and so recompiles) the regex on
      // every call, which costs more than the matching itself.
      const regex = cue.regex;
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
        if (m[0].length === 0) {
          regex.lastIndex += 1;
          continue;
        }
        matches.push(toMatch(cue, m[0], m.index));
      }
    }
  }
  return dropContained(matches).sort(byStartThenLongest);
}

/** `text` with the given spans replaced by spaces, so cues cannot match inside them. */
export function maskSpans(text: string, spans: readonly { start: number; end: number }[]): string {
  let out = text;
  for (const { start, end } of spans)
    out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  return out;
}
