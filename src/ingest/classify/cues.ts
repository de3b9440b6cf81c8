/**
 * Cue terms as reviewers write them in the JSON data files, compiled to regular expressions.
 * Grammar (the same for themes, polarity and every other cue list):
 * - a plain cue is a lower-case word or phrase matched case-insensitively on word boundaries;
 *   each word may also take +s, +es or a possessive;
 * - a trailing `*` on a word matches any word ending ("safeguard*");
 * - a hyphen matches a hyphen, a space or nothing ("self-harm" = "self harm" = "selfharm");
 * - a cue starting with `re:` is a regular expression, for wording a list cannot express.
 */
import { PATTERN_PREFIX } from '../../reference/index.ts';
import { normaliseQuotes } from '../text/normalise.ts';

export interface CompiledCue<T> {
  cue: string;
  regex: RegExp;
  payload: T;
}

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

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

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
  return `(?<!${WORD_CHAR})${words.join(String.raw`\s+`)}(?!${WORD_CHAR})`;
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

/**
 * Every match of every cue in `text` (already prepared), except matches lying strictly inside a
 * longer match: "personal protective equipment" hides the "equipment" inside it. Matches with the
 * same span all stay, so one phrase can be evidence for two themes.
 */
export function findCueMatches<T>(text: string, cues: readonly CompiledCue<T>[]): CueMatch<T>[] {
  const matches: CueMatch<T>[] = [];
  for (const cue of cues) {
    // exec on the compiled regex, not matchAll: matchAll clones (and so recompiles) the regex on
    // every call, which costs more than the matching itself.
    const regex = cue.regex;
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
      if (m[0].length === 0) {
        regex.lastIndex += 1;
        continue;
      }
      matches.push({ cue: cue.cue, payload: cue.payload, term: m[0].toLowerCase().replace(/\s+/g, ' '), start: m.index, end: m.index + m[0].length });
    }
  }
  const kept = matches.filter((a) => !matches.some((b) => b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start));
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** `text` with the given spans replaced by spaces, so cues cannot match inside them. */
export function maskSpans(text: string, spans: readonly { start: number; end: number }[]): string {
  let out = text;
  for (const { start, end } of spans) out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  return out;
}
