/**
 * List markers as PDFs print them: bullet glyphs (including the private-use code points that
 * Symbol and Wingdings fonts map bullets to) and item numbers such as "1.", "a)" or "(ii)".
 */

/**
 * Bullet glyphs seen in regulator PDFs and Word exports; the en dash doubles as a bullet, and a
 * lone combining long stroke (U+0336) is how some Word exports print a dash bullet.
 */
const BULLET_GLYPH_CLASS =
  '[\\u0336\\u2022\\u2023\\u2043\\u2219\\u00B7\\u25AA\\u25AB\\u25A0\\u25A1\\u25FC\\u25FE\\u25CF\\u25CB\\u25E6\\u25C6\\u25C7\\u27A2\\u27A4\\u2713\\u2714\\u2013\\uE000-\\uF8FF]';

// A hyphen is a marker only on its own: "-77" at the start of a line is a number.
const BULLET_ONLY = new RegExp(`^(?:${BULLET_GLYPH_CLASS}|-)$`, 'u');
const NUMBER_ONLY = /^(?:\d{1,3}[.)]|[a-z][.)]|\(?(?:[a-z]|[ivx]{1,5}|\d{1,3})\))$/i;
const LEADING_BULLET = new RegExp(`^\\s*${BULLET_GLYPH_CLASS}\\s*`, 'u');

/** Whether a piece of text is nothing but a list marker (a bullet glyph or an item number). */
export function isListMarker(text: string): boolean {
  const trimmed = text.trim();
  return BULLET_ONLY.test(trimmed) || NUMBER_ONLY.test(trimmed);
}

/** Whether text starts with a bullet glyph. */
export function startsWithBulletGlyph(text: string): boolean {
  return LEADING_BULLET.test(text);
}

/** A leading bullet glyph (and the space after it) becomes "- "; other text is left alone. */
export function replaceBulletGlyph(text: string): string {
  return text.replace(LEADING_BULLET, '- ');
}
