/**
 * Turning a person's search words into a safe Lucene query, and a hit's text into a short
 * snippet with the matches marked.
 */

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Words of the search text (letters and digits), lower-cased, without duplicates. */
export function extractSearchTerms(text: string): string[] {
  const words =
    text
      .toLowerCase()
      .normalize('NFKC')
      .replace(/[‘’]/g, "'")
      .match(/[\p{L}\p{N}']+/gu) ?? [];
  return [...new Set(words.map((w) => w.replace(/^'+|'+$/g, '')).filter((w) => w.length > 0))];
}

/**
 * A Lucene query matching the words (any of them, all of them ranked higher by Lucene itself).
 * Quoted phrases in the input stay phrases; everything else is escaped, so no input can be a
 * Lucene syntax error. Null when nothing searchable is left.
 */
export function buildLuceneQuery(text: string): string | null {
  const parts: string[] = [];
  const phrasePattern = /"([^"]+)"/g;
  for (const match of text.matchAll(phrasePattern)) {
    const terms = extractSearchTerms(match[1]!);
    if (terms.length > 0) parts.push(`"${terms.join(' ').replace(LUCENE_SPECIAL, '\\$&')}"`);
  }
  const rest = text.replace(phrasePattern, ' ');
  for (const term of extractSearchTerms(rest)) parts.push(term.replace(LUCENE_SPECIAL, '\\$&'));
  return parts.length > 0 ? parts.join(' ') : null;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * About `width` characters of `text` around the first match of any term, with every whole-word
 * match wrapped in <mark></mark> (the rest HTML-escaped, so the snippet is safe to render).
 */
export function buildSnippet(text: string, terms: readonly string[], width = 240): string {
  const stems = terms
    .filter((t) => t.length > 0)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (stems.length === 0) return escapeHtml(text.slice(0, width));
  const pattern = new RegExp(`\\b(${stems.join('|')})\\w*`, 'giu');
  const first = pattern.exec(text);
  pattern.lastIndex = 0;
  const centre = first ? first.index : 0;
  let start = Math.max(0, centre - Math.floor(width / 3));
  const end = Math.min(text.length, start + width);
  start = Math.max(0, Math.min(start, end - width));
  const window = text.slice(start, end);
  const marked = escapeHtml(window).replace(pattern, '<mark>$&</mark>');
  return `${start > 0 ? '…' : ''}${marked}${end < text.length ? '…' : ''}`;
}
