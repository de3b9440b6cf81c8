/**
 * seed/reference/boilerplate.json: the regulators' standard texts (their remit, the licence, a
 * letter's closing lines, notes on the framework) that reach findings when a report prints them
 * beside its judgements. Read once, validated, cached.
 */
import { readReferenceOnce } from './read-once.ts';
import { parseCues } from './theme-taxonomy.ts';
import type { BoilerplateExtent, BoilerplateText } from './types.ts';
import {
  child,
  expectArray,
  expectObject,
  expectOneOf,
  expectReportFamilies,
  expectString,
  expectUnique,
  fail,
  type Place,
} from './validate.ts';

const EXTENTS: readonly BoilerplateExtent[] = ['sentence', 'match'];

export const readBoilerplateTexts: () => readonly BoilerplateText[] = readReferenceOnce(
  'boilerplate.json',
  (value, place) => parseBoilerplateTexts(value, place),
);

export function parseBoilerplateTexts(value: unknown, place: Place): readonly BoilerplateText[] {
  const root = expectObject(value, place);
  const list = child(place, 'texts');
  const texts = expectArray(root['texts'], list).map((item, i) => {
    const raw = expectObject(item, child(list, i));
    const id = expectString(raw['id'], child(child(list, i), 'id'));
    const at = child(list, i, id);
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) fail(at, 'id must be kebab-case');
    const patterns = parseCues(raw['patterns'], child(at, 'patterns'));
    if (patterns.length === 0) fail(child(at, 'patterns'), 'a text needs at least one pattern');
    expectUnique(patterns, at, 'pattern');
    return {
      id,
      why: expectString(raw['why'], child(at, 'why')),
      families: expectReportFamilies(raw['families'] ?? [], child(at, 'families')),
      patterns,
      extent: expectOneOf(raw['extent'] ?? 'sentence', EXTENTS, child(at, 'extent')),
    };
  });
  expectUnique(
    texts.map((t) => t.id),
    list,
    'text id',
  );
  return Object.freeze(texts);
}
