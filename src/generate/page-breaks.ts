/**
 * Page breaks as PDF text extracts show them: a paragraph or table cell cut mid-sentence, page
 * furniture (running header, page number) between the halves. The cut is placed where the
 * parsers can see it is one: the first half ends without punctuation and the second starts in
 * lower case, and never in a regulation reference or right after a grade word (a line ending
 * "… good" would read as a judgement heading).
 */
import type { Random } from './random.ts';

const GRADE_WORDS = new Set([
  'good',
  'outstanding',
  'inadequate',
  'adequate',
  'improvement',
  'effectiveness',
  'rated',
]);

/** Where `text` can be cut (index of a space), between a third and four fifths of the way. */
function findCutPoints(text: string): number[] {
  const limit = text.includes('(Regulation') ? text.indexOf('(Regulation') : text.length;
  const points: number[] = [];
  for (
    let i = Math.floor(text.length / 3);
    i < Math.min(limit - 1, Math.floor((text.length * 4) / 5));
    i += 1
  ) {
    if (text[i] !== ' ' || !/[a-z]/.test(text[i + 1] ?? '')) continue;
    const before = text.slice(0, i);
    if (/[^A-Za-z0-9]$/.test(before)) continue;
    const lastWord = /([A-Za-z-]+)$/.exec(before)?.[1]?.toLowerCase() ?? '';
    if (GRADE_WORDS.has(lastWord)) continue;
    points.push(i);
  }
  return points;
}

/** The two halves of `text` cut at a page break, or null when it has no safe place to cut. */
export function cutAtPageBreak(random: Random, text: string): [string, string] | null {
  const points = findCutPoints(text);
  if (points.length === 0) return null;
  const at = random.pick(points);
  return [text.slice(0, at), text.slice(at + 1)];
}

/** Running header and page number between two pages of an Ofsted report. */
export function buildOfstedPageFurniture(urn: string, page: number): string[] {
  return [`Inspection report for children's home: ${urn}`, '', String(page)];
}
