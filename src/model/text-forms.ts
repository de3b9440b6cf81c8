/**
 * Two text normalisers shared by the parsers (through ingest/text/normalise.ts) and the reference
 * catalogues' name matching, which may not import ingest/.
 */

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;

/** Either kind, to skip both passes over the usual text that has neither. */
const ANY_QUOTE =
  /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/;

/** Curly, low and prime quote marks become `'` and `"`, so "child’s" and "child's" match. */
export function normaliseQuotes(text: string): string {
  if (!ANY_QUOTE.test(text)) return text;
  return text.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"');
}

/** Whitespace other than a lone space: where collapsing changes anything. */
const COLLAPSIBLE = /[^\S ]|\s\s/;

/** Runs of whitespace (including newlines and tabs) become one space; ends are trimmed. */
export function collapseWhitespace(text: string): string {
  // Most inline text is single-spaced already, and replacing each of its spaces by itself cost
  // more than all the rest of cleaning a line.
  return (COLLAPSIBLE.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
}
