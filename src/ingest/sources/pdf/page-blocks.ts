/**
 * Stage 4 of PDF reading: a page's lines → blocks. A block is a paragraph, heading or list item
 * with its wrapped lines joined into one, or one table row.
 *
 * A line continues the one above when it follows at ordinary line spacing, has the same font
 * size and indentation, does not start a list item, and either carries on an unfinished
 * sentence in lower case or the line above was full: had the first word of this line fitted in
 * the room left at the end of the line above, the writer broke the line on purpose (a heading,
 * an address, the end of a paragraph).
 */
import { endsSentence, normaliseQuotes, startsLowerCase } from '../../text/normalise.ts';
import { isListMarker, startsWithBulletGlyph } from './list-markers.ts';
import { joinWrapped } from './join-wrapped.ts';
import type { PdfLine } from './page-lines.ts';

export interface TextBlock {
  cells: string[];
  /** Left edge of each cell, to line up the cells of a row continued on the next page. */
  cellLefts: number[];
  /** Set when the block follows a table row as the next row of the same table. */
  continuesTable: boolean;
}

interface PageMetrics {
  /** Where full lines of running text end. */
  rightEdge: number;
  /** Usual distance between baselines, in ems. */
  lineSpacing: number;
}

const DEFAULT_LINE_SPACING = 1.2;
/** Baselines further apart than this many usual line spacings are a paragraph break. */
const PARAGRAPH_GAP = 1.3;

function isRow(line: PdfLine): boolean {
  return line.cells.length > 1;
}

function firstText(line: PdfLine): string {
  return line.cells[0]?.text ?? '';
}

function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}

function measurePage(lines: readonly PdfLine[]): PageMetrics {
  const prose = lines.filter((line) => !isRow(line));
  const long = prose.filter((line) => firstText(line).length >= 40).map((line) => line.right);
  const rightEdge =
    long.length >= 3 ? percentile(long, 0.9) : Math.max(0, ...prose.map((line) => line.right));
  const spacings = new Map<number, number>();
  for (let i = 1; i < prose.length; i += 1) {
    const [above, below] = [prose[i - 1]!, prose[i]!];
    if (Math.abs(above.size - below.size) > 0.5) continue;
    const ratio = Math.round(((below.top - above.bottom) / below.size) * 20) / 20;
    if (ratio >= 0.9 && ratio <= 2) spacings.set(ratio, (spacings.get(ratio) ?? 0) + 1);
  }
  const mode = [...spacings].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  return { rightEdge, lineSpacing: mode?.[0] ?? DEFAULT_LINE_SPACING };
}

/** An item number printed in the same run as its text: "14. Reading has a diverse population". */
const NUMBERED_START = /^(?:\d{1,3}\.|\(?[a-z]\)|\(?[ivx]{1,4}\))\s+\S/;

function startsListItem(line: PdfLine): boolean {
  const text = firstText(line);
  if (startsWithBulletGlyph(text) || NUMBERED_START.test(text)) return true;
  return line.textLeft > line.left && isListMarker(text.split(/\s/)[0] ?? '');
}

/** Whether `below` carries on the paragraph of `above` (a wrapped line) rather than starting a block. */
function continuesParagraph(above: PdfLine, below: PdfLine, metrics: PageMetrics): boolean {
  const em = Math.max(above.size, below.size);
  const gap = below.top - above.bottom;
  if (gap <= 0 || gap > PARAGRAPH_GAP * metrics.lineSpacing * em + 1) return false;
  if (isRow(above) || isRow(below) || startsListItem(below)) return false;
  if (Math.abs(above.size - below.size) > 0.15 * em) return false;
  // Wrapped lines start under the text of the line above (which, after an item number printed
  // in the same run, is somewhere to its right), or back under its bullet.
  const hangingIndent = startsListItem(above) && above.textLeft === above.left ? 4 * em : 1.5 * em;
  if (below.left < above.left - 0.5 * em || below.left > above.textLeft + hangingIndent)
    return false;
  // A sentence running on in lower case is wrapped text whatever room the line above left.
  if (startsLowerCase(firstText(below)) && !endsSentence(normaliseQuotes(firstText(above))))
    return true;
  const room = metrics.rightEdge - above.right;
  // Word widths are estimated from average character widths, so leave generous slack.
  return room <= 1.5 * below.firstWordWidth + 2 * em;
}

function toBlock(line: PdfLine, continuesTable: boolean): TextBlock {
  return {
    cells: line.cells.map((cell) => cell.text),
    cellLefts: line.cells.map((cell) => cell.left),
    continuesTable,
  };
}

/** A page's lines (furniture removed) → its blocks in reading order. */
export function buildPageBlocks(lines: readonly PdfLine[]): TextBlock[] {
  const metrics = measurePage(lines);
  const blocks: TextBlock[] = [];
  let above: PdfLine | null = null;
  for (const line of lines) {
    const current = blocks[blocks.length - 1];
    if (above && current && continuesParagraph(above, line, metrics)) {
      current.cells[0] = joinWrapped(current.cells[0] ?? '', firstText(line));
    } else {
      const nextRow =
        above !== null &&
        isRow(above) &&
        isRow(line) &&
        line.top - above.bottom < 4 * Math.max(above.size, line.size);
      blocks.push(toBlock(line, nextRow));
    }
    above = line;
  }
  return blocks;
}
