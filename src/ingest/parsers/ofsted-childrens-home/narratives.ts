import type { SourcePosition } from '../../../model/document.ts';
import type { SourceLine } from '../../text/lines.ts';
import { readParagraphs } from '../../text/paragraphs.ts';
import { isOfstedNoise } from './sections.ts';
import { readJudgementLine, type LocatedJudgement } from './summary.ts';

export interface NarrativeParagraph {
  section: string;
  text: string;
  position: SourcePosition;
}

export interface Narratives {
  paragraphs: NarrativeParagraph[];
  /** The "<area>: <grade>" sub-headings, which repeat the judgements of the first page. */
  headings: LocatedJudgement[];
}

/** Section name for paragraphs that come before the first judgement sub-heading. */
export const JUDGEMENTS_SECTION = 'Inspection judgements';

/** Section name for an interim report's narrative, which has no judgement sub-headings. */
export const THIS_INSPECTION_SECTION = 'This inspection';

/**
 * The "Inspection judgements" part: each "<area>: <grade>" sub-heading opens a section and every
 * paragraph under it is one finding. Paragraphs cut by a page break are rejoined first, so
 * "Good relationships with children's" + "placing authorities are weak…" is one paragraph.
 */
export function readNarratives(
  lines: readonly SourceLine[],
  firstSection: string = JUDGEMENTS_SECTION,
): Narratives {
  const paragraphs: NarrativeParagraph[] = [];
  const headings: LocatedJudgement[] = [];
  let section = firstSection;
  let run: SourceLine[] = [];
  const flush = (): void => {
    for (const p of readParagraphs(run, isOfstedNoise)) {
      paragraphs.push({ section, text: p.text, position: { ...p.position } });
    }
    run = [];
  };
  for (const line of lines) {
    const heading = readJudgementLine(line);
    if (heading) {
      flush();
      headings.push(heading);
      section = heading.area;
      continue;
    }
    run.push(line);
  }
  flush();
  return { paragraphs, headings };
}
