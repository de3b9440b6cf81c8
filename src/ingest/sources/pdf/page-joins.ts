/**
 * Stage 5 of PDF reading: the pages' blocks → one run of blocks, mending what page breaks cut.
 *
 * A paragraph that ends a page without finishing its sentence, followed by a page that starts in
 * lower case, is one paragraph. A table row whose cells go on over the page break (the next page
 * starts with the rest of its cells, or leaves its first column empty) is one row. Anything else
 * keeps its break: a wrong join would glue unrelated text into a finding.
 */
import { endsSentence, normaliseQuotes, startsLowerCase } from '../../text/normalise.ts';
import type { TextBlock } from './page-blocks.ts';
import { joinWrapped } from './join-wrapped.ts';
import { startsWithBulletGlyph } from './list-markers.ts';

function isUnfinished(text: string): boolean {
  return !endsSentence(normaliseQuotes(text));
}

/** Which column of `row` each cell of `next` lines up with, or null when one does not. */
function alignColumns(row: TextBlock, next: TextBlock): number[] | null {
  const columns: number[] = [];
  for (const left of next.cellLefts) {
    let best = -1;
    for (let k = 0; k < row.cellLefts.length; k += 1) {
      if (row.cellLefts[k]! <= left + 2) best = k;
    }
    if (best === -1 || columns.includes(best)) return null;
    columns.push(best);
  }
  return columns;
}

function continuesRow(row: TextBlock, next: TextBlock): number[] | null {
  if (row.cells.length < 2) return null;
  const columns = alignColumns(row, next);
  const column = columns?.[0];
  if (!columns || column === undefined) return null;
  const cut = row.cells[column] ?? '';
  const rest = next.cells[0] ?? '';
  // With its first column empty the next line can only be the rest of a row; otherwise the
  // cell must read on from where the page cut it.
  if (column > 0 && (isUnfinished(cut) || startsLowerCase(rest))) return columns;
  return isUnfinished(cut) && startsLowerCase(rest) ? columns : null;
}

function continuesParagraph(last: TextBlock, next: TextBlock): boolean {
  if (last.cells.length !== 1 || next.cells.length !== 1) return false;
  const text = next.cells[0]!;
  return isUnfinished(last.cells[0]!) && startsLowerCase(text) && !startsWithBulletGlyph(text);
}

/** Merges `next` into `last` if the page break cut one block in two; says whether it did. */
function mendPageBreak(last: TextBlock, next: TextBlock): boolean {
  const columns = continuesRow(last, next);
  if (columns) {
    columns.forEach((column, i) => {
      last.cells[column] = joinWrapped(last.cells[column] ?? '', next.cells[i] ?? '');
    });
    return true;
  }
  if (continuesParagraph(last, next)) {
    last.cells[0] = joinWrapped(last.cells[0]!, next.cells[0]!);
    return true;
  }
  return false;
}

/** All pages' blocks in order, with paragraphs and table rows cut by page breaks rejoined. */
export function joinPageBlocks(pages: readonly (readonly TextBlock[])[]): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const page of pages) {
    const copies = page.map((block) => ({ ...block, cells: [...block.cells] }));
    const last = blocks[blocks.length - 1];
    const first = copies[0];
    if (last && first) {
      const mended = mendPageBreak(last, first);
      if (mended) copies.shift();
      // A table that runs over the page stays one table.
      const next = copies[0];
      if (next && last.cells.length > 1 && next.cells.length > 1) next.continuesTable = true;
    }
    blocks.push(...copies);
  }
  return blocks;
}
