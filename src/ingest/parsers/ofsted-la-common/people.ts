import type { Person } from '../../../model/document.ts';
import { cleanInline } from '../../text/normalise.ts';

/** A person's name looks like two to five capitalised words (with Mc, O', hyphens, accents). */
const NAME = /^\p{Lu}[\p{L}'-]*(?: (?:\p{Lu}[\p{L}'.-]*|de|van|von|le|la|du)){1,4}$/u;

/**
 * An inspector's name without the title printed around it: "Sarah Canto, His Majesty's
 * Inspector" → "Sarah Canto", "Neil Penswick HMI" → "Neil Penswick". Null when what is left
 * does not look like a name.
 */
export function cleanPersonName(text: string): string | null {
  const name = cleanInline(text)
    .replace(/,?\s*(?:Her|His) Majesty's Inspectors?\b.*$/i, '')
    .replace(
      /,?\s*\b(?:Ofsted )?(?:HMI|Ofsted Inspector|Social Care Regulatory Inspector)\b.*$/i,
      '',
    )
    .replace(/[\s,.;:]+$/, '')
    .trim();
  return NAME.test(name) ? name : null;
}

/** "Linda Steele, Kate Malleson and Peter Green" → three names; titles after a name are dropped. */
export function splitNameList(text: string): string[] {
  return cleanInline(text)
    .replace(
      /,?\s*(?:(?:two|three|four|five) of )?(?:Senior )?(?:Her|His) Majesty's Inspectors?\b/gi,
      '',
    )
    .replace(/\(HMIs?\)/g, '')
    .replace(/,?\s*\bHMIs?\b/g, '')
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/)
    .map((part) => cleanPersonName(part))
    .filter((name): name is string => name !== null);
}

/** People in order, each name once per role. */
export function dedupePeople(people: readonly Person[]): Person[] {
  const seen = new Set<string>();
  return people.filter((p) => {
    const key = `${p.role}|${p.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
