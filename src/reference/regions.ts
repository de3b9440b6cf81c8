/**
 * seed/reference/regions.json: the nine English regions (ONS names and codes) every Location's
 * region is normalised to, with the other ways sources write them. Read once, validated, cached.
 */
import { readReferenceOnce } from './read-once.ts';
import {
  child,
  expectArray,
  expectObject,
  expectString,
  expectStringArray,
  expectUnique,
  fail,
  type Place,
} from './validate.ts';

export interface Region {
  /** ONS code, `E12000006`. */
  code: string;
  /** ONS name, `East of England`. */
  name: string;
  /** Short code of the DfE/Ofsted lookup (`E`, `GL`, `YH`). */
  dfeCode: string;
  /** Other spellings sources use (`East`, `Yorkshire & Humberside`). */
  aliases: readonly string[];
}

export const readRegions: () => readonly Region[] = readReferenceOnce(
  'regions.json',
  (value, place) => parseRegions(value, place),
);

/** Validates the catalogue: codes are ONS region codes and unique, names unique. */
export function parseRegions(value: unknown, place: Place): readonly Region[] {
  const root = expectObject(value, place);
  const list = child(place, 'regions');
  const regions = expectArray(root['regions'], list).map((item, i) => {
    const raw = expectObject(item, child(list, i));
    const code = expectString(raw['code'], child(child(list, i), 'code'));
    const at = child(list, i, code);
    if (!/^E12\d{6}$/.test(code))
      fail(child(at, 'code'), 'an English region code is E12 and 6 digits');
    return Object.freeze({
      code,
      name: expectString(raw['name'], child(at, 'name')),
      dfeCode: expectString(raw['dfeCode'], child(at, 'dfeCode')),
      aliases: Object.freeze(expectStringArray(raw['aliases'] ?? [], child(at, 'aliases'))),
    });
  });
  expectUnique(
    regions.map((r) => r.code),
    list,
    'code',
  );
  expectUnique(
    regions.map((r) => r.name),
    list,
    'name',
  );
  return Object.freeze(regions);
}
