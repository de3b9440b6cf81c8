/**
 * Where in a text each cue of a list can possibly match (for findCueMatches in cues.ts), decided
 * from the words the text holds before any cue regex runs. A finding holds a few dozen words and
 * the theme list some 650 cues, so running every regex over every text was most of the
 * classifier's time; a cue is tried only at the words that start with its first letters,
 * anchored there (a sticky copy of its regex).
 *
 * Why this finds exactly what a scan of the whole text finds: a plain cue's regex starts with a
 * look-behind for a non-word character and then the first letters of its first word, matched
 * ASCII-only case-insensitively (without the `u` flag no other character folds to an ASCII
 * letter). Every ASCII letter or digit is a word character there, so a match can only start
 * where a run of ASCII letters and digits starts in the text, and that run begins with those
 * letters. Look-behinds read the text before the anchor, so an anchored match is the one a scan
 * finds at that position. `re:` cues have no such prefix and still scan the whole text, unless
 * it lacks a word they cannot match without.
 */
import { PATTERN_PREFIX } from '../../reference/index.ts';
import { findRequiredWords } from '../text/required-words.ts';
import type { CompiledCue } from './compiled-cue.ts';

interface IndexedCue {
  index: number;
  /** The lower-cased ASCII letters and digits every match starts with. */
  prefix: string;
  /**
   * Whether the first word is all ASCII letters and digits, with no `*` or hyphen: then (see
   * compileWord in cues.ts) a match's run of letters and digits is the word, or the word + s
   * or + es, since what follows the ending is a space or a non-word character. "record" is not
   * tried at "recorded", nor "staff" at "staffing".
   */
  wholeWord: boolean;
}

export interface CueIndex {
  /** Cues that scan the whole text, by position in the list. */
  scanned: number[];
  /** By position in the list, the words each scanning cue cannot match without (see required-words.ts). */
  scanWords: (readonly string[])[];
  /** The other cues, by the first (up to) PREFIX_KEY_LENGTH characters of their prefix (see prefixKey). */
  byKey: Map<number, IndexedCue[]>;
  /** By position in the list, each indexed cue's regex matching only at `lastIndex`. */
  anchored: (RegExp | undefined)[];
  /** Whether any key is this long: most lists have no prefix of one or two characters. */
  keyLengths: boolean[];
}

const PREFIX_KEY_LENGTH = 3;

/** The lower-cased ASCII letters and digits every match of a plain cue starts with, or null. */
function requiredPrefix(cue: string): { prefix: string; wholeWord: boolean } | null {
  if (cue.startsWith(PATTERN_PREFIX)) return null;
  const firstWord = cue.trim().split(/\s+/)[0]!;
  const lead = /^[A-Za-z0-9]+/.exec(firstWord);
  return lead ? { prefix: lead[0].toLowerCase(), wholeWord: lead[0] === firstWord } : null;
}

const indexes = new WeakMap<readonly CompiledCue<unknown>[], CueIndex>();

/** Cue lists are module-level constants, so each is indexed once. */
export function indexCueList(cues: readonly CompiledCue<unknown>[]): CueIndex {
  let index = indexes.get(cues);
  if (!index) {
    index = { scanned: [], scanWords: [], byKey: new Map(), anchored: [], keyLengths: [] };
    for (const [i, cue] of cues.entries()) {
      const first = requiredPrefix(cue.cue);
      if (first === null) {
        index.scanned.push(i);
        index.scanWords[i] = findRequiredWords(cue.regex);
        continue;
      }
      index.anchored[i] = new RegExp(cue.regex.source, `${cue.regex.flags.replace('g', '')}y`);
      const key = keyOfPrefix(first.prefix);
      index.keyLengths[Math.min(PREFIX_KEY_LENGTH, first.prefix.length)] = true;
      const entries = index.byKey.get(key) ?? [];
      entries.push({ index: i, ...first });
      index.byKey.set(key, entries);
    }
    indexes.set(cues, index);
  }
  return index;
}

function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/**
 * The first `length` (1 to PREFIX_KEY_LENGTH) lower-cased ASCII characters of a word as one
 * number, 7 bits each, with the length above them so "ab" and "ab" + "\0" differ. Numbers, not
 * strings, so that looking a word up allocates nothing.
 */
function prefixKey(packed: number, length: number): number {
  return length * 2 ** (7 * PREFIX_KEY_LENGTH) + packed;
}

function keyOfPrefix(prefix: string): number {
  let packed = 0;
  const length = Math.min(PREFIX_KEY_LENGTH, prefix.length);
  for (let k = 0; k < length; k++) packed = packed * 128 + prefix.charCodeAt(k);
  return prefixKey(packed, length);
}

/** Whether text[from, to) starts with `prefix` (lower-case ASCII), ignoring ASCII case. */
function wordStartsWith(text: string, from: number, to: number, prefix: string): boolean {
  if (prefix.length > to - from) return false;
  for (let k = 0; k < prefix.length; k++)
    if (lowerAscii(text.charCodeAt(from + k)) !== prefix.charCodeAt(k)) return false;
  return true;
}

/** Whether text[from, to) is "", "s" or "es", ignoring ASCII case. */
function endsAsPlural(text: string, from: number, to: number): boolean {
  switch (to - from) {
    case 0:
      return true;
    case 1:
      return lowerAscii(text.charCodeAt(from)) === 115;
    case 2:
      return (
        lowerAscii(text.charCodeAt(from)) === 101 && lowerAscii(text.charCodeAt(from + 1)) === 115
      );
    default:
      return false;
  }
}

/**
 * The runs of ASCII letters and digits of a text, as [start, end) offset pairs, read by char
 * code without slicing them out. The last text's are kept: the same text is matched against
 * several cue lists in a row (a sentence against the pivots, then the polarity cues; a finding
 * against the ignored phrases, then, usually unmasked, the theme cues).
 */
function findWords(text: string): readonly number[] {
  if (text === lastWords.text) return lastWords.offsets;
  const offsets: number[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isAsciiLetterOrDigit(text.charCodeAt(i))) {
      i += 1;
      continue;
    }
    let end = i + 1;
    while (end < text.length && isAsciiLetterOrDigit(text.charCodeAt(end))) end += 1;
    offsets.push(i, end);
    i = end;
  }
  lastWords = { text, offsets };
  return offsets;
}

let lastWords: { text: string; offsets: readonly number[] } = { text: '', offsets: [] };

/**
 * Offsets in `text` where each indexed cue (by list position) may match, ascending. This runs
 * for every finding and sentence, so it allocates nothing per word.
 */
export function findAnchors(text: string, index: CueIndex): Map<number, number[]> {
  const anchors = new Map<number, number[]>();
  const words = findWords(text);
  for (let w = 0; w < words.length; w += 2) {
    const start = words[w]!;
    const end = words[w + 1]!;
    let packed = 0;
    for (let length = 1; length <= Math.min(PREFIX_KEY_LENGTH, end - start); length++) {
      packed = packed * 128 + lowerAscii(text.charCodeAt(start + length - 1));
      if (!index.keyLengths[length]) continue;
      const entries = index.byKey.get(prefixKey(packed, length));
      if (entries === undefined) continue;
      for (const entry of entries) {
        if (!wordStartsWith(text, start, end, entry.prefix)) continue;
        if (entry.wholeWord && !endsAsPlural(text, start + entry.prefix.length, end)) continue;
        const offsets = anchors.get(entry.index);
        if (offsets) offsets.push(start);
        else anchors.set(entry.index, [start]);
      }
    }
  }
  return anchors;
}
