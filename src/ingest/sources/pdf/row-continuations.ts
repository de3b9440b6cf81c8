/**
 * Part of stage 2: table cells that wrap beyond the rest of their row. In a top-aligned table the
 * second line of a long cell overlaps nothing in the other columns, so it comes out as a line of
 * its own; when it follows a row at ordinary line spacing and sits within that row's columns, it
 * belongs to the row. In a bottom-aligned table (contents pages, judgement tables) the first line
 * of a long first cell stands alone above its row in the same way.
 */
import { startsLowerCase } from '../../text/normalise.ts';
import { joinWrapped } from './join-wrapped.ts';
import type { PdfLine } from './page-lines.ts';

/** Wrapped lines follow within this many ems; rows are further apart (cell padding). */
const WRAPPED_LINE_GAP_EM = 1.35;

/** The column of `row` each cell of `line` falls in, or null when a cell straddles columns. */
function findColumns(row: PdfLine, line: PdfLine, em: number): number[] | null {
  const lefts = row.cells.map((cell) => cell.left);
  const columns: number[] = [];
  for (const cell of line.cells) {
    let column = -1;
    lefts.forEach((left, k) => {
      if (left <= cell.left + 0.5 * em) column = k;
    });
    const nextLeft = lefts[column + 1] ?? Infinity;
    if (column === -1 || cell.right > nextLeft || columns.includes(column)) return null;
    if (columns.length > 0 && column < columns[columns.length - 1]!) return null;
    columns.push(column);
  }
  return columns;
}

function continuesRow(row: PdfLine, line: PdfLine): number[] | null {
  if (row.cells.length < 2) return null;
  const em = Math.max(row.size, line.size);
  const gap = line.top - row.bottom;
  if (gap <= 0 || gap > WRAPPED_LINE_GAP_EM * em) return null;
  const columns = findColumns(row, line, em);
  if (!columns || columns.length === 0) return null;
  // A line under the first column alone may just as well be the paragraph after the table.
  if (columns[0] === 0 && !startsLowerCase(line.cells[0]!.text)) return null;
  return columns;
}

/** Whether `line` is the first line of the first cell of `row`, the line below it. */
function startsRow(line: PdfLine, row: PdfLine): boolean {
  if (line.cells.length !== 1 || row.cells.length < 2) return false;
  const em = Math.max(row.size, line.size);
  const gap = row.top - line.bottom;
  const [first, second] = [row.cells[0]!, row.cells[1]!];
  return (
    gap > 0 &&
    gap <= WRAPPED_LINE_GAP_EM * em &&
    Math.abs(line.left - first.left) < 0.5 * em &&
    line.right <= second.left &&
    startsLowerCase(first.text)
  );
}

function copyLine(line: PdfLine): PdfLine {
  return { ...line, cells: line.cells.map((cell) => ({ ...cell })) };
}

/** Lines in reading order, with wrapped cell lines folded into the row they belong to. */
export function mergeRowContinuations(lines: readonly PdfLine[]): PdfLine[] {
  const merged: PdfLine[] = [];
  for (const line of lines) {
    const row = merged[merged.length - 1];
    if (row && startsRow(row, line)) {
      const joined = copyLine(line);
      joined.cells[0]!.text = joinWrapped(row.cells[0]!.text, joined.cells[0]!.text);
      joined.top = row.top;
      merged[merged.length - 1] = joined;
      continue;
    }
    const columns = row ? continuesRow(row, line) : null;
    if (!row || !columns) {
      merged.push(copyLine(line));
      continue;
    }
    columns.forEach((column, i) => {
      const cell = row.cells[column]!;
      const addition = line.cells[i]!;
      cell.text = joinWrapped(cell.text, addition.text);
      cell.right = Math.max(cell.right, addition.right);
    });
    row.bottom = line.bottom;
    row.right = Math.max(row.right, line.right);
  }
  return merged;
}
