/**
 * Stage 2b of PDF reading: the items of one baseline, left to right → fragments. Items are joined
 * with a space where there is a gap and nothing where they touch; a gap of an em or more ends a
 * fragment, since only table cells and side-by-side blocks leave that much room (or half an em,
 * in front of the place where other lines show a column starts). A list marker and its text are
 * one fragment however far apart they are printed.
 */
import type { PdfTextItem } from './load-pdf-pages.ts';
import { isListMarker } from './list-markers.ts';

/** A run of text on one baseline with no cell-sized gap inside it. */
export interface Fragment {
  text: string;
  left: number;
  right: number;
  baseline: number;
  size: number;
  /** Where the text starts after a list marker; equals `left` when there is none. */
  textLeft: number;
  /** Roughly how wide the first word is. */
  firstWordWidth: number;
}

/** A horizontal gap wider than this (pdf.js itself inserts spaces from ~0.1 em) is a space. */
const SPACE_GAP_EM = 0.1;
/** A horizontal gap this wide separates table cells or side-by-side blocks. */
const CELL_GAP_EM = 1.0;
/** A narrower gap still separates cells when the text after it starts where a column starts. */
const ALIGNED_CELL_GAP_EM = 0.5;

function estimateFirstWordWidth(item: PdfTextItem): number {
  const text = item.text.trimStart();
  const word = text.split(/\s/)[0] ?? '';
  return text.length === 0 ? 0 : (item.right - item.left) * (word.length / text.length);
}

function startFragment(item: PdfTextItem): Fragment {
  return {
    text: item.text,
    left: item.left,
    right: item.right,
    baseline: item.baseline,
    size: item.size,
    textLeft: item.left,
    firstWordWidth: estimateFirstWordWidth(item),
  };
}

/**
 * Items of one baseline, left to right → fragments separated by cell-sized gaps, or by narrower
 * gaps in front of a known column start (a cell that nearly fills its column).
 */
export function splitFragments(
  group: readonly PdfTextItem[],
  columnStarts: readonly number[] = [],
): Fragment[] {
  const items = [...group].sort((a, b) => a.left - b.left);
  const fragments: Fragment[] = [];
  let current: Fragment | null = null;
  let previous: PdfTextItem | null = null;
  for (const item of items) {
    // Some producers fake bold by printing the same run twice, a hair apart.
    if (
      previous &&
      item.text === previous.text &&
      Math.abs(item.left - previous.left) < 0.1 * item.size
    )
      continue;
    const em = Math.min(item.size, previous?.size ?? item.size);
    const gap = current ? item.left - current.right : 0;
    const cellGap = columnStarts.some((start) => Math.abs(start - item.left) < 1)
      ? ALIGNED_CELL_GAP_EM
      : CELL_GAP_EM;
    if (current && gap >= cellGap * em && !isListMarker(current.text)) {
      fragments.push(current);
      current = null;
    }
    if (!current) {
      current = startFragment(item);
    } else {
      const markerOnly = isListMarker(current.text);
      const needsSpace =
        gap > SPACE_GAP_EM * em && !/\s$/.test(current.text) && !/^\s/.test(item.text);
      current.text += needsSpace ? ` ${item.text}` : item.text;
      if (markerOnly) {
        current.textLeft = item.left;
        current.firstWordWidth = item.left - current.left + estimateFirstWordWidth(item);
      }
      current.right = Math.max(current.right, item.right);
      if (item.size > current.size) {
        // The line sits where its body text does, not where a footnote mark before it does.
        current.size = item.size;
        current.baseline = item.baseline;
      }
    }
    previous = item;
  }
  if (current) fragments.push(current);
  return fragments;
}
