/**
 * The ratings a CQC report prints beside their questions: "Overall rating for this service Good",
 * "Is the service safe? Requires improvement", trust-wide "Are services at this trust safe?
 * Inadequate". The first graded occurrence of each is the rating (the cover); later ones (the
 * "five questions" page) must agree, or a warning says where they do not. A question printed
 * without a grade after it (the grade was an image) is no rating.
 */
import type { Grade, SourcePosition } from '../../../model/document.ts';
import { readGrade } from '../../text/grades.ts';
import type { SourceLine } from '../../text/lines.ts';
import { cleanInline } from '../../text/normalise.ts';
import type { WarningLog } from '../warnings.ts';

export const OVERALL_AREA = 'Overall';

/** The five key questions in the CQC's order, as judgement areas. */
export const KEY_QUESTIONS = ['Safe', 'Effective', 'Caring', 'Responsive', 'Well-led'] as const;

export type KeyQuestion = (typeof KEY_QUESTIONS)[number];

const GRADE_WORDS = String.raw`(outstanding|good|requires improvement|inadequate|inspected but not rated|not rated)(?![A-Za-z])`;
const OVERALL = new RegExp(
  String.raw`\boverall rating for this (?:service|location|trust|hospital|practice|provider|home)\s*:?\s*${GRADE_WORDS}?`,
  'gi',
);
/** "Is the service safe?", "Are services at this trust safe?", "Are services safe?". */
export const KEY_QUESTION_PHRASE = String.raw`(?:is the (?:service|practice|location|provider)|are (?:the |these )?services(?: at this (?:trust|location|hospital|provider))?)\s+(safe|effective|caring|responsive|well[- ]led)\?`;
const KEY_QUESTION = new RegExp(String.raw`\b${KEY_QUESTION_PHRASE}\s*:?\s*${GRADE_WORDS}?`, 'gi');

export function toKeyQuestion(word: string): KeyQuestion {
  const lower = word.toLowerCase().replace(/\s+/g, '-');
  return KEY_QUESTIONS.find((k) => k.toLowerCase() === lower) ?? 'Well-led';
}

export interface PrintedRating {
  area: string;
  grade: Grade | null;
  gradeText: string;
  position: SourcePosition;
}

/** Ratings in the order of KEY_QUESTIONS, overall first; areas never printed with a grade are absent. */
export function readRatings(
  lines: readonly SourceLine[],
  noise: ReadonlySet<number>,
  warnings: WarningLog,
): PrintedRating[] {
  const first = new Map<string, PrintedRating>();
  const note = (area: string, gradeText: string, position: SourcePosition): void => {
    const grade = readGrade(gradeText);
    const existing = first.get(area);
    if (!existing) {
      first.set(area, { area, grade, gradeText, position: { ...position } });
    } else if (existing.grade !== grade) {
      warnings.add(
        'inconsistent-judgement',
        `${area} is rated "${existing.gradeText}" and later "${gradeText}"; kept the first`,
        position,
      );
    }
  };
  for (const line of lines) {
    if (noise.has(line.index)) continue;
    const text = cleanInline(line.text);
    for (const m of text.matchAll(OVERALL)) if (m[1]) note(OVERALL_AREA, m[1], line.position);
    for (const m of text.matchAll(KEY_QUESTION))
      if (m[2]) note(toKeyQuestion(m[1]!), m[2], line.position);
  }
  return [OVERALL_AREA, ...KEY_QUESTIONS]
    .map((area) => first.get(area))
    .filter((r): r is PrintedRating => r !== undefined);
}
