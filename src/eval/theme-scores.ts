/**
 * Precision, recall and F1 of multi-label theme tags against labels, counted over
 * (example, theme) pairs. Micro figures pool the pairs of every theme, so frequent themes weigh
 * most; macro-F1 is the plain mean of the per-theme F1 over the themes the labels use (support
 * above zero), so a rare theme the tagger misses counts as much as governance. A theme only ever
 * predicted has no support: its false positives lower micro precision and its own row, not the
 * macro mean, which would otherwise depend on which wrong themes happen to be predicted.
 */

/** One labelled text: the themes a reader or regulator gives it, and the tagger's. */
export interface ThemePair {
  gold: readonly string[];
  predicted: readonly string[];
}

export interface ThemeCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface ThemeScore extends ThemeCounts {
  /** Examples labelled with the theme (tp + fn). */
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface ThemeScoreTable {
  examples: number;
  micro: ThemeScore;
  /** Mean F1 over themes with support; 0 when no example has a label. */
  macroF1: number;
  /** Share of examples whose tags are exactly their labels (no theme for none counts); 0 without examples. */
  exactShare: number;
  perTheme: Record<string, ThemeScore>;
}

function ratio(n: number, d: number): number {
  return d === 0 ? 0 : n / d;
}

export function scoreCounts(c: ThemeCounts): ThemeScore {
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  return {
    ...c,
    support: c.tp + c.fn,
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall),
  };
}

export function countThemePairs(examples: readonly ThemePair[]): Map<string, ThemeCounts> {
  const counts = new Map<string, ThemeCounts>();
  const bump = (theme: string, key: keyof ThemeCounts): void => {
    const c = counts.get(theme) ?? { tp: 0, fp: 0, fn: 0 };
    c[key] += 1;
    counts.set(theme, c);
  };
  for (const { gold, predicted } of examples) {
    const wanted = new Set(gold);
    const given = new Set(predicted);
    for (const theme of given) bump(theme, wanted.has(theme) ? 'tp' : 'fp');
    for (const theme of wanted) if (!given.has(theme)) bump(theme, 'fn');
  }
  return counts;
}

export function scoreThemePairs(examples: readonly ThemePair[]): ThemeScoreTable {
  const counts = countThemePairs(examples);
  const total: ThemeCounts = { tp: 0, fp: 0, fn: 0 };
  const perTheme: Record<string, ThemeScore> = {};
  for (const theme of [...counts.keys()].sort()) {
    const c = counts.get(theme)!;
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
    perTheme[theme] = scoreCounts(c);
  }
  const supported = Object.values(perTheme).filter((s) => s.support > 0);
  const macroF1 = ratio(
    supported.reduce((sum, s) => sum + s.f1, 0),
    supported.length,
  );
  const exact = examples.filter(({ gold, predicted }) => sameSet(gold, predicted)).length;
  return {
    examples: examples.length,
    micro: scoreCounts(total),
    macroF1,
    exactShare: ratio(exact, examples.length),
    perTheme,
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((t) => y.has(t));
}
