import type { SourceLine } from '../../text/lines.ts';
import { cleanInline, isPageNumberLine } from '../../text/normalise.ts';
import { cleanLine } from './clean-line.ts';
import { isGradeWordsOnly } from './grade-words.ts';

/**
 * Page furniture of Ofsted LA reports and letters, which PDF extraction leaves between the lines
 * of a paragraph: page numbers, Ofsted's postal address block (printed on the first page of every
 * letter, sometimes beside the text so its parts share lines), the copyright line, and running
 * headers such as "Inspection of Sutton local authority children's services" with the dates and
 * page number under them.
 */
const ADDRESS_PARTS = [
  /\bOfsted\b/g,
  /\bPiccadilly Gate\b/g,
  /\bStore St(?:reet)?\b/g,
  /\bManchester\b/g,
  /\bM1 2WD\b/g,
  /\b(?:T|Textphone|Tel)\s*:?\s*0[\d ]{9,13}\d\b/g,
  /\b(?:E\s*:\s*)?enquiries@ofsted\.gov\.uk\b/g,
  /\b(?:W\s*:\s*)?(?:https?:\/\/)?www\.(?:gov\.uk\/ofsted|ofsted\.gov\.uk)\/?/g,
];

/** Every address line holds one of these; the rest of the text is not worth the full test. */
const ADDRESS_HINT = /ofsted|piccadilly|store st|manchester|m1 2wd|0300|0161|enquiries@/i;

/** A line made only of parts of Ofsted's address block. */
export function isOfstedAddressLine(text: string): boolean {
  if (!ADDRESS_HINT.test(text)) return false;
  let rest = cleanInline(text);
  if (rest === '') return false;
  for (const part of ADDRESS_PARTS) rest = rest.replace(part, ' ');
  return rest.trim() === '';
}

/** Running-header key of a cleaned line: without a trailing page number, so each page's copy compares equal. */
function headerKey(clean: string): string {
  return clean.replace(/\s+\d{1,3}$/, '').toLowerCase();
}

/** How often a line must repeat, word for word, to count as a running header. */
const HEADER_REPEATS = 3;

/**
 * The page-furniture test for one document. Lines repeated at least three times (ignoring a
 * trailing page number) and short enough to be a header are running headers; lines made only of
 * grade words ("Good", "Requires improvement") repeat in judgement tables and are never furniture.
 */
export function buildFurnitureTest(lines: readonly SourceLine[]): (line: SourceLine) => boolean {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const key = headerKey(cleanLine(line));
    if (key.length < 8 || key.length > 110) continue;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const repeated = new Set(
    [...counts]
      .filter(([key, n]) => n >= HEADER_REPEATS && !isGradeWordsOnly(key))
      .map(([key]) => key),
  );
  // Parts of a report ask about the same line more than once.
  const known = new Map<number, boolean>();
  return (line: SourceLine): boolean => {
    const cached = known.get(line.index);
    if (cached !== undefined && lines[line.index] === line) return cached;
    const text = cleanLine(line);
    const furniture =
      text !== '' &&
      (isPageNumberLine(text) ||
        isOfstedAddressLine(text) ||
        /^©\s*Crown copyright\b/i.test(text) ||
        repeated.has(headerKey(text)));
    if (lines[line.index] === line) known.set(line.index, furniture);
    return furniture;
  };
}
