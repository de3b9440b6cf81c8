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
 * one and scores the one left out, for each setting of the grid; `npm run train:themes` keeps the
 * setting with the best micro-F1, chooses from the same left-out probabilities how model and
 * rules combine in each report family (ThemeDecision), and trains on the whole development part.
 */
import { createHash } from 'node:crypto';
import type { ThemeDecision, ThemeModel, ThemeModelWeights } from '../reference/index.ts';
import {
  RULE_FEATURES,
  isTagged,
  ruleFeatureValues,
  scoreTheme,
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
  /** See ThemeModel.families: chosen by cross-validation, copied into the model. */
  families?: Record<string, ThemeDecision>;
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
    ...(settings.families ? { families: settings.families } : {}),
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

function foldOf(id: string, folds: number, salt = ''): number {
  return createHash('sha256').update(`${salt}${id}`).digest().readUInt32BE(0) % folds;
}

export interface CrossValidation {
  settings: TrainingSettings;
  microF1: number;
  /** Micro-F1 per family of the left-out predictions. */
  byFamily: Record<string, number>;
}

/** Micro-F1 of left-out predictions, overall and per family. */
export function scoreCrossValidation(
  settings: TrainingSettings,
  predictions: readonly (ThemePair & { family: string })[],
): CrossValidation {
  const byFamily: Record<string, number> = {};
  for (const family of [...new Set(predictions.map((p) => p.family))].sort())
    byFamily[family] = scoreThemePairs(predictions.filter((p) => p.family === family)).micro.f1;
  return { settings, microF1: scoreThemePairs(predictions).micro.f1, byFamily };
}

/** A left-out finding's probability per theme and the themes the rules tag, for choosing a decision. */
export interface HeldOutScores {
  /** The finding's id (for the nested estimate's folds). */
  id: string;
  family: string;
  gold: readonly string[];
  /** null: boilerplate (no theme whatever the decision). */
  probabilities: Map<string, number> | null;
  ruleTagged: ReadonlySet<string>;
}

/** The left-out probabilities of a `folds`-fold cross-validation (each fold trained once). */
export function crossValidateScores(
  examples: readonly TrainingExample[],
  themes: readonly string[],
  settings: TrainingSettings,
  folds = 5,
): HeldOutScores[] {
  const scores: HeldOutScores[] = [];
  for (let k = 0; k < folds; k++) {
    const train = examples.filter((e) => foldOf(e.id, folds) !== k);
    const model = trainThemeModel(train, themes, settings);
    for (const e of examples.filter((x) => foldOf(x.id, folds) === k)) {
      const features = e.features;
      scores.push({
        id: e.id,
        family: e.family,
        gold: e.gold,
        probabilities: features
          ? new Map(themes.map((t) => [t, scoreTheme(model.themes[t]!, features, t).probability]))
          : null,
        ruleTagged: new Set(features?.ruleTagged.keys() ?? []),
      });
    }
  }
  return scores;
}

/** The tags `decision` gives each held-out finding, beside its labels. */
export function decideHeldOut(
  scores: readonly HeldOutScores[],
  decision: ThemeDecision,
  themes: readonly string[],
): (ThemePair & { family: string })[] {
  return scores.map((s) => ({
    family: s.family,
    gold: s.gold,
    predicted: s.probabilities
      ? themes.filter((t) => isTagged(decision, s.probabilities!.get(t)!, s.ruleTagged.has(t)))
      : [],
  }));
}

/**
 * The decision of `candidates` with the best micro-F1 on `scores`; on a tie the earlier one
 * (so list the preferred, e.g. the overall choice, first).
 */
export function chooseDecision(
  scores: readonly HeldOutScores[],
  candidates: readonly ThemeDecision[],
  themes: readonly string[],
): { decision: ThemeDecision; microF1: number } {
  let best: { decision: ThemeDecision; microF1: number } | null = null;
  for (const decision of candidates) {
    const microF1 = scoreThemePairs(decideHeldOut(scores, decision, themes)).micro.f1;
    if (!best || microF1 > best.microF1 + 1e-12) best = { decision, microF1 };
  }
  return best!;
}

/**
 * An honest figure for a way of choosing decisions (`choose`): the left-out findings are split
 * again into `folds` folds (by another hash of their id), the decisions are chosen on all but one
 * and scored on the one left out. Choosing and scoring on the same findings, as the figures
 * `npm run train:themes` prints for its choice do, flatters the choice; this does not (the model's
 * probabilities themselves are still the first cross-validation's).
 */
export function estimateDecisionChoice(
  scores: readonly HeldOutScores[],
  themes: readonly string[],
  choose: (chosenOn: readonly HeldOutScores[]) => (finding: HeldOutScores) => ThemeDecision,
  folds = 5,
): number {
  const predictions: ThemePair[] = [];
  for (let k = 0; k < folds; k++) {
    const decide = choose(scores.filter((s) => foldOf(s.id, folds, 'nested:') !== k));
    for (const s of scores.filter((x) => foldOf(x.id, folds, 'nested:') === k))
      predictions.push(...decideHeldOut([s], decide(s), themes));
  }
  return scoreThemePairs(predictions).micro.f1;
}
