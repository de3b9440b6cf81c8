import type { SourcePosition } from '../../model/document.ts';
import { normaliseLine } from './normalise.ts';

/** One line of the source with its position and a normalised copy to read from. */
export interface SourceLine {
  /** The line as given (after CRLF → LF), without its newline. */
  raw: string;
  /** Quotes, spaces and bullets normalised; tags and tabs kept; trailing spaces removed. */
  text: string;
  /** 0-based index into the lines array. */
  index: number;
  position: SourcePosition;
}

/** Lines of LF-normalised text with 1-based line numbers and 0-based offsets of their starts. */
export function splitSourceLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let offset = 0;
  const parts = text.split('\n');
  for (let i = 0; i < parts.length; i += 1) {
    const raw = parts[i]!;
    lines.push({ raw, text: normaliseLine(raw), index: i, position: { offset, line: i + 1 } });
    offset += raw.length + 1;
  }
  return lines;
}

/** Whether a line carries nothing (blank, or only a form feed / odd spaces). */
export function isBlankLine(line: SourceLine): boolean {
  return line.text.trim() === '';
}
