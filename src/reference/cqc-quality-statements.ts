/**
 * seed/reference/cqc-quality-statements.json: CQC quality statements mapped onto themes.
 */
import { readReferenceOnce } from './read-once.ts';
import { readThemeTaxonomy } from './theme-taxonomy.ts';
import type { CqcQualityStatement } from './types.ts';
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

export const readCqcQualityStatements: () => readonly CqcQualityStatement[] = readReferenceOnce(
  'cqc-quality-statements.json',
  (value, place) =>
    parseCqcQualityStatements(value, place, new Set(readThemeTaxonomy().themes.map((t) => t.id))),
);

export function parseCqcQualityStatements(
  value: unknown,
  place: Place,
  themeIds: ReadonlySet<string>,
): readonly CqcQualityStatement[] {
  const root = expectObject(value, place);
  const list = child(place, 'qualityStatements');
  const statements = expectArray(root['qualityStatements'], list).map((item, i) => {
    const raw = expectObject(item, child(list, i));
    const id = expectString(raw['id'], child(child(list, i), 'id'));
    const at = child(list, i, id);
    const themes = expectStringArray(raw['themes'], child(at, 'themes'));
    if (themes.length === 0)
      fail(child(at, 'themes'), 'map each quality statement to at least one theme');
    themes.forEach((theme, j) => {
      if (!themeIds.has(theme))
        fail(
          child(child(at, 'themes'), j),
          `${theme} is not a theme in seed/reference/themes.json`,
        );
    });
    return {
      id,
      keyQuestion: expectString(raw['keyQuestion'], child(at, 'keyQuestion')),
      name: expectString(raw['name'], child(at, 'name')),
      themes,
      why: expectString(raw['why'], child(at, 'why')),
    };
  });
  expectUnique(
    statements.map((s) => s.id),
    list,
    'quality statement id',
  );
  return Object.freeze(statements);
}
