import type { EnforcementType, LegislationId, RegulationRef } from '../../model/document.ts';
import { readCount } from '../text/numbers.ts';

const PROSECUTION = /\bprosecut(?:ed|ion)\b|\bsimple cautions?\b|\bfixed penalty notices?\b/;
const POSSIBLE_PROSECUTION =
  /\b(?:may|could|can|might|would|will)\b[^.]*\b(?:lead to|result in|face)\b[^.]*\bprosecut|\bconsider(?:s|ed|ing)?\b[^.]*\bprosecut/;

/** Kind of enforcement a sentence names, from the regulators' own wording; `other` when unclear. */
export function readEnforcementType(text: string): EnforcementType {
  const t = text.toLowerCase();
  // Checked first: "we prosecuted the provider for failing to comply with a warning notice" is a
  // prosecution. "Failure to comply may lead to prosecution" states none.
  if (PROSECUTION.test(t) && !POSSIBLE_PROSECUTION.test(t)) return 'prosecution';
  if (/compliance notice/.test(t)) return 'compliance-notice';
  if (/warning notice/.test(t)) return 'warning-notice';
  if (/requirement notice/.test(t)) return 'requirement-notice';
  if (/\bsuspen(?:d|sion)/.test(t)) return 'suspension';
  if (/\bcancel(?:led|lation)|notice of (?:proposal|decision) to cancel/.test(t))
    return 'cancellation';
  if (
    /\brestrict(?:ion|ed)|\bimposed? (?:a )?conditions?|\bconditions? (?:were |was )?imposed/.test(
      t,
    )
  )
    return 'restriction';
  return 'other';
}

const NOTICE_COUNT =
  /\b(\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:further\s+|new\s+)?(?:warning|compliance|requirement)\s+notices?\b/i;

/** How many notices a sentence says were issued ("2 Warning Notices" → 2), else null. */
export function readNoticeCount(text: string): number | null {
  const m = NOTICE_COUNT.exec(text);
  return m ? readCount(m[1]!) : null;
}

const ACTS: ReadonlyArray<readonly [RegExp, LegislationId]> = [
  [/^health and social care act 2008$/i, 'HSCA2008'],
  [/^care standards act 2000$/i, 'CSA2000'],
];

export interface LegalBasis {
  /** As printed, e.g. `Section 29 of the Health and Social Care Act 2008`. */
  text: string;
  regulation: RegulationRef | null;
}

/** "Section 29 of the Health and Social Care Act 2008" and the like, else null. */
export function readLegalBasis(text: string): LegalBasis | null {
  const m = /\b(Section\s+(\d+[A-Z]?)\s+of\s+the\s+([A-Z][A-Za-z ]*?Act\s+\d{4}))/i.exec(text);
  if (!m) return null;
  const act = m[3]!.replace(/\s+/g, ' ');
  const legislation = ACTS.find(([pattern]) => pattern.test(act))?.[1] ?? null;
  return {
    text: m[1]!.replace(/\s+/g, ' '),
    regulation: legislation ? { legislation, number: m[2]!, title: null } : null,
  };
}
