/**
 * A labelled set scored as a whole and per report family, each figure with a bootstrap interval
 * over its examples (see bootstrap.ts): micro precision, recall and F1, macro-F1, the share of
 * examples tagged exactly right, and per theme its precision, recall and F1.
 */
import type { ReportFamily } from '../model/document.ts';
import { bootstrapIntervals, DEFAULT_BOOTSTRAP, type BootstrapOptions } from './bootstrap.ts';
import type { Interval } from './bootstrap.ts';
import { countThemePairs, scoreThemePairs, type ThemePair } from './theme-scores.ts';
import type { ThemeScoreTable } from './theme-scores.ts';

/** One labelled text of a set, with where it came from. */
export interface LabelledExample extends ThemePair {
  family: ReportFamily;
  file: string;
  /** Finding id, line or statement: enough to find the text again. */
  where: string;
  /** What the label is, for a reader of a disagreement (e.g. the quality statement). */
  label: string;
  text: string;
  /** Whether a reader marked it boilerplate, and whether the tagger did; absent where the set does not say. */
  boilerplate?: { gold: boolean; predicted: boolean };
}

/** Intervals of precision, recall and F1; null where the figure is undefined on every resample. */
export interface ScoreIntervals {
  precision: Interval | null;
  recall: Interval | null;
  f1: Interval | null;
}

export interface ThemeEvaluation {
  /** `all`, or a report family. */
  group: string;
  scores: ThemeScoreTable;
  micro: ScoreIntervals;
  macroF1: Interval | null;
  exactShare: Interval | null;
  perTheme: Record<string, ScoreIntervals>;
}

const STATISTICS = ['precision', 'recall', 'f1'] as const;

/**
 * The figures of one resample. A theme's precision is undefined on a resample where it is never
 * tagged, its recall where it is never labelled, its F1 where it is neither (so each interval
 * is over the resamples where the figure means something).
 */
function statisticsOf(sample: readonly ThemePair[]): Record<string, number | null> {
  const table = scoreThemePairs(sample);
  const supported = Object.values(table.perTheme).some((s) => s.support > 0);
  const values: Record<string, number | null> = {
    'micro:precision': table.micro.tp + table.micro.fp > 0 ? table.micro.precision : null,
    'micro:recall': table.micro.support > 0 ? table.micro.recall : null,
    'micro:f1': table.micro.f1,
    macroF1: supported ? table.macroF1 : null,
    exactShare: table.exactShare,
  };
  for (const theme of countThemePairs(sample).keys()) {
    const s = table.perTheme[theme]!;
    values[`theme:${theme}:precision`] = s.tp + s.fp > 0 ? s.precision : null;
    values[`theme:${theme}:recall`] = s.support > 0 ? s.recall : null;
    values[`theme:${theme}:f1`] = s.f1;
  }
  return values;
}

function intervalsOf(intervals: Record<string, Interval | null>, prefix: string): ScoreIntervals {
  const out = {} as Record<(typeof STATISTICS)[number], Interval | null>;
  for (const statistic of STATISTICS) out[statistic] = intervals[`${prefix}:${statistic}`] ?? null;
  return out;
}

export function evaluateThemes(
  group: string,
  examples: readonly ThemePair[],
  options: BootstrapOptions = DEFAULT_BOOTSTRAP,
): ThemeEvaluation {
  const scores = scoreThemePairs(examples);
  const intervals = bootstrapIntervals(examples, statisticsOf, options);
  const perTheme: Record<string, ScoreIntervals> = {};
  for (const theme of Object.keys(scores.perTheme))
    perTheme[theme] = intervalsOf(intervals, `theme:${theme}`);
  return {
    group,
    scores,
    micro: intervalsOf(intervals, 'micro'),
    macroF1: intervals['macroF1'] ?? null,
    exactShare: intervals['exactShare'] ?? null,
    perTheme,
  };
}

/** The whole set first, then each family in it (when there is more than one), by name. */
export function evaluateByFamily(
  examples: readonly LabelledExample[],
  options: BootstrapOptions = DEFAULT_BOOTSTRAP,
): ThemeEvaluation[] {
  const families = [...new Set(examples.map((e) => e.family))].sort();
  const all = evaluateThemes('all', examples, options);
  if (families.length < 2) return [all];
  return [
    all,
    ...families.map((family) =>
      evaluateThemes(
        family,
        examples.filter((e) => e.family === family),
        options,
      ),
    ),
  ];
}

/** Examples whose tags differ from their labels. */
export function findDisagreements(examples: readonly LabelledExample[]): LabelledExample[] {
  return examples.filter(({ gold, predicted }) => {
    const wanted = new Set(gold);
    const given = new Set(predicted);
    return wanted.size !== given.size || [...given].some((t) => !wanted.has(t));
  });
}

export interface BoilerplateAgreement {
  labelled: number;
  flagged: number;
  both: number;
}

/** How the tagger's boilerplate flags meet the labels, over the examples that carry both; null when none do. */
export function compareBoilerplate(
  examples: readonly LabelledExample[],
): BoilerplateAgreement | null {
  const marked = examples.flatMap((e) => (e.boilerplate ? [e.boilerplate] : []));
  if (marked.length === 0) return null;
  return {
    labelled: marked.filter((b) => b.gold).length,
    flagged: marked.filter((b) => b.predicted).length,
    both: marked.filter((b) => b.gold && b.predicted).length,
  };
}
