/**
 * A labelled set scored as a whole and per report family, each with bootstrap intervals over its
 * examples (see bootstrap.ts): micro-F1, macro-F1 and the F1 of each theme.
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
}

export interface ThemeEvaluation {
  /** `all`, or a report family. */
  group: string;
  scores: ThemeScoreTable;
  microF1: Interval | null;
  macroF1: Interval | null;
  perThemeF1: Record<string, Interval | null>;
}

const MICRO = 'micro';
const MACRO = 'macro';

function statisticsOf(sample: readonly ThemePair[]): Record<string, number | null> {
  const table = scoreThemePairs(sample);
  const supported = Object.values(table.perTheme).some((s) => s.support > 0);
  const values: Record<string, number | null> = {
    [MICRO]: table.micro.f1,
    [MACRO]: supported ? table.macroF1 : null,
  };
  for (const theme of countThemePairs(sample).keys())
    values[`theme:${theme}`] = table.perTheme[theme]!.f1;
  return values;
}

export function evaluateThemes(
  group: string,
  examples: readonly ThemePair[],
  options: BootstrapOptions = DEFAULT_BOOTSTRAP,
): ThemeEvaluation {
  const scores = scoreThemePairs(examples);
  const intervals = bootstrapIntervals(examples, statisticsOf, options);
  const perThemeF1: Record<string, Interval | null> = {};
  for (const theme of Object.keys(scores.perTheme))
    perThemeF1[theme] = intervals[`theme:${theme}`] ?? null;
  return {
    group,
    scores,
    microF1: intervals[MICRO] ?? null,
    macroF1: intervals[MACRO] ?? null,
    perThemeF1,
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
