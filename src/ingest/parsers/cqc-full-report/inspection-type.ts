/**
 * The kind of inspection a CQC full report describes, from its own words:
 * - "We carried out an announced comprehensive inspection", "as part of the new comprehensive
 *   inspection programme": full; "focused inspection", "targeted inspection": focused;
 * - "Date of assessment:" or "during an assessment under our new approach": assessment;
 * - adult social care reports since 2019 never name a comprehensive inspection: "We looked at the
 *   overall quality of the service and provided a rating for the service" is the template's
 *   sentence for one, unless the report says some key questions were not inspected.
 * A kind named for another inspection ("at our last comprehensive inspection", "at the next
 * comprehensive inspection") says nothing about this one and is skipped.
 */
import type { InspectionType } from '../../../model/document.ts';

const NAMED = /\b(comprehensive|focused|targeted)\s+inspection\b/gi;
/** Words just before the kind that make it another inspection's. */
const OTHER_INSPECTION = /\b(?:last|previous|next|earlier|prior|future)\s*$/i;
const RATED_WHOLE_SERVICE =
  /\bwe looked at the overall quality of the service and provided a rating for the service\b/i;
const PART_NOT_INSPECTED =
  /\b(?:did not inspect|were not inspected|was not inspected|key questions? of [^.]{0,80}\bonly\b)/i;

export interface ReadType {
  type: InspectionType;
  /** The words the type was read from, '' when none. */
  typeText: string;
}

function namedKind(text: string): ReadType | null {
  for (const m of text.matchAll(NAMED)) {
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    if (OTHER_INSPECTION.test(before)) continue;
    const word = m[1]!.toLowerCase();
    return { type: word === 'comprehensive' ? 'full' : 'focused', typeText: m[0] };
  }
  return null;
}

/** The type the report states for its own inspection, else unknown with typeText ''. */
export function readInspectionType(reportText: string, assessmentCover: boolean): ReadType {
  // Sentences run over lines in extracted text.
  const text = reportText.replace(/\s+/g, ' ');
  if (assessmentCover || /\bduring an assessment under our new approach\b/i.test(text))
    return { type: 'assessment', typeText: 'assessment' };
  const named = namedKind(text);
  if (named) return named;
  const whole = RATED_WHOLE_SERVICE.exec(text);
  if (whole && !PART_NOT_INSPECTED.test(text)) return { type: 'full', typeText: whole[0] };
  return { type: 'unknown', typeText: '' };
}
