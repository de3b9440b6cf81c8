import type {
  Grade,
  InspectionType,
  RatingDirection,
  SourcePosition,
} from '../../../model/document.ts';
import { parseDateRange, type DateRange } from '../../text/dates.ts';
import { readGrade } from '../../text/grades.ts';
import type { SourceLine } from '../../text/lines.ts';
import { cleanInline } from '../../text/normalise.ts';

/** "11 & 12 September 2023" as the first line, or after a label ("Inspection dates: …"). */
export function readDatesLine(line: SourceLine): DateRange | null {
  const text = cleanInline(line.text)
    .replace(/^[A-Za-z ]{3,40}:\s*/, '')
    .replace(/\.$/, '');
  return parseDateRange(text);
}

const KINDS: ReadonlyArray<readonly [RegExp, InspectionType]> = [
  [/^routine$/i, 'routine'],
  [/^focused$/i, 'focused'],
  [/^comprehensive$/i, 'full'],
  [/^full$/i, 'full'],
  [/^monitoring$/i, 'monitoring'],
  [/^assessment$/i, 'assessment'],
];

/**
 * Kind lines the CQC's location pages print whole: a focused inspection is "During an inspection
 * looking at part of the service", a single-framework assessment "During an assessment under our
 * new approach".
 */
const WHOLE_KIND_LINES: ReadonlyArray<readonly [RegExp, InspectionType]> = [
  [/^during an inspection looking at part of the service\.?$/i, 'focused'],
  [/^during an assessment under our new approach\.?$/i, 'assessment'],
];

/** "During a routine inspection" → routine; the kind word is kept for warnings. */
export function readKindLine(line: SourceLine): { type: InspectionType; word: string } | null {
  const text = cleanInline(line.text);
  const whole = WHOLE_KIND_LINES.find(([pattern]) => pattern.test(text));
  if (whole) return { type: whole[1], word: text };
  const m = /^during an? ([a-z-]+) (?:inspection|visit)\.?$/i.exec(text);
  if (!m) return null;
  const word = m[1]!;
  return { type: KINDS.find(([pattern]) => pattern.test(word))?.[1] ?? 'unknown', word };
}

const DIRECTIONS: ReadonlyArray<readonly [RegExp, RatingDirection]> = [
  [/^(?:went down|has gone down|declined|got worse)$/i, 'DOWN'],
  [/^(?:went up|has gone up|improved)$/i, 'UP'],
  [/^(?:stayed the same|remained the same|has stayed the same)$/i, 'SAME'],
];

/** "Our rating of this location went down" → DOWN. */
export function readDirection(text: string): RatingDirection | null {
  const m =
    /\bour rating of this (?:location|service|provider|trust|practice|home) (went down|has gone down|declined|got worse|went up|has gone up|improved|stayed the same|remained the same|has stayed the same)\b/i.exec(
      text,
    );
  if (!m) return null;
  return DIRECTIONS.find(([pattern]) => pattern.test(m[1]!))?.[1] ?? null;
}

export interface RatingStatement {
  grade: Grade | null;
  gradeText: string;
  position: SourcePosition;
}

/** "We rated it as inadequate because:" → INADEQUATE with the words "inadequate". */
export function readRatingStatement(line: SourceLine): RatingStatement | null {
  const text = cleanInline(line.text);
  const m =
    /\bwe rated (?:it|them|this (?:location|service|provider|trust|practice|home)) as ([A-Za-z ]+?)(?:\s+(?:because|overall)\b|[.:;,]|$)/i.exec(
      text,
    );
  if (!m) return null;
  const gradeText = m[1]!.trim();
  return { grade: readGrade(gradeText), gradeText, position: line.position };
}

/** "However:" divides the two lists of the summary. */
export function isHoweverLine(line: SourceLine): boolean {
  return /^however\s*[:,]?$/i.test(cleanInline(line.text));
}
