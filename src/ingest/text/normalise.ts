/**
 * Text normalisation shared by every parser.
 *
 * Report text arrives from PDF extractors, web pages and copy-paste, so the same words come with
 * curly or straight quotes, non-breaking spaces, form feeds at page breaks, private-use bullet
 * glyphs and HTML `<p>` tags inside table cells. These helpers make such variants compare equal
 * without changing line structure, so that positions found on a normalised line still point at
 * the same line of the source.
 */

import { collapseWhitespace, normaliseQuotes } from '../../model/text-forms.ts';

export { collapseWhitespace, normaliseQuotes };

/**
 * CRLF becomes LF, and nothing else: positions in a document count lines and characters of the
 * text after exactly this step. A lone CR stays inside its line (normaliseSpaces makes it a space).
 */
export function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n/g, '\n');
}

/** Every character normaliseSpaces replaces or removes: most lines have none and skip its three passes. */
const ANY_ODD_SPACE =
  // eslint-disable-next-line no-control-regex -- control characters are among them
  /[\r\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\u200B-\u200D\u2060\uFEFF\u00AD\u0000-\u0008\u000B-\u001F\u007F]/;

/**
 * Odd spaces (and a lone CR) become plain spaces; zero-width characters, soft hyphens, form
 * feeds and other control characters (except tab, which separates table cells) disappear.
 */
export function normaliseSpaces(text: string): string {
  if (!ANY_ODD_SPACE.test(text)) return text;
  return (
    text
      .replace(/[\r\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
      .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
  );
}

/**
 * Bullet glyphs at the start of a line, including the private-use code points PDF fonts map
 * bullets to (U+F0B7 and friends), become a plain "- ". A `*` is left alone: Ofsted uses it as a
 * footnote mark, not a bullet.
 */
export function normaliseBullet(line: string): string {
  return line.replace(
    /^(\s*)(?:[\u2022\u25CF\u25E6\u25AA\u25A0\u2023\u2043\u2219\u00B7\u2013\uE000-\uF8FF]|-)\s+/u,
    '$1- ',
  );
}

/** Whether a (normalised) line is a bullet item. */
export function isBulletLine(line: string): boolean {
  return /^\s*- \S/.test(line);
}

/** The text of a bullet line without its bullet. */
export function stripBullet(line: string): string {
  return line.replace(/^\s*- /, '');
}

/** Everything that makes two spellings of the same line equal, except tags and tabs. */
export function normaliseLine(line: string): string {
  return normaliseBullet(normaliseQuotes(normaliseSpaces(line))).replace(/[ ]+$/, '');
}

/**
 * Characters cleanInline changes, whitespace other than a plain space, a tag's `<`: each one
 * class, so that a plain line (most are) is ruled out in one scan (an alternation of the
 * normalisers' own patterns scanned slower than their passes). A run of plain spaces is the
 * other change, tested apart.
 */
const INLINE_CHANGES =
  // eslint-disable-next-line no-control-regex -- control characters are among them
  /[\t\n\v\f\r\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\u200B-\u200D\u2060\uFEFF\u00AD\u0000-\u0008\u000B-\u001F\u007F\u2018\u2019\u201A\u201B\u2032\u0060\u00B4\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB<]/;

/** Inline text as stored in a document: quotes straightened, tags removed, spaces collapsed. */
export function cleanInline(text: string): string {
  let clean = cleanedLines.get(text);
  if (clean === undefined) {
    clean =
      !INLINE_CHANGES.test(text) && !text.includes('  ')
        ? text.trim()
        : collapseWhitespace(stripTags(normaliseQuotes(normaliseSpaces(text))));
    if (cleanedLines.size >= CLEANED_LINES_KEPT) cleanedLines.clear();
    cleanedLines.set(text, clean);
  }
  return clean;
}

/**
 * Lines already cleaned. The readers of a report each clean the lines they look at, so a CQC
 * full report's lines are cleaned some seven times each; a line's hash is kept in the string,
 * so looking it up is cheaper than even the one scan. Bounded: cleared when full.
 */
const cleanedLines = new Map<string, string>();
const CLEANED_LINES_KEPT = 20_000;

const TAG = /<\/?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?\/?>/g;

/** HTML-ish tags such as `<p>`, `</p>`, `<br/>` are removed; `<http://…>` links are kept. */
export function stripTags(text: string): string {
  return text.replace(TAG, ' ');
}

/**
 * The `<p>` blocks of a table cell, each cleaned. A cell without tags is one block.
 * Text between blocks (stray spaces) is ignored; an unclosed `<p>` runs to the end of the cell.
 */
export function splitParagraphBlocks(cell: string): string[] {
  if (!/<p[\s>]/i.test(cell)) {
    const only = cleanInline(cell);
    return only ? [only] : [];
  }
  const blocks: string[] = [];
  const pattern = /<p(?:\s[^<>]*)?>([\s\S]*?)(?:<\/p>|(?=<p[\s>])|$)/gi;
  for (const match of cell.matchAll(pattern)) {
    const block = cleanInline(match[1] ?? '');
    if (block) blocks.push(block);
  }
  return blocks;
}

/** Table cells of a line: PDF and HTML extractors separate cells with tabs. */
export function splitCells(line: string): string[] {
  return line.split('\t');
}

/** A line that only carries a page number ("7", "Page 7", "Page 7 of 12", "7 of 12"). */
export function isPageNumberLine(line: string): boolean {
  return /^\s*(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?\s*$/i.test(line);
}

/**
 * Whether text ends a sentence (or a lead-in before a list), so that a following paragraph is a
 * new one rather than the rest of this one cut by a page break.
 */
export function endsSentence(text: string): boolean {
  return /[.!?:](?:["')\]]*)$/.test(text.trim());
}

/** Whether text starts with a lower-case letter: a sure sign it continues an earlier sentence. */
export function startsLowerCase(text: string): boolean {
  return /^[a-z]/.test(text.trim());
}

/**
 * The text a content hash is taken over: line endings, quotes, odd spaces and all whitespace
 * runs normalised, so the same report extracted with different line wrapping hashes the same.
 */
export function normaliseForHash(text: string): string {
  return collapseWhitespace(normaliseQuotes(normaliseSpaces(normaliseLineEndings(text))));
}
