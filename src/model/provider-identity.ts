/**
 * The two keys providers are matched on across regulators.
 *
 * Companies House number: spaces dropped, upper-cased, and a number of digits only zero-padded to
 * the register's 8 characters ("3754654" → "03754654"); prefixed numbers keep their letters and
 * have their digits padded ("SC12345" → "SC012345"). Anything else that is not 8 letters and
 * digits is not a company number: null.
 *
 * Normalised name, the rule the SAME_AS "normalised-name" links use:
 *   1. accents dropped, lower-cased, "&" read as "and", apostrophes removed ("children's" → "childrens");
 *   2. every other run of punctuation or space becomes one space;
 *   3. "limited" is written "ltd" and "company" "co";
 *   4. a leading "the" and any trailing run of legal-form words (ltd, plc, llp, lp, cic, cio, co)
 *      are dropped, so "The Cambian Childcare Ltd." and "Cambian Childcare Limited" agree;
 *   5. null when nothing is left.
 */

const LEGAL_FORMS = new Set(['ltd', 'plc', 'llp', 'lp', 'cic', 'cio', 'co']);
const SPELLINGS: Readonly<Record<string, string>> = { limited: 'ltd', company: 'co' };

export function normaliseCompaniesHouseNumber(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = raw.replace(/\s+/g, '').toUpperCase();
  if (text === '') return null;
  if (/^\d{1,8}$/.test(text)) return /^0+$/.test(text) ? null : text.padStart(8, '0');
  const prefixed = /^([A-Z]{2})(\d{1,6})$/.exec(text);
  if (prefixed) return `${prefixed[1]}${prefixed[2]!.padStart(6, '0')}`;
  return /^[A-Z0-9]{8}$/.test(text) ? text : null;
}

export function normaliseProviderName(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const words = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['\u2018\u2019`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '')
    .map((w) => SPELLINGS[w] ?? w);
  if (words[0] === 'the') words.shift();
  while (words.length > 0 && LEGAL_FORMS.has(words[words.length - 1]!)) words.pop();
  return words.length > 0 ? words.join(' ') : null;
}

/** The source a provider key belongs to: its prefix (`ofsted-provider`, `cqc-provider`). */
export function readProviderSource(providerId: string): string {
  const colon = providerId.indexOf(':');
  return colon < 0 ? providerId : providerId.slice(0, colon);
}
