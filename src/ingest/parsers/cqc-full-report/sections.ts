/**
 * The parts of a CQC inspection report, found by their headings: the summary's parts, the
 * detailed findings of each key question, and the closing tables of breaches and enforcement.
 * A part runs from its heading to the next heading; its lines exclude page furniture.
 */
import { isBlankLine, type SourceLine } from '../../text/lines.ts';
import { cleanInline } from '../../text/normalise.ts';
import { KEY_QUESTION_PHRASE, toKeyQuestion, type KeyQuestion } from './ratings.ts';

export type SectionKind =
  | 'summary'
  | 'about'
  | 'experience'
  | 'last-rating'
  | 'why-inspected'
  | 'follow-up'
  | 'enforcement-summary'
  | 'recommendations'
  | 'five-questions'
  | 'background'
  | 'service-type'
  | 'key-question'
  | 'provider-information'
  | 'action-required'
  | 'enforcement-actions';

export interface Section {
  kind: SectionKind;
  /** Set for `key-question` sections. */
  keyQuestion: KeyQuestion | null;
  heading: SourceLine;
  /** Text printed after the heading on the same line ("Rating at last inspection: The last …"). */
  inline: string;
  /** The part's lines after its heading, page furniture removed. */
  lines: SourceLine[];
}

const HEADINGS: ReadonlyArray<readonly [RegExp, SectionKind]> = [
  [/^(?:summary of findings|overall summary)$/i, 'summary'],
  [/^about the service(?: and what we found)?$/i, 'about'],
  [/^people's experience of using this service(?: and what we found)?$/i, 'experience'],
  [/^rating at last inspection(?: and update| and recommendations)*$/i, 'last-rating'],
  [/^why we inspected$/i, 'why-inspected'],
  [/^follow[- ]up$/i, 'follow-up'],
  [/^enforcement$/i, 'enforcement-summary'],
  [/^recommendations?$/i, 'recommendations'],
  [/^the five questions we ask(?: about services)?(?: and what we found)?$/i, 'five-questions'],
  [/^(?:.*detailed findings|background to this inspection)$/i, 'background'],
  [/^service and service type$/i, 'service-type'],
  [/^this section is primarily information for the provider$/i, 'provider-information'],
  [/^action we have told the provider to take$/i, 'action-required'],
  [/^enforcement actions?(?: we have taken)?$/i, 'enforcement-actions'],
];

/** Headings that may carry their text on the same line after a colon. */
const INLINE_HEADINGS: ReadonlyArray<readonly [RegExp, SectionKind]> = [
  [/^(rating at last inspection(?: and update| and recommendations)*)\s*:\s*(.+)$/i, 'last-rating'],
  [/^(why we inspected)\s*:\s*(.+)$/i, 'why-inspected'],
];

const KEY_QUESTION_HEADING = new RegExp(String.raw`^${KEY_QUESTION_PHRASE}\s*(\S.*)?$`, 'i');
const OUR_FINDINGS = /^our findings$/i;

function nextContentLine(
  lines: readonly SourceLine[],
  from: number,
  noise: ReadonlySet<number>,
): SourceLine | null {
  for (let i = from; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (!noise.has(line.index) && !isBlankLine(line)) return line;
  }
  return null;
}

/**
 * A key question's detailed findings start at its question standing alone on a line, or followed
 * by its margin grade when "Our findings" comes next; the cover and the "five questions" page
 * print the same question with a grade and are not headings.
 */
function readKeyQuestionHeading(
  lines: readonly SourceLine[],
  i: number,
  noise: ReadonlySet<number>,
): KeyQuestion | null {
  const m = KEY_QUESTION_HEADING.exec(cleanInline(lines[i]!.text));
  if (!m) return null;
  const next = nextContentLine(lines, i + 1, noise);
  const followedByFindings = next !== null && OUR_FINDINGS.test(cleanInline(next.text));
  return !m[2] || followedByFindings ? toKeyQuestion(m[1]!) : null;
}

function readHeading(
  lines: readonly SourceLine[],
  i: number,
  noise: ReadonlySet<number>,
): Omit<Section, 'lines'> | null {
  const line = lines[i]!;
  const text = cleanInline(line.text).replace(/\s*:$/, '');
  for (const [pattern, kind] of HEADINGS)
    if (pattern.test(text)) return { kind, keyQuestion: null, heading: line, inline: '' };
  for (const [pattern, kind] of INLINE_HEADINGS) {
    const m = pattern.exec(text);
    if (m) return { kind, keyQuestion: null, heading: line, inline: m[2]!.trim() };
  }
  const keyQuestion = readKeyQuestionHeading(lines, i, noise);
  return keyQuestion ? { kind: 'key-question', keyQuestion, heading: line, inline: '' } : null;
}

export function splitSections(lines: readonly SourceLine[], noise: ReadonlySet<number>): Section[] {
  const sections: Section[] = [];
  let current: Section | null = null;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (noise.has(line.index)) continue;
    const heading = readHeading(lines, i, noise);
    if (heading) {
      current = { ...heading, lines: [] };
      sections.push(current);
      continue;
    }
    current?.lines.push(line);
  }
  return sections;
}

export function sectionsOf(sections: readonly Section[], kind: SectionKind): Section[] {
  return sections.filter((s) => s.kind === kind);
}
