import { collapseWhitespace, normaliseQuotes, normaliseSpaces } from './normalise.ts';

/**
 * A provider or organisation name in the form used for matching: quotes straightened, spaces
 * collapsed, and the company suffix spelt out ("Ltd" and "Limited" are the same company).
 */
export function normaliseOrganisationName(name: string): string {
  return collapseWhitespace(normaliseQuotes(normaliseSpaces(name)))
    .replace(/\bltd\b\.?/gi, 'Limited')
    .replace(/\s+&\s+/g, ' and ');
}

/**
 * Deterministic slug of a name for ids: `Partnerships In Care 1 Limited` →
 * `partnerships-in-care-1-limited`. Accents are dropped and apostrophes removed rather than
 * turned into separators ("Children's" → "childrens"). Empty when the name has no letters or digits.
 */
export function slugifyName(name: string): string {
  return normaliseOrganisationName(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['"]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
