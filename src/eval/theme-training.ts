/**
 * Training of the learned theme model (src/ingest/classify/theme-model.ts) from labelled
 * findings: one L2-regularised logistic regression per theme over the text features present in
 * at least `minCount` training findings and the rules' evidence for the theme, fitted by full-batch
 * gradient descent with AdaGrad steps from zero weights, so the same data give the same model
 * bit for bit. Weights smaller than `prune` are dropped from the file (and from the model that
 * cross-validation scores, so its figures are the shipped model's). Boilerplate findings are
 * not training examples: the tagger never reaches the model for them.
 *
 * Cross-validation splits the examples into folds by a hash of their id, trains on all folds but
 * one and tags the one left out, for each setting of the grid; `npm run train:themes` keeps the
 * setting with the best micro-F1 and trains on the whole development part with it.
 */
import { createHash } from 'node:crypto';
import type { ThemeModel, ThemeModelWeights } from '../reference/index.ts';
import {
  RULE_FEATURES,
  applyThemeModel,
  ruleFeatureValues,
  type ThemeFeatures,
} from '../ingest/classify/theme-model.ts';
import { scoreThemePairs, type ThemePair } from './theme-scores.ts';

export interface TrainingExample {
  id: string;
  /** Report family, for per-family figures. */
  family: string;
  /** null: boilerplate (no theme, not a training example). */
  features: ThemeFeatures | null;
  gold: readonly string[];
}

export interface TrainingSettings {
  /** L2 penalty per weight, against the mean log loss. */
  l2: number;
  /** A text feature must be present in this many training findings to get a weight. */
  minCount: number;
  /** Probability at which a theme is tagged. */
  threshold: number;
  iterations: number;
  /** AdaGrad step size. */
  step: number;
  /** Weights smaller than this (in size) are dropped. */
  prune: number;
  /** See ThemeModel.combine. */
  combine: 'model' | 'union';
}

export const DEFAULT_TRAINING: TrainingSettings = {
  l2: 0.01,
  minCount: 2,
  threshold: 0.5,
  iterations: 300,
  step: 0.5,
  prune: 0.01,
  combine: 'model',
};

interface Encoded {
  /** Vocabulary indices of the text features present. */
  text: number[];
  /** Rule feature values per theme. */
  rule: Map<string, number[]>;
  gold: Set<string>;
}

function buildVocabulary(examples: readonly TrainingExample[], minCount: number): string[] {
  const counts = new Map<string, number>();
  for (const e of examples)
    for (const f of e.features?.text ?? []) counts.set(f, (counts.get(f) ?? 0) + 1);
  return [...counts.entries()]
    .filter(([, n]) => n >= minCount)
    .map(([f]) => f)
    .sort();
}

function encode(
  examples: readonly TrainingExample[],
  vocabulary: readonly string[],
  themes: readonly string[],
): Encoded[] {
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  return examples.flatMap((e) => {
    if (!e.features) return [];
    const features = e.features;
    const text = features.text.flatMap((f) => {
      const i = index.get(f);
      return i === undefined ? [] : [i];
    });
    const rule = new Map(
      themes.map((t) => {
        const values = ruleFeatureValues(features, t);
        return [t, RULE_FEATURES.map((name) => values[name]!)];
      }),
    );
    return [{ text, rule, gold: new Set(e.gold) }];
  });
}

function roundTo(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}

/** One theme's weights: mean log loss + l2/2 · |w|² (bias not penalised), AdaGrad from zero. */
function fitTheme(
  data: readonly Encoded[],
  vocabularySize: number,
  theme: string,
  settings: TrainingSettings,
): { bias: number; rule: number[]; text: Float64Array } {
  const text = new Float64Array(vocabularySize);
  const rule = new Array<number>(RULE_FEATURES.length).fill(0);
  let bias = 0;
  const gText = new Float64Array(vocabularySize);
  const gRule = new Array<number>(RULE_FEATURES.length).fill(0);
  const hText = new Float64Array(vocabularySize).fill(1e-8);
  const hRule = new Array<number>(RULE_FEATURES.length).fill(1e-8);
  let hBias = 1e-8;
  const n = Math.max(1, data.length);
  for (let iteration = 0; iteration < settings.iterations; iteration++) {
    gText.fill(0);
    gRule.fill(0);
    let gBias = 0;
    for (const e of data) {
      const values = e.rule.get(theme)!;
      let z = bias;
      for (let k = 0; k < values.length; k++) z += rule[k]! * values[k]!;
      for (const i of e.text) z += text[i]!;
      const error = 1 / (1 + Math.exp(-z)) - (e.gold.has(theme) ? 1 : 0);
      gBias += error / n;
      for (let k = 0; k < values.length; k++) gRule[k]! += (error * values[k]!) / n;
      for (const i of e.text) gText[i]! += error / n;
    }
    for (let i = 0; i < vocabularySize; i++) {
      const g = gText[i]! + settings.l2 * text[i]!;
      hText[i]! += g * g;
      text[i]! -= (settings.step * g) / Math.sqrt(hText[i]!);
    }
    for (let k = 0; k < rule.length; k++) {
      const g = gRule[k]! + settings.l2 * rule[k]!;
      hRule[k]! += g * g;
      rule[k]! -= (settings.step * g) / Math.sqrt(hRule[k]!);
    }
    hBias += gBias * gBias;
    bias -= (settings.step * gBias) / Math.sqrt(hBias);
  }
  return { bias, rule, text };
}

/** A model trained on `examples` for `themes` (taxonomy order). */
export function trainThemeModel(
  examples: readonly TrainingExample[],
  themes: readonly string[],
  settings: TrainingSettings = DEFAULT_TRAINING,
): ThemeModel {
  const vocabulary = buildVocabulary(examples, settings.minCount);
  const data = encode(examples, vocabulary, themes);
  const model: ThemeModel = {
    threshold: settings.threshold,
    combine: settings.combine,
    themes: {},
  };
  for (const theme of themes) {
    const fitted = fitTheme(data, vocabulary.length, theme, settings);
    const weights: ThemeModelWeights = {
      bias: roundTo(fitted.bias, 3),
      rule: {},
      features: {},
    };
    RULE_FEATURES.forEach((name, k) => (weights.rule[name] = roundTo(fitted.rule[k]!, 3)));
    fitted.text.forEach((w, i) => {
      if (Math.abs(w) >= settings.prune) weights.features[vocabulary[i]!] = roundTo(w, 3);
    });
    model.themes[theme] = weights;
  }
  return model;
}

/** The model's tags for each example beside its labels (boilerplate: no tag). */
export function tagWithModel(
  model: ThemeModel,
  examples: readonly TrainingExample[],
  themes: readonly string[],
): (ThemePair & { family: string })[] {
  return examples.map((e) => ({
    family: e.family,
    gold: e.gold,
    predicted: e.features ? applyThemeModel(model, e.features, themes).map((t) => t.id) : [],
  }));
}

function foldOf(id: string, folds: number): number {
  return createHash('sha256').update(id).digest().readUInt32BE(0) % folds;
}

export interface CrossValidation {
  settings: TrainingSettings;
  microF1: number;
  /** Micro-F1 per family of the left-out predictions. */
  byFamily: Record<string, number>;
}

function scoreCrossValidation(
  settings: TrainingSettings,
  predictions: readonly (ThemePair & { family: string })[],
): CrossValidation {
  const byFamily: Record<string, number> = {};
  for (const family of [...new Set(predictions.map((p) => p.family))].sort())
    byFamily[family] = scoreThemePairs(predictions.filter((p) => p.family === family)).micro.f1;
  return { settings, microF1: scoreThemePairs(predictions).micro.f1, byFamily };
}

/**
 * Left-out predictions of a `folds`-fold cross-validation, scored once per threshold (the
 * weights do not depend on it, so each fold is trained once).
 */
export function crossValidate(
  examples: readonly TrainingExample[],
  themes: readonly string[],
  settings: TrainingSettings,
  thresholds: readonly number[] = [settings.threshold],
  folds = 5,
): CrossValidation[] {
  const predictions = thresholds.map(() => [] as (ThemePair & { family: string })[]);
  for (let k = 0; k < folds; k++) {
    const train = examples.filter((e) => foldOf(e.id, folds) !== k);
    const held = examples.filter((e) => foldOf(e.id, folds) === k);
    const model = trainThemeModel(train, themes, settings);
    thresholds.forEach((threshold, i) =>
      predictions[i]!.push(...tagWithModel({ ...model, threshold }, held, themes)),
    );
  }
  return thresholds.map((threshold, i) =>
    scoreCrossValidation({ ...settings, threshold }, predictions[i]!),
  );
}
