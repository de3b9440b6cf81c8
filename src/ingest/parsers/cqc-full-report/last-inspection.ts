/**
 * "Rating at last inspection": the rating the service had before this inspection, as a history
 * row when the report dates it. Wordings:
 * - "The last rating for this service was requires improvement (published 12 March 2019)."
 * - "At the last inspection on 12 May 2016 the service was rated Good." / "… (report published …)"
 * - "This service was registered with us on 5 March 2020 and this is the first inspection."
 * - "At our last comprehensive inspection on 12 May 2016 we rated this service good.": the kind
 *   of inspection named ("comprehensive" is a full one, "focused", "routine") types the row, so
 *   it meets that inspection's own id; unnamed, the type is unknown.
 * A date given as the publication date dates the row by publication, not visit, so the row may not
 * meet the earlier report's own inspection id; a warning says so.
 */
import type { Grade, InspectionType, SourcePosition } from '../../../model/document.ts';
import { readGrade } from '../../text/grades.ts';
import { readDateMentions } from './date-mentions.ts';

const GRADE = String.raw`(outstanding|good|requires improvement|inadequate)`;

const PATTERNS: readonly RegExp[] = [
  new RegExp(
    String.raw`\blast rating for this (?:service|location|provider|practice|home) was\s+${GRADE}\b(?:\s*\(([^)]{0,60})\))?`,
    'i',
  ),
  new RegExp(
    String.raw`\b(?:at|following) (?:the|our) (?:last|previous) (?:comprehensive |focused |full |routine )?inspection(?:\s*\(([^)]{0,60})\)|\s+(?:on|in)\s+([^,.]{0,40}?))?,?\s+(?:the service|this service|it|we rated (?:the|this) service|the location)\s+(?:was\s+)?(?:rated\s+)?(?:as\s+)?${GRADE}\b(?:\s*\(([^)]{0,60})\))?`,
    'i',
  ),
];

export interface LastRating {
  grade: Grade | null;
  gradeText: string;
  /** The kind of inspection the wording names, else unknown. */
  type: InspectionType;
  /** The word that names it ("comprehensive"), else ''. */
  typeText: string;
  date: string | null;
  /** Whether the date is the earlier report's publication date. */
  datedByPublication: boolean;
  firstInspection: boolean;
  position: SourcePosition;
}

const NAMED_TYPES: Readonly<Record<string, InspectionType>> = {
  comprehensive: 'full',
  full: 'full',
  focused: 'focused',
  routine: 'routine',
};

function readNamedType(text: string): { type: InspectionType; typeText: string } {
  const m = /\b(?:last|previous)\s+(comprehensive|focused|full|routine)\s+inspection\b/i.exec(text);
  const word = m?.[1] ?? '';
  return { type: NAMED_TYPES[word.toLowerCase()] ?? 'unknown', typeText: word };
}

export function readLastRating(text: string, position: SourcePosition): LastRating | null {
  if (/\bthis is (?:the|their|its) first inspection\b/i.test(text)) {
    return {
      grade: null,
      gradeText: '',
      type: 'unknown',
      typeText: '',
      date: null,
      datedByPublication: false,
      firstInspection: true,
      position,
    };
  }
  for (const pattern of PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const groups = m.slice(1).filter((g): g is string => g !== undefined);
    const gradeText = groups.find((g) => readGrade(g) !== null) ?? '';
    const dateText = groups.filter((g) => g !== gradeText).join(' ');
    const date = readDateMentions(dateText)[0] ?? null;
    const named = readNamedType(m[0]);
    return {
      grade: readGrade(gradeText),
      gradeText,
      ...named,
      date,
      datedByPublication: /publish/i.test(dateText),
      firstInspection: false,
      position,
    };
  }
  return null;
}
