import type { SourcePosition } from '../../../model/document.ts';
import { isBlankLine, type SourceLine } from '../../text/lines.ts';
import { cleanInline, endsSentence, startsLowerCase } from '../../text/normalise.ts';
import { cleanLine } from './clean-line.ts';

/**
 * Paragraphs and list items of a run of report lines.
 *
 * PDF extractors differ: some leave a blank line between paragraphs, others none, and page
 * furniture lands in the middle of sentences. So a block starts at a bullet, at the next number
 * of a numbered paragraph sequence, after a blank line, or after a line that ends a sentence well
 * short of the text width (the last line of a paragraph); a block cut by a page break is rejoined.
 * Short capitalised lines without a full stop are sub-headings ("Private fostering"), and short
 * lines ending in a colon are lead-ins ("Within three months:"): neither is a statement, so both
 * are returned apart from the blocks.
 */

export interface ProseBlock {
  text: string;
  position: SourcePosition;
  firstLine: number;
  lastLine: number;
  /** How the block was marked in the source. */
  marker: 'bullet' | 'number' | null;
}

export interface Prose {
  blocks: ProseBlock[];
  headings: ProseBlock[];
}

/** Bullet glyphs of Ofsted PDFs (after normaliseLine: "- "), including ◼, the minus sign of sub-lists and private-use code points. */
const BULLET =
  /^(?:- |[\u25FC\u25FE\u25A0\u25AA\u25CF\u2022\u25E6\u2023\u2043\u2219\u2212\u27A2\u25BA\uE000-\uF8FF]\s*)(?=\S)/u;
const NUMBERED = /^(\d{1,3})\.\s+(?=\S)/;
/** How far a paragraph number may jump (a paragraph lost to a damaged extract). */
const NUMBER_GAP = 3;
/** A line this much shorter than the text width, ending a sentence, ends its paragraph. */
const SHORT_LINE_RATIO = 0.8;
/** Sub-headings are at most this many words, lead-ins ("Within three months:") fewer. */
const LABEL_WORDS = 10;
const LEAD_IN_WORDS = 4;

/**
 * The usual length of a full line of text in a document: the 85th percentile of the lengths of
 * lines with some substance. Used to tell a paragraph's last line from a wrapped one.
 */
export function measureLineWidth(lines: readonly SourceLine[]): number {
  const lengths = lines
    .map((l) => cleanLine(l).length)
    .filter((n) => n >= 20)
    .sort((a, b) => a - b);
  if (lengths.length === 0) return 80;
  return lengths[Math.min(lengths.length - 1, Math.floor(lengths.length * 0.85))]!;
}

interface OpenBlock {
  parts: string[];
  first: SourceLine;
  last: SourceLine;
  lastText: string;
  marker: ProseBlock['marker'];
  /** Whether a blank line or page furniture came between this block and the previous one. */
  afterBreak: boolean;
}

function closeBlock(open: OpenBlock): ProseBlock {
  return {
    text: cleanInline(open.parts.join(' ')),
    position: { ...open.first.position },
    firstLine: open.first.index,
    lastLine: open.last.index,
    marker: open.marker,
  };
}

/** The marker a line opens with, and its text without the marker. */
function readMarker(
  text: string,
  lastNumber: number | null,
): { marker: ProseBlock['marker']; rest: string; number: number | null } {
  const bullet = BULLET.exec(text);
  if (bullet) return { marker: 'bullet', rest: text.slice(bullet[0].length), number: null };
  const numbered = NUMBERED.exec(text);
  if (numbered) {
    const n = Number(numbered[1]);
    // A number out of sequence is more likely a count that wrapped to the start of a line.
    if (lastNumber === null || (n > lastNumber && n <= lastNumber + NUMBER_GAP)) {
      return { marker: 'number', rest: text.slice(numbered[0].length), number: n };
    }
  }
  return { marker: null, rest: text, number: null };
}

function isLabelLike(block: ProseBlock, width: number): boolean {
  if (block.marker !== null) return false;
  const words = block.text.split(' ').length;
  if (words > LABEL_WORDS) return false;
  if (/:$/.test(block.text)) return words <= LEAD_IN_WORDS;
  return (
    !endsSentence(block.text) && /^[A-Z0-9"'(]/.test(block.text) && block.text.length < width * 0.7
  );
}

/** Splits lines into blocks; `isFurniture` marks page furniture, which separates but never ends a sentence. */
export function readProse(
  lines: readonly SourceLine[],
  isFurniture: (line: SourceLine) => boolean,
  width: number,
  itemStart: RegExp | null = null,
): Prose {
  const raw: Array<ProseBlock & { afterBreak: boolean }> = [];
  let open: OpenBlock | null = null;
  let pendingBreak = false;
  let lastNumber: number | null = null;
  const flush = (): void => {
    if (open) raw.push({ ...closeBlock(open), afterBreak: open.afterBreak });
    open = null;
  };
  for (const line of lines) {
    if (isBlankLine(line) || isFurniture(line)) {
      flush();
      pendingBreak = true;
      continue;
    }
    const text = cleanLine(line);
    if (text === '') continue;
    const { marker, rest, number } = readMarker(text, lastNumber);
    const current = open as OpenBlock | null;
    const ended = current !== null && endsSentence(current.lastText);
    const endsShort = ended && current.lastText.length < width * SHORT_LINE_RATIO;
    const opensItem = ended && itemStart !== null && itemStart.test(rest);
    if (
      marker !== null ||
      current === null ||
      opensItem ||
      (endsShort && /^[A-Z0-9"'(]/.test(rest))
    ) {
      flush();
      open = {
        parts: [rest],
        first: line,
        last: line,
        lastText: text,
        marker,
        afterBreak: pendingBreak,
      };
      if (number !== null) lastNumber = number;
    } else {
      current.parts.push(rest);
      current.last = line;
      current.lastText = text;
    }
    pendingBreak = false;
  }
  flush();
  return rejoinAndSort(raw, width);
}

/**
 * A block after a break that starts in lower case continues the block before it, and so does one
 * after a block that stops mid-sentence, unless that block is a sub-heading or lead-in. A bullet
 * in lower case after a clause that announces it ("…so that:", "…timely manner;") is part of the
 * same item, not an item of its own.
 */
function rejoinAndSort(
  raw: ReadonlyArray<ProseBlock & { afterBreak: boolean }>,
  width: number,
): Prose {
  const joined: ProseBlock[] = [];
  /** Whether the last block has taken in a sub-list, so its next lower-case bullets belong to it too. */
  let inSubList = false;
  for (const { afterBreak, ...block } of raw) {
    const previous = joined[joined.length - 1];
    const subClause: boolean =
      previous !== undefined &&
      block.marker === 'bullet' &&
      startsLowerCase(block.text) &&
      (inSubList || /(?:[:;,]|\band|\bor)$/.test(previous.text)) &&
      !isLabelLike(previous, width);
    inSubList = subClause;
    const continues =
      previous !== undefined &&
      (subClause ||
        (block.marker === null &&
          afterBreak &&
          (startsLowerCase(block.text) ||
            (!endsSentence(previous.text) && !isLabelLike(previous, width)))));
    if (previous && continues) {
      joined[joined.length - 1] = {
        ...previous,
        text: `${previous.text} ${block.text}`,
        lastLine: block.lastLine,
      };
    } else {
      joined.push(block);
    }
  }
  const blocks: ProseBlock[] = [];
  const headings: ProseBlock[] = [];
  for (const block of joined) (isLabelLike(block, width) ? headings : blocks).push(block);
  return { blocks, headings };
}
