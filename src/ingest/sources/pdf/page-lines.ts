/**
 * Stage 2 of PDF reading: a page's text items → lines in reading order. Items are grouped by
 * baseline (baseline-groups.ts) and cut into fragments at cell-sized gaps (fragments.ts).
 * Fragments that sit beside each other and overlap vertically form one table row, even when
 * their baselines differ (a one-line cell is centred against a two-line one): each column of the
 * row becomes one tab-separated cell.
 */
import { groupByBaseline } from './baseline-groups.ts';
import { splitFragments, type Fragment } from './fragments.ts';
import { joinWrapped } from './join-wrapped.ts';
import type { PdfPage } from './load-pdf-pages.ts';

export interface PdfCell {
  text: string;
  left: number;
  right: number;
}

export interface PdfLine {
  /** One cell for running text; several for a table row (or blocks printed side by side). */
  cells: PdfCell[];
  left: number;
  right: number;
  /** First and last baseline (they differ for a row with multi-line cells). */
  top: number;
  bottom: number;
  /** The largest font size on the line. */
  size: number;
  /** Where the text starts after a list marker; equals `left` when there is none. */
  textLeft: number;
  /** Roughly how wide the first word is: a line ended early if that word would have fit. */
  firstWordWidth: number;
}

/** The part of a line's height that counts when deciding whether two fragments sit side by side. */
const CORE_HEIGHT_EM = 0.8;

function coreBand(fragment: Fragment): [number, number] {
  return [fragment.baseline - CORE_HEIGHT_EM * fragment.size, fragment.baseline];
}

/** Side by side: apart horizontally, overlapping vertically. */
function sitSideBySide(a: Fragment, b: Fragment): boolean {
  const em = Math.min(a.size, b.size);
  const apart = a.right + 0.5 * em <= b.left || b.right + 0.5 * em <= a.left;
  if (!apart) return false;
  const [aTop, aBottom] = coreBand(a);
  const [bTop, bBottom] = coreBand(b);
  return Math.min(aBottom, bBottom) - Math.max(aTop, bTop) > 0.1 * em;
}

/** Groups fragments into rows: connected sets of fragments that sit side by side. */
function groupRows(fragments: readonly Fragment[]): Fragment[][] {
  const parent = fragments.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let i = 0; i < fragments.length; i += 1) {
    for (let j = i + 1; j < fragments.length; j += 1) {
      if (sitSideBySide(fragments[i]!, fragments[j]!)) parent[find(i)] = find(j);
    }
  }
  const rows = new Map<number, Fragment[]>();
  fragments.forEach((fragment, i) => {
    const root = find(i);
    rows.set(root, [...(rows.get(root) ?? []), fragment]);
  });
  return [...rows.values()];
}

/** The fragments of one row → columns (by horizontal overlap) → cells. */
function buildLine(row: readonly Fragment[]): PdfLine {
  const byLeft = [...row].sort((a, b) => a.left - b.left);
  const columns: Fragment[][] = [];
  let columnRight = -Infinity;
  for (const fragment of byLeft) {
    const last = columns[columns.length - 1];
    if (last && fragment.left < columnRight) {
      last.push(fragment);
      columnRight = Math.max(columnRight, fragment.right);
    } else {
      columns.push([fragment]);
      columnRight = fragment.right;
    }
  }
  const cells: PdfCell[] = columns.map((column) => {
    const ordered = [...column].sort((a, b) => a.baseline - b.baseline || a.left - b.left);
    return {
      text: ordered.reduce((text, fragment) => joinWrapped(text, fragment.text), ''),
      left: Math.min(...column.map((f) => f.left)),
      right: Math.max(...column.map((f) => f.right)),
    };
  });
  const first = [...row].sort((a, b) => a.baseline - b.baseline || a.left - b.left)[0]!;
  const leftmost = byLeft[0]!;
  return {
    cells,
    left: leftmost.left,
    right: Math.max(...row.map((f) => f.right)),
    top: Math.min(...row.map((f) => f.baseline)),
    bottom: Math.max(...row.map((f) => f.baseline)),
    size: Math.max(...row.map((f) => f.size)),
    textLeft: leftmost === first ? first.textLeft : leftmost.left,
    firstWordWidth: first.firstWordWidth,
  };
}

/** A page's items → lines, top to bottom (then left to right). */
export function buildPageLines(page: PdfPage): PdfLine[] {
  const groups = groupByBaseline(page.items);
  // Where cells clearly start on some lines tells where a tight gap on another is a cell break.
  const columnStarts = groups.flatMap((group) =>
    splitFragments(group)
      .slice(1)
      .map((fragment) => fragment.left),
  );
  const fragments = groups.flatMap((group) => splitFragments(group, columnStarts));
  return groupRows(fragments)
    .map(buildLine)
    .sort((a, b) => a.top - b.top || a.left - b.left);
}
