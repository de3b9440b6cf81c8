import type { SourcePosition } from '../../../model/document.ts';
import { isBlankLine, type SourceLine } from '../../text/lines.ts';
import {
  cleanInline,
  endsSentence,
  isBulletLine,
  startsLowerCase,
  stripBullet,
} from '../../text/normalise.ts';
import { isHoweverLine } from './summary-lines.ts';

export interface SummaryBullet {
  text: string;
  /** Whether the bullet comes after the "However:" line. */
  afterHowever: boolean;
  position: SourcePosition;
}

export interface LooseParagraph {
  text: string;
  position: SourcePosition;
}

export interface SummaryBody {
  bullets: SummaryBullet[];
  /** Text that is neither a bullet nor the "However:" divider (the enforcement paragraph, for one). */
  paragraphs: LooseParagraph[];
  howeverPosition: SourcePosition | null;
}

/**
 * Reads the lines after the rating statement: "- " bullets (any bullet glyph, normalised), the
 * "However:" divider, and paragraphs. A line that is not a bullet continues the bullet before it
 * when that bullet has not ended its sentence or the line starts in lower case (wrapped text);
 * otherwise it starts a paragraph, and consecutive non-bullet lines form one paragraph.
 */
export function readSummaryBody(lines: readonly SourceLine[]): SummaryBody {
  const bullets: SummaryBullet[] = [];
  const paragraphs: LooseParagraph[] = [];
  let afterHowever = false;
  let howeverPosition: SourcePosition | null = null;
  let last: 'bullet' | 'paragraph' | null = null;
  for (const line of lines) {
    if (isBlankLine(line)) {
      if (last === 'paragraph') last = null;
      continue;
    }
    if (isHoweverLine(line)) {
      afterHowever = true;
      howeverPosition = howeverPosition ?? line.position;
      last = null;
      continue;
    }
    if (isBulletLine(line.text)) {
      const text = cleanInline(stripBullet(line.text));
      if (text) bullets.push({ text, afterHowever, position: { ...line.position } });
      last = 'bullet';
      continue;
    }
    const text = cleanInline(line.text);
    if (!text) continue;
    const previousBullet = bullets[bullets.length - 1];
    const previousParagraph = paragraphs[paragraphs.length - 1];
    if (
      last === 'bullet' &&
      previousBullet &&
      (!endsSentence(previousBullet.text) || startsLowerCase(text))
    ) {
      previousBullet.text = `${previousBullet.text} ${text}`;
    } else if (last === 'paragraph' && previousParagraph) {
      previousParagraph.text = `${previousParagraph.text} ${text}`;
    } else {
      paragraphs.push({ text, position: { ...line.position } });
      last = 'paragraph';
    }
  }
  return { bullets, paragraphs, howeverPosition };
}
