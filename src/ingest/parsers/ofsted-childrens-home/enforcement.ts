import type { EnforcementItem } from '../../../model/document.ts';
import { parseDate } from '../../text/dates.ts';
import { cleanInline } from '../../text/normalise.ts';
import { readEnforcementType, readLegalBasis, readNoticeCount } from '../enforcement-wording.ts';
import type { WarningLog } from '../warnings.ts';
import type { FieldValue } from './fields.ts';

/** "none", "None.", "No", "not applicable": no enforcement since the last inspection. */
export function isNoEnforcement(value: string): boolean {
  return /^(?:none|no|nil|n\/?a|not applicable)\.?$/i.test(value.trim());
}

const DATE_IN_TEXT = /\b(\d{1,2}\/\d{1,2}\/\d{4}|\d{1,2}(?:st|nd|rd|th)? [A-Za-z]+ \d{4})\b/g;

function readFirstDate(text: string): string | null {
  for (const m of text.matchAll(DATE_IN_TEXT)) {
    const date = parseDate(m[1]!);
    if (date) return date;
  }
  return null;
}

/**
 * "Enforcement action since last inspection: …": nothing when it says none, otherwise one item
 * per `;`-separated clause, each keeping its own wording. Only what the clause states is read:
 * the kind of action, a count when one is printed (else 1), a date when one is printed.
 */
export function readEnforcementSinceLast(
  field: FieldValue | undefined,
  warnings: WarningLog,
): EnforcementItem[] {
  if (!field || isNoEnforcement(field.value)) return [];
  const clauses = field.value.split(';').map(cleanInline).filter(Boolean);
  return clauses.map((text) => {
    const type = readEnforcementType(text);
    if (type === 'other')
      warnings.add(
        'unknown-enforcement',
        `enforcement "${text.slice(0, 80)}" not classified`,
        field.position,
      );
    const basis = readLegalBasis(text);
    const regulationNumber = /\bregulation\s+(\d{1,3}[A-Z]?)\b/i.exec(text)?.[1] ?? null;
    return {
      id: '',
      type,
      legalBasis: basis?.text ?? null,
      regulation:
        basis?.regulation ??
        (regulationNumber
          ? { legislation: 'CHR2015', number: regulationNumber, title: null }
          : null),
      count: readNoticeCount(text) ?? 1,
      issuedOn: readFirstDate(text),
      complyBy: null,
      text,
      position: { ...field.position },
      requirementIds: [],
    };
  });
}
