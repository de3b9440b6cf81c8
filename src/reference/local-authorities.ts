/**
 * seed/reference/local-authorities.json: the local authorities whose children's services Ofsted
 * inspects, keyed by Ofsted's LA URN. Parsers of LA reports (ILACS, focused visits, area SEND)
 * map the name printed in a report to an entry here, which gives the URN behind the LA's
 * Location (`la:<urn>`) and Provider (`local-authority:<urn>`), its region and its codes.
 * Read once, validated, cached.
 */
import { readReferenceOnce } from './read-once.ts';
import {
  child,
  expectArray,
  expectNullableString,
  expectObject,
  expectString,
  expectStringArray,
  expectUnique,
  fail,
  type Place,
} from './validate.ts';

export interface LocalAuthority {
  /** Ofsted URN of the local authority, e.g. `80418` (Norfolk). */
  urn: string;
  /** Name of the area, e.g. `Norfolk`, `Kingston upon Hull`. */
  name: string;
  /** ONS name of the area (`utla23nm`: `Bedford`, `Bristol, City of`), what Locations are normalised to. */
  onsName: string;
  /** Other spellings found in data and reports (`BCP`, `County Durham`, `Bristol, City of`). */
  aliases: readonly string[];
  /** Three-digit DfE LA code (`926`), when known. */
  laCode: string | null;
  /** ONS area code (`E10000020`), when known. */
  onsCode: string | null;
  /** English region (`East of England`), when known. */
  region: string | null;
  /** ONS type (`County`, `London Borough`...), when known. */
  type: string | null;
}

export const readLocalAuthorities: () => readonly LocalAuthority[] = readReferenceOnce(
  'local-authorities.json',
  (value, place) => parseLocalAuthorities(value, place),
);

/** Validates the catalogue: URNs are digits and unique, names non-empty. */
export function parseLocalAuthorities(value: unknown, place: Place): readonly LocalAuthority[] {
  const root = expectObject(value, place);
  const list = child(place, 'localAuthorities');
  const authorities = expectArray(root['localAuthorities'], list).map((item, i) => {
    const raw = expectObject(item, child(list, i));
    const urn = expectString(raw['urn'], child(child(list, i), 'urn'));
    const at = child(list, i, urn);
    const name = expectString(raw['name'], child(at, 'name'));
    if (!/^\d{5,8}$/.test(urn)) fail(child(at, 'urn'), 'an LA URN is 5 to 8 digits');
    return Object.freeze({
      urn,
      name,
      onsName: expectNullableString(raw['onsName'] ?? null, child(at, 'onsName')) ?? name,
      aliases: Object.freeze(expectStringArray(raw['aliases'] ?? [], child(at, 'aliases'))),
      laCode: expectNullableString(raw['laCode'], child(at, 'laCode')),
      onsCode: expectNullableString(raw['onsCode'], child(at, 'onsCode')),
      region: expectNullableString(raw['region'], child(at, 'region')),
      type: expectNullableString(raw['type'], child(at, 'type')),
    });
  });
  expectUnique(
    authorities.map((a) => a.urn),
    list,
    'urn',
  );
  return Object.freeze(authorities);
}
