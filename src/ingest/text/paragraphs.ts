import type { SourcePosition } from '../../model/document.ts';
import { isBlankLine, type SourceLine } from './lines.ts';
import { cleanInline, endsSentence, startsLowerCase } from './normalise.ts';

export interface Paragraph {
  text: string;
  position: SourcePosition;
  /** Index of the first and last source line the paragraph was read from. */
  firstLine: number;
  lastLine: number;
}

/**
 * Paragraphs of a run of lines: consecutive non-blank lines form one paragraph (PDF extractors
 * wrap lines), blank lines and lines `isNoise` recognises (page numbers, running headers)
 * separate them. Paragraphs cut by a page break are then rejoined (see rejoinBrokenParagraphs).
 */
export function readParagraphs(
  lines: readonly SourceLine[],
  isNoise: (line: SourceLine) => boolean = () => false,
): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: SourceLine[] = [];
  const flush = (): void => {
    const first = current[0];
    const last = current[current.length - 1];
    const text = cleanInline(current.map((l) => l.text).join(' '));
    if (first && last && text) {
      paragraphs.push({
        text,
        position: first.position,
        firstLine: first.index,
        lastLine: last.index,
      });
    }
    current = [];
  };
  for (const line of lines) {
    if (isBlankLine(line) || isNoise(line)) flush();
    else current.push(line);
  }
  flush();
  return rejoinBrokenParagraphs(paragraphs);
}

/**
 * A paragraph that stops without sentence-final punctuation, or one followed by a paragraph that
 * starts in lower case, was cut by a page break: the two are one paragraph.
 */
export function rejoinBrokenParagraphs(paragraphs: readonly Paragraph[]): Paragraph[] {
  const joined: Paragraph[] = [];
  for (const paragraph of paragraphs) {
    const previous = joined[joined.length - 1];
    if (previous && (!endsSentence(previous.text) || startsLowerCase(paragraph.text))) {
      joined[joined.length - 1] = {
        ...previous,
        text: `${previous.text} ${paragraph.text}`,
        lastLine: paragraph.lastLine,
      };
    } else {
      joined.push(paragraph);
    }
  }
  return joined;
}
