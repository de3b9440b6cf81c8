import { parseDate } from '../../text/dates.ts';
import type { SourceLine } from '../../text/lines.ts';
import { cleanInline, splitCells, splitParagraphBlocks } from '../../text/normalise.ts';

/**
 * One line of a requirements or recommendations table. A table row printed across a page break
 * arrives as two or more such fragments; the parser decides which fragments form one row.
 */
export interface RowFragment {
  /** The `<p>` blocks of the text cell(s), cleaned. */
  blocks: string[];
  /** The due-date cell, cleaned; empty when the fragment has none. */
  dueText: string;
  line: SourceLine;
}

/** Whether a line is shaped like a table row (tab-separated cells or `<p>`-tagged text). */
export function looksLikeTableRow(line: SourceLine): boolean {
  return line.text.includes('\t') || /<p[\s>]/i.test(line.text);
}

function looksLikeDateCell(text: string): boolean {
  return text === '' || parseDate(text) !== null || /^\d{1,2}[/ .-]/.test(text);
}

/** Splits a row-shaped line into text blocks and the trailing due-date cell. */
export function readRowFragment(line: SourceLine): RowFragment | null {
  const cells = splitCells(line.text);
  let textCells = cells;
  let dueText = '';
  if (cells.length >= 2) {
    const last = cleanInline(cells[cells.length - 1]!);
    if (looksLikeDateCell(last)) {
      dueText = last;
      textCells = cells.slice(0, -1);
    }
  }
  const blocks = textCells.flatMap(splitParagraphBlocks);
  if (blocks.length === 0 && dueText === '') return null;
  return { blocks, dueText, line };
}

/** Ends of text after which a following fragment starts a new block rather than the same sentence. */
function endsBlock(text: string): boolean {
  return /[.;:!?\u2014\u2013-](?:["')\]]*)$/.test(text.trim());
}

/**
 * Text of a row's fragments: `<p>` blocks are joined with a newline, and a fragment cut mid-
 * sentence by a page break is joined to the next with a single space, so the sentence reads whole.
 */
export function joinFragmentBlocks(blocksPerFragment: ReadonlyArray<readonly string[]>): string {
  let text = '';
  for (const blocks of blocksPerFragment) {
    const part = blocks.join('\n');
    if (!part) continue;
    if (!text) text = part;
    else text += endsBlock(text) ? `\n${part}` : ` ${part}`;
  }
  return text;
}

/**
 * The final parenthesised regulation reference of a requirement, e.g.
 * "Regulation 6 (1)(a)(b) (2)(a)" from "… choice. (Regulation 6 (1)(a)(b) (2)(a))", with the
 * regulation number. Nested brackets are balanced; an unclosed reference runs to the end.
 */
export function readRegulationReference(
  text: string,
): { paragraphs: string; number: string } | null {
  const matches = [...text.matchAll(/\(\s*(Regulations?\s+(\d{1,3}[A-Z]?)\b)/gi)];
  const last = matches[matches.length - 1];
  if (!last || last.index === undefined) return null;
  let depth = 0;
  let end = text.length;
  for (let i = last.index; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '(') depth += 1;
    else if (ch === ')') {
      depth -= 1;
      if (depth === 0) {
        end = i;
        break;
      }
    }
  }
  const paragraphs = cleanInline(text.slice(last.index + 1, end));
  return { paragraphs, number: last[2]!.toUpperCase() };
}
