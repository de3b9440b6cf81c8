/**
 * Agreement between two labelling passes over the same findings (the hand-labelled set and the
 * independent second pass on 100 of its findings). Per theme, the two passes' yes/no decisions
 * over the findings form a 2x2 table, from which Cohen's kappa (agreement beyond what two readers
 * with those label rates would reach by chance) and positive agreement (2·both / (2·both + one
 * only), which ignores the many findings neither pass gives the theme) are read. Over all themes:
 * micro-F1 of one pass against the other (symmetric: swapping the passes swaps precision and
 * recall, not F1) and the share of findings given exactly the same labels (theme set and
 * boilerplate flag). Each with a bootstrap interval over the findings (bootstrap.ts).
 */
import type { ReportFamily } from '../model/document.ts';
import { bootstrapIntervals, DEFAULT_BOOTSTRAP, type BootstrapOptions } from './bootstrap.ts';
import type { Interval } from './bootstrap.ts';
import type { LabelledFinding, PassLabel } from './theme-labels.ts';
import { scoreThemePairs } from './theme-scores.ts';

/** The labels one pass gives a finding. */
export interface PassLabels {
  themes: readonly string[];
  boilerplate: boolean;
}

/** A finding labelled twice. */
export interface DoublyLabelled {
  id: string;
  family: ReportFamily;
  section: string;
  /** The first pass's split of the finding (its labels are the test part's when `test`). */
  split: string;
  first: PassLabels;
  second: PassLabels;
}

/** A yes/no decision made by both passes on every finding. */
export interface BinaryAgreement {
  both: number;
  firstOnly: number;
  secondOnly: number;
  neither: number;
  /** Null when chance agreement is 1 (both passes say the same thing of every finding). */
  kappa: number | null;
  /** Null when neither pass ever says yes. */
  positiveAgreement: number | null;
}

export interface AgreementFigures {
  findings: number;
  /** Precision and recall of the second pass against the first, and their F1. */
  microPrecision: number;
  microRecall: number;
  microF1: number;
  exactShare: number;
}

export interface AgreementIntervals {
  microF1Interval: Interval | null;
  exactShareInterval: Interval | null;
}

export interface FamilyAgreement extends AgreementFigures, AgreementIntervals {
  /** `all`, or a report family. */
  group: string;
}

export interface ThemeAgreement extends BinaryAgreement {
  theme: string;
  kappaInterval: Interval | null;
  positiveAgreementInterval: Interval | null;
}

export interface LabelAgreement {
  /** The whole set first, then each family by name. */
  groups: FamilyAgreement[];
  /** Themes either pass uses, in the order given. */
  themes: ThemeAgreement[];
  boilerplate: BinaryAgreement;
  disagreements: DoublyLabelled[];
}

/** Each second-pass label beside the first pass's for the same finding; an unknown id throws. */
export function pairLabelPasses(
  first: readonly LabelledFinding[],
  second: readonly PassLabel[],
): DoublyLabelled[] {
  const byId = new Map(first.map((row) => [row.id, row]));
  return second.map((label) => {
    const row = byId.get(label.id);
    if (!row) throw new Error(`second pass: id ${label.id} is not in the labelled findings`);
    return {
      id: row.id,
      family: row.family,
      section: row.section,
      split: row.split,
      first: { themes: row.themes, boilerplate: row.boilerplate },
      second: { themes: label.themes, boilerplate: label.boilerplate },
    };
  });
}

/** Cohen's kappa and positive agreement of one yes/no decision over the findings. */
export function measureBinaryAgreement(
  decisions: readonly { first: boolean; second: boolean }[],
): BinaryAgreement {
  let both = 0;
  let firstOnly = 0;
  let secondOnly = 0;
  let neither = 0;
  for (const { first, second } of decisions) {
    if (first && second) both++;
    else if (first) firstOnly++;
    else if (second) secondOnly++;
    else neither++;
  }
  const n = decisions.length;
  const observed = n === 0 ? 0 : (both + neither) / n;
  const firstYes = n === 0 ? 0 : (both + firstOnly) / n;
  const secondYes = n === 0 ? 0 : (both + secondOnly) / n;
  const chance = firstYes * secondYes + (1 - firstYes) * (1 - secondYes);
  const positiveDenominator = 2 * both + firstOnly + secondOnly;
  return {
    both,
    firstOnly,
    secondOnly,
    neither,
    kappa: n === 0 || chance === 1 ? null : (observed - chance) / (1 - chance),
    positiveAgreement: positiveDenominator === 0 ? null : (2 * both) / positiveDenominator,
  };
}

function themeDecisions(
  items: readonly DoublyLabelled[],
  theme: string,
): { first: boolean; second: boolean }[] {
  return items.map((item) => ({
    first: item.first.themes.includes(theme),
    second: item.second.themes.includes(theme),
  }));
}

function isExactMatch({ first, second }: DoublyLabelled): boolean {
  const wanted = new Set(first.themes);
  const given = new Set(second.themes);
  return (
    first.boilerplate === second.boilerplate &&
    wanted.size === given.size &&
    [...given].every((theme) => wanted.has(theme))
  );
}

export function measureAgreementFigures(items: readonly DoublyLabelled[]): AgreementFigures {
  const { micro } = scoreThemePairs(
    items.map((item) => ({ gold: item.first.themes, predicted: item.second.themes })),
  );
  const exact = items.filter(isExactMatch).length;
  return {
    findings: items.length,
    microPrecision: micro.precision,
    microRecall: micro.recall,
    microF1: micro.f1,
    exactShare: items.length === 0 ? 0 : exact / items.length,
  };
}

function measureGroup(
  group: string,
  items: readonly DoublyLabelled[],
  options: BootstrapOptions,
): FamilyAgreement {
  const intervals = bootstrapIntervals(
    items,
    (sample) => {
      const figures = measureAgreementFigures(sample);
      return { microF1: figures.microF1, exactShare: figures.exactShare };
    },
    options,
  );
  return {
    group,
    ...measureAgreementFigures(items),
    microF1Interval: intervals['microF1'] ?? null,
    exactShareInterval: intervals['exactShare'] ?? null,
  };
}

export function measureLabelAgreement(
  items: readonly DoublyLabelled[],
  themeOrder: readonly string[],
  options: BootstrapOptions = DEFAULT_BOOTSTRAP,
): LabelAgreement {
  const used = new Set(items.flatMap((item) => [...item.first.themes, ...item.second.themes]));
  const themes = themeOrder.filter((theme) => used.has(theme));
  const intervals = bootstrapIntervals(
    items,
    (sample) => {
      const values: Record<string, number | null> = {};
      for (const theme of themes) {
        const agreement = measureBinaryAgreement(themeDecisions(sample, theme));
        values[`kappa:${theme}`] = agreement.kappa;
        values[`positive:${theme}`] = agreement.positiveAgreement;
      }
      return values;
    },
    options,
  );
  const families = [...new Set(items.map((item) => item.family))].sort();
  return {
    groups: [
      measureGroup('all', items, options),
      ...families.map((family) =>
        measureGroup(
          family,
          items.filter((item) => item.family === family),
          options,
        ),
      ),
    ],
    themes: themes.map((theme) => ({
      theme,
      ...measureBinaryAgreement(themeDecisions(items, theme)),
      kappaInterval: intervals[`kappa:${theme}`] ?? null,
      positiveAgreementInterval: intervals[`positive:${theme}`] ?? null,
    })),
    boilerplate: measureBinaryAgreement(
      items.map((item) => ({ first: item.first.boilerplate, second: item.second.boilerplate })),
    ),
    disagreements: items.filter((item) => !isExactMatch(item)),
  };
}
