/**
 * Character clean-up for text taken out of PDFs: typographic ligatures become letters, odd
 * spaces become spaces, invisible characters go, and a bullet glyph opening a line or cell
 * becomes "- ". Quotes are left as printed: the parsers' own normalisation deals with them.
 */
import { normaliseSpaces } from '../../text/normalise.ts';
import { replaceBulletGlyph } from './list-markers.ts';

const LIGATURES: Readonly<Record<string, string>> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};

/** Ligature characters (ﬁ, ﬂ, ...) → their letters. */
export function expandLigatures(text: string): string {
  return text.replace(/[\uFB00-\uFB06]/g, (ligature) => LIGATURES[ligature] ?? ligature);
}

/** One cell (or whole line) of PDF text, cleaned: no tabs or newlines inside, single spaces. */
export function cleanPdfCell(text: string): string {
  const spaced = normaliseSpaces(expandLigatures(text)).replace(/[\t\n]/g, ' ');
  return replaceBulletGlyph(spaced.replace(/ {2,}/g, ' ').trim());
}
