/**
 * A cheap test that rules a regular expression out before it runs. Most of a document's
 * regexes (family cues, repeat cues) match nowhere in it, and a failing regex still scans the
 * whole text, position by position; a plain substring search for a word the regex cannot match
 * without is many times faster. Used only as a pre-filter: when the word is present, the regex
 * still decides.
 */

/**
 * Runs of ASCII letters every match of `pattern` contains, lower-cased, longest first (the
 * likeliest to be missing); none when the pattern has none (or is too intricate to tell). Read
 * conservatively from the source: only letters outside any group, class or escape count, a
 * letter followed by a quantifier does not, and an alternation outside groups gives up.
 */
export function findRequiredWords(pattern: RegExp): string[] {
  const source = pattern.source;
  let depth = 0;
  let run = '';
  const words = new Set<string>();
  const endRun = (): void => {
    if (run.length >= MIN_WORD_LENGTH) words.add(run.toLowerCase());
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      endRun();
      i += 1;
      // \u00A0, \x41, \cJ, \p{L}, \k<name>: their letters are not literal text.
      if ('uxcpPk'.includes(source[i] ?? ''))
        while (/[0-9A-Za-z{}<>_]/.test(source[i + 1] ?? '')) i += 1;
    } else if (c === '[') {
      endRun();
      // In JS the first unescaped `]` closes a class, even right after `[` or `[^`.
      for (i += 1; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i += 1;
    } else if (c === '(') {
      endRun();
      depth += 1;
    } else if (c === ')') {
      endRun();
      depth -= 1;
    } else if (c === '|' && depth === 0) {
      return [];
    } else if (depth === 0 && /[A-Za-z]/.test(c) && !/[?*+{]/.test(source[i + 1] ?? '')) {
      run += c;
    } else {
      endRun();
    }
  }
  endRun();
  return [...words].sort((a, b) => b.length - a.length);
}

/** Shorter words are in nearly every text and would rule nothing out. */
const MIN_WORD_LENGTH = 3;

/**
 * `text` folded so that every text a case-insensitive regex can match an ASCII letter in
 * contains that letter lower-cased: `toLowerCase` covers the ASCII capitals and the Kelvin sign,
 * and the long s (U+017F), which the `iu` flags fold to "s", is mapped by hand. (Checked over
 * every code point in Node 20: no other character matches an ASCII letter under `i` or `iu`.)
 * Lengths may change; the result is for substring tests only.
 */
export function foldForRequiredWords(text: string): string {
  return text.toLowerCase().replace(/\u017F/g, 's');
}

/** False only when a pattern needing `words` cannot match the text `folded` was made from. */
export function mayMatch(words: readonly string[], folded: string): boolean {
  for (const word of words) if (!folded.includes(word)) return false;
  return true;
}
