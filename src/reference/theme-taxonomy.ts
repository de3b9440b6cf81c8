/**
 * seed/reference/themes.json: Theme nodes and (Regulation)-[:COVERS]->(Theme) links, and the
 * contexts that say what a theme's words mean in a kind of report or section.
 * Read once, validated against the legislation catalogue, cached.
 */
import { readReferenceOnce } from './read-once.ts';
import { readLegislationCatalogue } from './legislation-catalogue.ts';
import type { Theme, ThemeContext, ThemeCoverage, ThemeTaxonomy } from './types.ts';
import {
  child,
  expectArray,
  expectObject,
  expectReportFamilies,
  expectString,
  expectStringArray,
  expectUnique,
  fail,
  type Place,
} from './validate.ts';

/** Marks a cue that is a regular expression rather than a plain term. */
export const PATTERN_PREFIX = 're:';

export const readThemeTaxonomy: () => ThemeTaxonomy = readReferenceOnce(
  'themes.json',
  (value, place) =>
    parseThemeTaxonomy(
      value,
      place,
      new Set(readLegislationCatalogue().regulations.map((r) => r.id)),
    ),
);

/** Validates taxonomy JSON; every regulation a theme names must exist in the catalogue. */
export function parseThemeTaxonomy(
  value: unknown,
  place: Place,
  regulationIds: ReadonlySet<string>,
): ThemeTaxonomy {
  const root = expectObject(value, place);
  const list = child(place, 'themes');
  const themes = expectArray(root['themes'], list).map((item, i) =>
    parseTheme(item, list, i, regulationIds),
  );
  expectUnique(
    themes.map((t) => t.id),
    list,
    'theme id',
  );
  const coverage: ThemeCoverage[] = themes.flatMap((t) =>
    t.regulations.map((regulation) => ({ regulation, theme: t.id })),
  );
  const ignore = parseCues(root['ignore'] ?? [], child(place, 'ignore'));
  const contextList = child(place, 'contexts');
  const themeIds = new Set(themes.map((t) => t.id));
  const contexts = expectArray(root['contexts'] ?? [], contextList).map((item, i) =>
    parseContext(item, child(contextList, i), themeIds),
  );
  expectUnique(
    contexts.map((c) => c.id),
    contextList,
    'context id',
  );
  return {
    themes: Object.freeze(themes),
    ignore: Object.freeze(ignore),
    coverage: Object.freeze(coverage),
    contexts: Object.freeze(contexts),
  };
}

function parseContext(value: unknown, place: Place, themeIds: ReadonlySet<string>): ThemeContext {
  const raw = expectObject(value, place);
  const id = expectString(raw['id'], child(place, 'id'));
  const at = { ...place, at: `${place.at} (${id})` };
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) fail(at, 'id must be kebab-case');
  const theme = expectString(raw['theme'], child(at, 'theme'));
  if (!themeIds.has(theme)) fail(child(at, 'theme'), `${theme} is not a theme of this file`);
  const sections = expectStringArray(raw['sections'] ?? [], child(at, 'sections'));
  sections.forEach((pattern, i) => {
    try {
      new RegExp(pattern, 'i');
    } catch (error) {
      fail(child(child(at, 'sections'), i), `does not compile: ${(error as Error).message}`);
    }
  });
  const context: ThemeContext = {
    id,
    why: expectString(raw['why'], child(at, 'why')),
    theme,
    families: expectReportFamilies(raw['families'] ?? [], child(at, 'families')),
    sections,
    cues: parseCues(raw['cues'] ?? [], child(at, 'cues')),
    weakCues: parseCues(raw['weakCues'] ?? [], child(at, 'weakCues')),
    notCues: parseCues(raw['notCues'] ?? [], child(at, 'notCues')),
  };
  if (context.cues.length + context.weakCues.length + context.notCues.length === 0)
    fail(at, 'a context needs cues, weakCues or notCues');
  expectUnique([...context.cues, ...context.weakCues, ...context.notCues], at, 'cue');
  return context;
}

function parseTheme(
  value: unknown,
  list: Place,
  index: number,
  regulationIds: ReadonlySet<string>,
): Theme {
  const raw = expectObject(value, child(list, index));
  const id = expectString(raw['id'], child(child(list, index), 'id'));
  const at = child(list, index, id);
  if (!/^[a-z]+(?:-[a-z]+)*$/.test(id)) fail(at, 'id must be kebab-case');
  const cues = parseCues(raw['cues'], child(at, 'cues'));
  const weakCues = parseCues(raw['weakCues'] ?? [], child(at, 'weakCues'));
  if (cues.length === 0) fail(child(at, 'cues'), 'a theme needs at least one cue');
  const regulations = expectStringArray(raw['regulations'], child(at, 'regulations'));
  regulations.forEach((regulation, i) => {
    if (!regulationIds.has(regulation))
      fail(
        child(child(at, 'regulations'), i),
        `${regulation} is not in seed/reference/legislation.json`,
      );
  });
  expectUnique(regulations, child(at, 'regulations'), 'regulation');
  expectUnique([...cues, ...weakCues], at, 'cue');
  return {
    id,
    label: expectString(raw['label'], child(at, 'label')),
    definition: expectString(raw['definition'], child(at, 'definition')),
    cues,
    weakCues,
    regulations,
  };
}

/** Cues are lower-case terms, or `re:` patterns that must compile. */
export function parseCues(value: unknown, place: Place): string[] {
  const cues = expectStringArray(value, place);
  cues.forEach((cue, i) => {
    const at = child(place, i);
    if (cue.startsWith(PATTERN_PREFIX)) {
      try {
        new RegExp(cue.slice(PATTERN_PREFIX.length), 'i');
      } catch (error) {
        fail(at, `pattern ${cue} does not compile: ${(error as Error).message}`);
      }
    } else if (cue !== cue.toLowerCase() || cue.trim() !== cue) {
      fail(at, `cue "${cue}" must be lower case without surrounding spaces`);
    }
  });
  return cues;
}
