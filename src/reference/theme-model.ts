/**
 * seed/reference/theme-model.json: the learned theme model (`npm run train:themes` writes it from
 * the development part of tests/golden/themes/findings.jsonl). Read once, checked, cached; absent,
 * the tagger uses its rules alone.
 */
import { existsSync } from 'node:fs';
import { referenceFilePath } from './project-root.ts';
import { readThemeTaxonomy } from './theme-taxonomy.ts';
import { REPORT_FAMILIES } from '../model/document.ts';
import type { ThemeDecision, ThemeModel, ThemeModelWeights } from './types.ts';
import { child, expectObject, expectOneOf, fail, readJsonFile, type Place } from './validate.ts';

const FILE = 'seed/reference/theme-model.json';

let cached: { model: ThemeModel | null } | null = null;

export function readThemeModel(): ThemeModel | null {
  if (!cached) {
    const filePath = referenceFilePath('theme-model.json');
    if (!existsSync(filePath)) cached = { model: null };
    else {
      const { value, place } = readJsonFile(filePath, FILE);
      const themeIds = new Set(readThemeTaxonomy().themes.map((t) => t.id));
      cached = { model: parseThemeModel(value, place, themeIds) };
    }
  }
  return cached.model;
}

function expectNumber(value: unknown, place: Place): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(place, 'expected a number');
  return value;
}

function expectWeights(value: unknown, place: Place): Record<string, number> {
  const raw = expectObject(value, place);
  const weights: Record<string, number> = {};
  for (const [name, weight] of Object.entries(raw))
    weights[name] = expectNumber(weight, child(place, name));
  return weights;
}

export function parseThemeModel(
  value: unknown,
  place: Place,
  themeIds: ReadonlySet<string>,
): ThemeModel {
  const root = expectObject(value, place);
  const threshold = expectNumber(root['threshold'], child(place, 'threshold'));
  if (threshold <= 0 || threshold >= 1) fail(child(place, 'threshold'), 'must be between 0 and 1');
  const themesPlace = child(place, 'themes');
  const themes: Record<string, ThemeModelWeights> = {};
  for (const [id, raw] of Object.entries(expectObject(root['themes'], themesPlace))) {
    const at = child(themesPlace, id);
    if (!themeIds.has(id)) fail(at, `${id} is not a theme of seed/reference/themes.json`);
    const weights = expectObject(raw, at);
    themes[id] = {
      bias: expectNumber(weights['bias'], child(at, 'bias')),
      rule: expectWeights(weights['rule'], child(at, 'rule')),
      features: expectWeights(weights['features'], child(at, 'features')),
    };
  }
  const combine = expectOneOf(
    root['combine'] ?? 'model',
    ['model', 'union'],
    child(place, 'combine'),
  );
  const model: ThemeModel = { threshold, combine, themes };
  if (root['families'] !== undefined)
    model.families = expectFamilies(root['families'], child(place, 'families'));
  return model;
}

/** A probability threshold: above 0, at most 1 (1: never reached by a logistic). */
function expectThreshold(value: unknown, place: Place, min: number): number {
  const threshold = expectNumber(value, place);
  if (threshold < min || threshold > 1) fail(place, `must be between ${min} and 1`);
  return threshold;
}

function expectFamilies(value: unknown, place: Place): Record<string, ThemeDecision> {
  const families: Record<string, ThemeDecision> = {};
  for (const [family, raw] of Object.entries(expectObject(value, place))) {
    const at = child(place, family);
    expectOneOf(family, REPORT_FAMILIES, at);
    const decision = expectObject(raw, at);
    families[family] = {
      keep: expectThreshold(decision['keep'], child(at, 'keep'), 0),
      add: expectThreshold(decision['add'], child(at, 'add'), Number.MIN_VALUE),
    };
  }
  return families;
}
