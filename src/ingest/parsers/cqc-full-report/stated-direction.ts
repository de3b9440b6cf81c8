/**
 * The rating direction a CQC full report states, and the previous overall grade it names:
 * - "Our rating of this service went down." (hospital and community reports, location summaries);
 * - "The overall rating for the service has changed from good to requires improvement." (adult
 *   social care since 2019), "… has remained good";
 * - "At this inspection we found the service remained good." (adult social care 2015–2018);
 * - else the "Rating at last inspection" grade ("The last rating for this service was good")
 *   against this report's overall grade.
 * A direction the wording gives wins over one worked out from the two grades.
 */
import type { Grade, RatingDirection } from '../../../model/document.ts';
import { gradeDirection, readGrade } from '../../text/grades.ts';
import { readDirection } from '../cqc-location-summary/summary-lines.ts';

const GRADE = String.raw`(outstanding|good|requires improvement|inadequate)`;
const CHANGED = new RegExp(
  String.raw`\bthe overall rating for (?:the|this) (?:service|location|practice|home) has changed from\s+${GRADE}\s+to\s+${GRADE}\b`,
  'i',
);
const REMAINED = new RegExp(
  String.raw`\b(?:the overall rating for (?:the|this) (?:service|location|practice|home) has remained|at this inspection we found the service remained)\s+${GRADE}\b`,
  'i',
);

export interface StatedDirection {
  direction: RatingDirection | null;
  previousGrade: Grade | null;
}

/**
 * What the report's words say: `text` is the whole report (quotes normalised), `lastGrade` the
 * grade of its "Rating at last inspection", `overall` its own overall grade.
 */
export function readStatedDirection(
  reportText: string,
  lastGrade: Grade | null,
  overall: Grade | null,
): StatedDirection {
  // Sentences run over lines in extracted text.
  const text = reportText.replace(/\s+/g, ' ');
  const changed = CHANGED.exec(text);
  if (changed) {
    const from = readGrade(changed[1]!);
    const to = readGrade(changed[2]!);
    return {
      direction: from && to ? gradeDirection(from, to) : null,
      previousGrade: from,
    };
  }
  const remained = REMAINED.exec(text);
  if (remained) return { direction: 'SAME', previousGrade: readGrade(remained[1]!) };
  const stated = readDirection(text);
  const fromGrades = lastGrade && overall ? gradeDirection(lastGrade, overall) : null;
  return { direction: stated ?? fromGrades, previousGrade: lastGrade };
}
