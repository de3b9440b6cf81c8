/**
 * From the name a report or data file gives a local authority ("London Borough of Redbridge",
 * "Bedford Borough Local Area Partnership", "Kingston-upon-Thames", "St. Helens Metropolitan
 * Borough Council", "Bristol, City of") to its entry in seed/reference/local-authorities.json.
 * Used by the LA report parsers and by the place normalisation every Location goes through.
 */
import { collapseWhitespace, normaliseQuotes } from '../model/text-forms.ts';
import { readLocalAuthorities, type LocalAuthority } from './local-authorities.ts';

/** Words around an LA's name that say what kind of body or report it is, not which LA. */
const PREFIXES = [
  'the ',
  'london borough of ',
  'royal borough of ',
  'metropolitan borough of ',
  'county borough of ',
  'borough of ',
  'city and county of ',
  'city of ',
  'county of ',
  'council of the ',
  'council of ',
  'county ',
];
const SUFFIXES = [
  ' local area partnership',
  ' local authority',
  " children's social care services",
  " children's services",
  " children's trust",
  ' children first',
  ' metropolitan borough council',
  ' metropolitan district council',
  ' metropolitan council',
  ' county borough council',
  ' county council',
  ' city council',
  ' borough council',
  ' district council',
  ' council',
  ', city of',
  ', county of',
  ' city',
  ' borough',
  ' area',
];

/**
 * Shorter names Ofsted prints for an LA the catalogue knows only by its full name ("Focused visit
 * to East Riding local authority children's services", "…to Newcastle local authority…"), as
 * normalised keys. Only for a whole printed name, never matched inside running text, where
 * "Newcastle" could be Newcastle-under-Lyme.
 */
const SHORT_FORMS: Readonly<Record<string, string>> = {
  'east riding': 'east riding of yorkshire',
  newcastle: 'newcastle upon tyne',
};

/**
 * The comparable core of an LA name: lower case, "&" as "and", hyphens and full stops as spaces,
 * and the words for the kind of council stripped from both ends, so every spelling above and the
 * catalogue's own names meet on one key ("redbridge", "kingston upon thames", "st helens").
 */
export function normaliseAuthorityName(name: string): string {
  let key = collapseWhitespace(
    normaliseQuotes(name)
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/[-.]/g, ' ')
      .replace(/[^a-z0-9', ]/g, ' '),
  ).replace(/\s+,/g, ',');
  for (let changed = true; changed;) {
    changed = false;
    for (const prefix of PREFIXES) {
      if (key.startsWith(prefix) && key.length > prefix.length) {
        key = key.slice(prefix.length).trim();
        changed = true;
      }
    }
    for (const suffix of SUFFIXES) {
      if (key.endsWith(suffix) && key.length > suffix.length) {
        key = key.slice(0, -suffix.length).trim();
        changed = true;
      }
    }
    // "Focused visit to Durham's children's services", "Bristol City Council's".
    if (key.endsWith("'s") && key.length > 2) {
      key = key.slice(0, -2).trim();
      changed = true;
    }
  }
  key = key.replace(/,$/, '');
  return SHORT_FORMS[key] ?? key;
}

let index: ReadonlyMap<string, LocalAuthority> | null = null;

/** Catalogue entries by normalised name and alias. */
function readAuthorityIndex(): ReadonlyMap<string, LocalAuthority> {
  if (!index) {
    const map = new Map<string, LocalAuthority>();
    for (const la of readLocalAuthorities()) {
      for (const name of [la.name, ...la.aliases]) {
        const key = normaliseAuthorityName(name);
        if (key && !map.has(key)) map.set(key, la);
      }
    }
    index = map;
  }
  return index;
}

/** The catalogue entry a printed name stands for, or null. */
export function findLocalAuthority(name: string): LocalAuthority | null {
  const key = normaliseAuthorityName(name);
  return key ? (readAuthorityIndex().get(key) ?? null) : null;
}

let byCode: ReadonlyMap<string, LocalAuthority> | null = null;

/** The catalogue entry with this ONS code (`E06000055`) or DfE LA code (`822`), any case, or null. */
export function findLocalAuthorityByCode(code: string): LocalAuthority | null {
  if (!byCode) {
    const map = new Map<string, LocalAuthority>();
    for (const la of readLocalAuthorities()) {
      if (la.onsCode) map.set(la.onsCode.toUpperCase(), la);
      if (la.laCode) map.set(la.laCode, la);
    }
    byCode = map;
  }
  return byCode.get(code.trim().toUpperCase()) ?? null;
}
