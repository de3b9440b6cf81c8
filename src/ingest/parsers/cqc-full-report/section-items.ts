/**
 * The statements of a report part: bullets, paragraphs and the sub-headings between them.
 *
 * PDF text arrives either wrapped (one printed line per line, paragraphs not separated by blank
 * lines) or joined (one paragraph per line). Both read the same way with three rules:
 * - a bullet runs on over the lines after it until the next bullet, heading or paragraph;
 * - a sub-heading is a line (or a wrapped run of lines) that follows a finished sentence, ends
 *   without sentence punctuation, stops short of the full line width, and is followed by a bullet
 *   or a line starting a new sentence ("Staffing and recruitment" before "● There were enough…");
 * - a paragraph ends at a line that finishes a sentence and stops short of the full width.
 * Margin grades ("Good" alone on a line) are dropped; page furniture is already gone.
 */
import type { SourcePosition } from '../../../model/document.ts';
import { isBlankLine, type SourceLine } from '../../text/lines.ts';
import { cleanInline, isBulletLine, stripBullet } from '../../text/normalise.ts';
import { isLoneGradeLine } from './page-furniture.ts';

export type ItemKind = 'bullet' | 'paragraph' | 'heading';

export interface SectionItem {
  kind: ItemKind;
  text: string;
  position: SourcePosition;
  /** The sub-heading the item sits under, if any. */
  subheading: string | null;
  /** Where each source line joined into `text` starts in it, to place a part of the text. */
  lineStarts: { at: number; position: SourcePosition }[];
}

/** Position of the line that the character at `offset` of an item's text came from. */
export function positionInItem(item: SectionItem, offset: number): SourcePosition {
  let found = item.position;
  for (const start of item.lineStarts) {
    if (start.at > offset) break;
    found = start.position;
  }
  return { ...found };
}

function startItem(kind: ItemKind, row: Row, subheading: string | null): SectionItem {
  return {
    kind,
    text: row.text,
    position: row.position,
    subheading,
    lineStarts: [{ at: 0, position: row.position }],
  };
}

/** A line this much shorter than the page's full lines ended early: a heading end. */
const SHORT_LINE_SHARE = 0.85;

/**
 * Whether the writer ended `line` on purpose: the first word of `next` would have fitted in the
 * room left on it. Lengths count characters of a proportional font, so this is a good guess, not
 * a measurement; it only decides where one paragraph ends and the next starts.
 */
function brokeEarly(line: string, next: string, fullWidth: number): boolean {
  const firstWord = /^\S+/.exec(next)?.[0] ?? '';
  return line.length + 1 + firstWord.length <= fullWidth;
}

function endsSentence(text: string): boolean {
  return /[.!?]["'’”)\]]*$/.test(text);
}

function startsSentence(text: string): boolean {
  return /^["'‘“(]?[A-Z0-9]/.test(text);
}

/** Length of a full printed line: the 90th percentile of line lengths, so wrapped text sits near it. */
export function measureFullWidth(lines: readonly SourceLine[]): number {
  const lengths = lines
    .map((l) => cleanInline(l.text).length)
    .filter((n) => n >= 20)
    .sort((a, b) => a - b);
  if (lengths.length === 0) return Number.POSITIVE_INFINITY;
  return lengths[Math.min(lengths.length - 1, Math.floor(lengths.length * 0.9))]!;
}

interface Row {
  text: string;
  bullet: boolean;
  /** Whether a blank line (or a page break) comes before it. */
  afterBlank: boolean;
  position: SourcePosition;
}

function toRows(lines: readonly SourceLine[]): Row[] {
  const rows: Row[] = [];
  let blank = false;
  for (const line of lines) {
    if (isBlankLine(line)) {
      blank = true;
      continue;
    }
    if (isLoneGradeLine(line)) continue;
    const bullet = isBulletLine(line.text);
    const text = cleanInline(bullet ? stripBullet(line.text) : line.text);
    if (!text) continue;
    rows.push({ text, bullet, afterBlank: blank, position: { ...line.position } });
    blank = false;
  }
  return rows;
}

/** Rows i..k (k ≥ i) wrapped together as one heading, or -1 when row i starts no heading. */
function findHeadingEnd(rows: readonly Row[], i: number, fullWidth: number): number {
  const previous = rows[i - 1];
  if (previous && !endsSentence(previous.text) && !/:$/.test(previous.text)) return -1;
  if (!startsSentence(rows[i]!.text)) return -1;
  let k = i;
  let length = 0;
  while (k < rows.length && !rows[k]!.bullet) {
    const row = rows[k]!;
    length += row.text.length;
    if (endsSentence(row.text) || length > 300) return -1;
    const next = rows[k + 1];
    const short = row.text.length < fullWidth * SHORT_LINE_SHARE;
    if (!next) return short ? k : -1;
    // Before a bullet a line without a full stop is a heading, however long; before prose it
    // must also stop short, or it is the first line of a paragraph.
    if (next.bullet) return k;
    if (startsSentence(next.text)) return short ? k : -1;
    // The next line carries on in lower case: the heading wraps onto it.
    k += 1;
  }
  return -1;
}

export function readSectionItems(lines: readonly SourceLine[], fullWidth: number): SectionItem[] {
  const rows = toRows(lines);
  const items: SectionItem[] = [];
  let subheading: string | null = null;
  let open: SectionItem | null = null;
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i]!;
    const previous = rows[i - 1];
    if (row.bullet) {
      open = startItem('bullet', row, subheading);
      items.push(open);
      continue;
    }
    const headingEnd = findHeadingEnd(rows, i, fullWidth);
    if (headingEnd !== -1) {
      const text = rows
        .slice(i, headingEnd + 1)
        .map((r) => r.text)
        .join(' ');
      items.push({ ...startItem('heading', row, null), text });
      subheading = text.replace(/:$/, '');
      open = null;
      i = headingEnd;
      continue;
    }
    // After a finished sentence, a blank line ends the bullet or paragraph; otherwise a bullet
    // runs on unless its last line stopped well short, and a paragraph ends wherever the writer
    // broke the line early.
    const endedEarly =
      previous !== undefined &&
      endsSentence(previous.text) &&
      startsSentence(row.text) &&
      (row.afterBlank ||
        (open?.kind === 'bullet'
          ? previous.text.length < fullWidth * SHORT_LINE_SHARE
          : brokeEarly(previous.text, row.text, fullWidth)));
    if (open && !endedEarly) {
      // "self-" at a line end and "administer" on the next are one hyphenated word.
      const joined =
        /[a-z]-$/i.test(open.text) && /^[a-z]/.test(row.text) ? open.text : `${open.text} `;
      open.lineStarts.push({ at: joined.length, position: row.position });
      open.text = `${joined}${row.text}`;
    } else {
      open = startItem('paragraph', row, subheading);
      items.push(open);
    }
  }
  return items;
}
