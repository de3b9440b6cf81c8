/**
 * Stage 3 of PDF reading: running headers, footers and page numbers are dropped. They would
 * otherwise land in the middle of sentences that run on to the next page.
 *
 * A line is furniture when it sits among the first or last few lines of a page, in its top or
 * bottom margin, and either only carries a page number, or repeats (compared case- and
 * digit-blind, so "Page 3 of 12" matches "Page 4 of 12") at the top or bottom of a good share
 * of the pages.
 */
import { isPageNumberLine } from '../../text/normalise.ts';
import type { PdfLine } from './page-lines.ts';

export interface PageLines {
  lines: PdfLine[];
  /** Page height in points, to tell the margins from the body. */
  height: number;
}

/** How many lines at each end of a page may be furniture... */
const EDGE_LINES = 3;
/** ...and how far into the page, as a share of its height, they may reach. */
const EDGE_BAND = 0.15;
/** A repeated edge line is furniture when it is on at least this share of the pages (and two). */
const REPEAT_SHARE = 0.4;

function lineText(line: PdfLine): string {
  return line.cells.map((cell) => cell.text).join(' ');
}

function furnitureKey(line: PdfLine): string {
  return lineText(line).toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

function edgeIndexes({ lines, height }: PageLines): Set<number> {
  const indexes = new Set<number>();
  const inBand = (line: PdfLine): boolean =>
    line.bottom <= height * EDGE_BAND || line.top >= height * (1 - EDGE_BAND);
  for (let i = 0; i < Math.min(EDGE_LINES, lines.length); i += 1) {
    for (const index of [i, lines.length - 1 - i]) if (inBand(lines[index]!)) indexes.add(index);
  }
  return indexes;
}

/** Lone page numbers: "7", "Page 7", "7 of 12", "Page 7 of 12", "- 7 -". */
function isLonePageNumber(line: PdfLine): boolean {
  const text = lineText(line).replace(/^[\s\-–]+|[\s\-–]+$/g, '');
  return isPageNumberLine(text);
}

/** Each page's lines without its running headers, footers and page numbers. */
export function removePageFurniture(pages: readonly PageLines[]): PdfLine[][] {
  const edges = pages.map(edgeIndexes);
  const pagesByKey = new Map<string, Set<number>>();
  pages.forEach((page, pageIndex) => {
    for (const i of edges[pageIndex]!) {
      const key = furnitureKey(page.lines[i]!);
      if (!key) continue;
      const seen = pagesByKey.get(key) ?? new Set<number>();
      seen.add(pageIndex);
      pagesByKey.set(key, seen);
    }
  });
  const needed = Math.max(2, Math.ceil(pages.length * REPEAT_SHARE));
  const repeated = new Set(
    [...pagesByKey].filter(([, seen]) => seen.size >= needed).map(([key]) => key),
  );
  return pages.map((page, pageIndex) =>
    page.lines.filter(
      (line, i) =>
        !(edges[pageIndex]!.has(i) && (repeated.has(furnitureKey(line)) || isLonePageNumber(line))),
    ),
  );
}
