import type { Grade, RatingDirection } from '../../model/document.ts';
import { collapseWhitespace, normaliseQuotes } from './normalise.ts';

/**
 * Grade wording as printed by Ofsted and the CQC, longest first so that "requires improvement
 * to be good" is not read as "good" and "inadequate" not as "adequate".
 */
const GRADE_WORDINGS: ReadonlyArray<readonly [string, Grade]> = [
  ['requires improvement to be good', 'REQUIRES_IMPROVEMENT'],
  // Plural subjects in Ofsted LA reports: "Children's services in Brighton and Hove require improvement to be good".
  ['require improvement to be good', 'REQUIRES_IMPROVEMENT'],
  ['declined in effectiveness', 'DECLINED_IN_EFFECTIVENESS'],
  ['sustained effectiveness', 'SUSTAINED_EFFECTIVENESS'],
  ['improved effectiveness', 'IMPROVED_EFFECTIVENESS'],
  ['inspected but not rated', 'NOT_RATED'],
  ['requires improvement', 'REQUIRES_IMPROVEMENT'],
  ['require improvement', 'REQUIRES_IMPROVEMENT'],
  ['no published rating', 'NOT_RATED'],
  ['outstanding', 'OUTSTANDING'],
  ['inadequate', 'INADEQUATE'],
  ['not rated', 'NOT_RATED'],
  ['adequate', 'ADEQUATE'],
  ['good', 'GOOD'],
];

function normaliseGradeWording(text: string): string {
  return collapseWhitespace(normaliseQuotes(text))
    .toLowerCase()
    .replace(/[.:;,]+$/, '');
}

/** The grade a whole wording names ("Requires Improvement", "inadequate"), else null. */
export function readGrade(text: string): Grade | null {
  const wording = normaliseGradeWording(text);
  for (const [words, grade] of GRADE_WORDINGS) {
    if (wording === words) return grade;
  }
  return null;
}

export interface TrailingGrade {
  /** The line before the grade wording, trimmed. */
  label: string;
  grade: Grade;
  /** The grade wording exactly as it appears on the line. */
  gradeText: string;
}

/**
 * A line of the form "<label> <grade>" or "<label>: <grade>", with the grade at the end:
 * "How well children and young people are helped and protected inadequate".
 */
export function readTrailingGrade(line: string): TrailingGrade | null {
  const text = normaliseQuotes(line).replace(/\s+$/, '');
  const lower = text.toLowerCase();
  for (const [words, grade] of GRADE_WORDINGS) {
    if (!lower.endsWith(words)) continue;
    const start = text.length - words.length;
    const before = text.slice(0, start);
    // The wording must be a whole word: "inadequate" must not be read as "…in adequate".
    if (before !== '' && !/[\s:]$/.test(before)) continue;
    const label = before.replace(/[\s:]+$/, '').trim();
    return { label, grade, gradeText: text.slice(start) };
  }
  return null;
}

/**
 * Position of a grade on the quality scale, higher is better (outstanding 4 … inadequate 1).
 * Interim judgements (improved / sustained / declined in effectiveness) compare a home with its
 * own last inspection, and "not rated" is no grade at all, so neither has a rank: null.
 */
export function gradeRank(grade: Grade): number | null {
  switch (grade) {
    case 'OUTSTANDING':
      return 4;
    case 'GOOD':
      return 3;
    case 'REQUIRES_IMPROVEMENT':
    case 'ADEQUATE':
      return 2;
    case 'INADEQUATE':
      return 1;
    case 'IMPROVED_EFFECTIVENESS':
    case 'SUSTAINED_EFFECTIVENESS':
    case 'DECLINED_IN_EFFECTIVENESS':
    case 'NOT_RATED':
      return null;
    default:
      return unreachableGrade(grade);
  }
}

/** How the overall grade moved from `before` to `after`; null when either has no rank. */
export function gradeDirection(before: Grade, after: Grade): RatingDirection | null {
  const rb = gradeRank(before);
  const ra = gradeRank(after);
  if (rb === null || ra === null) return null;
  return ra > rb ? 'UP' : ra < rb ? 'DOWN' : 'SAME';
}

/** Sort comparator: best first; grades without a rank last, in a fixed order. */
export function compareGrades(a: Grade, b: Grade): number {
  const ra = gradeRank(a);
  const rb = gradeRank(b);
  if (ra !== null && rb !== null) return rb - ra;
  if (ra !== null) return -1;
  if (rb !== null) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function unreachableGrade(grade: never): never {
  throw new Error(`Unhandled grade: ${String(grade)}`);
}
