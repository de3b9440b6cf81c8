/**
 * The learned theme model (seed/reference/theme-model.json): one logistic model per theme over
 * the finding's text features (theme-features.ts) and the rules' evidence for that theme (has
 * any, its points, how much of the text it covers, whether the rules tag it). The rules say what
 * the words mean; the model learns from the labelled development part how far to trust them and
 * which other words go with each theme. A theme is tagged when its probability reaches the
 * model's threshold (or, with `combine: union`, when the rules tag it; the file may say per report
 * family how the two combine there instead, see ThemeDecision); the probability is the
 * tag's confidence (for a tag the rules keep, the higher of it and the rules' own), and its terms
 * are the cue terms that fired for it followed by the words that weighed most for it.
 */
import type { ThemeTag } from '../../model/document.ts';
import type { ThemeDecision, ThemeModel, ThemeModelWeights } from '../../reference/index.ts';

/** The rules' evidence for one theme, as tag-themes.ts weighs it. */
export interface RuleEvidence {
  terms: string[];
  /** Points (tag-themes.ts). */
  score: number;
  /** Sentences its evidence covers, each as far as it would tag alone. */
  weight: number;
}

export interface ThemeFeatures {
  /** Text feature names present (theme-features.ts). */
  text: readonly string[];
  /** The rules' evidence by theme id (themes with none are absent). */
  evidence: ReadonlyMap<string, RuleEvidence>;
  /** Themes the rules tag on their own, with the rules' confidence (theme-confidence.ts). */
  ruleTagged: ReadonlyMap<string, number>;
  /** The report family, which may have its own decision (ThemeModel.families). */
  family?: string | null;
}

/** Rule features and their values for one theme; scaled to about 0..1 like the text features. */
export function ruleFeatureValues(features: ThemeFeatures, theme: string): Record<string, number> {
  const e = features.evidence.get(theme);
  return {
    any: e ? 1 : 0,
    score: e ? Math.min(e.score, 8) / 8 : 0,
    weight: e ? Math.min(e.weight, 4) / 4 : 0,
    tagged: features.ruleTagged.has(theme) ? 1 : 0,
  };
}

export const RULE_FEATURES = ['any', 'score', 'weight', 'tagged'] as const;

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** The theme's probability and the text features that pushed it up most. */
export function scoreTheme(
  weights: ThemeModelWeights,
  features: ThemeFeatures,
  theme: string,
): { probability: number; topFeatures: string[] } {
  let z = weights.bias;
  const rules = ruleFeatureValues(features, theme);
  for (const name of RULE_FEATURES) z += (weights.rule[name] ?? 0) * rules[name]!;
  const pushes: [string, number][] = [];
  for (const name of features.text) {
    const w = weights.features[name];
    if (w === undefined) continue;
    z += w;
    if (w > 0) pushes.push([name, w]);
  }
  pushes.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { probability: sigmoid(z), topFeatures: pushes.slice(0, 3).map(([name]) => name) };
}

/** `w:care` → `care`, `b:care_leaver` → `care leaver`, `s:…` → `section: …`. */
function describeFeature(name: string): string {
  const [kind, rest] = [name.slice(0, 1), name.slice(2)];
  switch (kind) {
    case 'b':
      return rest.replace('_', ' ');
    case 's':
      return `section: ${rest}`;
    case 'f':
      return `family: ${rest}`;
    default:
      return rest;
  }
}

function roundTo(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}

/** How the model and the rules combine for a finding of `family` (ThemeDecision). */
export function decisionFor(model: ThemeModel, family: string | null | undefined): ThemeDecision {
  const own = family ? model.families?.[family] : undefined;
  if (own) return own;
  return { keep: model.combine === 'union' ? 0 : model.threshold, add: model.threshold };
}

/** Whether a theme of probability `probability` is tagged under `decision`. */
export function isTagged(decision: ThemeDecision, probability: number, byRules: boolean): boolean {
  return probability >= decision.add || (byRules && probability >= decision.keep);
}

/** Tags in `order` (taxonomy order) the decision for the finding's family gives, most probable first. */
export function applyThemeModel(
  model: ThemeModel,
  features: ThemeFeatures,
  order: readonly string[],
): ThemeTag[] {
  const decision = decisionFor(model, features.family);
  // The rules' tags count only where they can keep a tag the probability alone would not.
  const rulesCount = decision.keep < decision.add;
  const tags: ThemeTag[] = [];
  for (const theme of order) {
    const weights = model.themes[theme];
    if (!weights) continue;
    const { probability, topFeatures } = scoreTheme(weights, features, theme);
    const byRules = rulesCount ? features.ruleTagged.get(theme) : undefined;
    if (!isTagged(decision, probability, byRules !== undefined)) continue;
    const terms = [...(features.evidence.get(theme)?.terms ?? [])];
    for (const name of topFeatures) {
      const term = describeFeature(name);
      if (!terms.includes(term)) terms.push(term);
    }
    // A tag the rules can keep is as sure as the surer of the two.
    tags.push({ id: theme, terms, confidence: roundTo(Math.max(probability, byRules ?? 0), 2) });
  }
  return tags.sort((a, b) => b.confidence - a.confidence);
}
