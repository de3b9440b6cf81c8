/**
 * `npm run train:themes [-- --labels FILE] [--out FILE] [--check]`: trains the learned theme
 * model on the development part of the labelled set (never the test part) and writes
 * seed/reference/theme-model.json. It first cross-validates a small grid of settings on the
 * development part (5 folds by a hash of each finding's id). For each setting it chooses, from
 * the left-out probabilities, one threshold and combination with the rules (model or union) for
 * every family, then for each report family its own decision (ThemeDecision: the probability at
 * which the model adds a theme and the one under which it drops a theme the rules tag; the overall
 * choice unless another scores better there); it prints each setting's micro-F1 overall and per
 * family with the rules alone beside them, and trains on the whole development part with the
 * best. Deterministic: the same labels and rules give the same file.
 * `--check` writes nothing and exits 1 when the file differs from what training gives now.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../config.ts';
import { readThemeTaxonomy } from '../reference/index.ts';
import { readLabelledFindings, type LabelledFinding } from '../eval/theme-labels.ts';
import { readLabelledFeatures, readLabelledText } from '../eval/tag-labelled-text.ts';
import { scoreThemePairs } from '../eval/theme-scores.ts';
import {
  DEFAULT_TRAINING,
  chooseDecision,
  crossValidateScores,
  decideHeldOut,
  estimateDecisionChoice,
  scoreCrossValidation,
  trainThemeModel,
  type CrossValidation,
  type HeldOutScores,
  type TrainingExample,
  type TrainingSettings,
} from '../eval/theme-training.ts';
import type { ThemeDecision } from '../reference/index.ts';

const DEFAULT_LABELS = path.join(PROJECT_ROOT, 'tests/golden/themes/findings.jsonl');
const DEFAULT_OUT = path.join(PROJECT_ROOT, 'seed/reference/theme-model.json');

const USAGE = `Usage: npm run train:themes [-- --labels FILE] [--out FILE] [--check]

  --labels FILE   labelled findings with a dev/test split (default: tests/golden/themes/findings.jsonl);
                  only the development part is read
  --out FILE      where to write the model (default: seed/reference/theme-model.json)
  --check         write nothing; exit 1 when the file differs from a fresh training`;

/**
 * The grid cross-validated; the best micro-F1 wins, the earlier setting on a tie. `add` 1 is never
 * reached: the rules alone, with the model only dropping their tags under `keep`.
 */
const GRID = {
  l2: [0.003, 0.01, 0.03],
  minCount: [2, 3],
  keep: [0, 0.05, 0.1, 0.15, 0.2, 0.3],
  add: [0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 1],
};

/** The overall choices: a threshold with the model alone (keep = add) or in union (keep 0). */
const OVERALL: ThemeDecision[] = GRID.add
  .filter((add) => add < 1)
  .flatMap((add) => [
    { keep: add, add },
    { keep: 0, add },
  ]);

/** A family's choices: any keep not above add. */
const PER_FAMILY: ThemeDecision[] = GRID.keep.flatMap((keep) =>
  GRID.add.filter((add) => add >= keep).map((add) => ({ keep, add })),
);

function toExample(row: LabelledFinding): TrainingExample {
  return {
    id: row.id,
    family: row.family,
    features: readLabelledFeatures(row.text, row.family, row.inspectionDate, row.section),
    gold: row.themes,
  };
}

function shortFamily(family: string): string {
  return family.replace(/^ofsted-|^cqc-/, '');
}

function formatDecision(decision: ThemeDecision): string {
  return `keep ${decision.keep} add ${decision.add}`;
}

function formatResult(result: CrossValidation): string {
  const { combine, l2, minCount, threshold, families: chosen } = result.settings;
  const families = Object.entries(result.byFamily)
    .map(([family, f1]) => {
      const own = chosen?.[family];
      return `${shortFamily(family)} ${f1.toFixed(2)}${own ? ` [${formatDecision(own)}]` : ''}`;
    })
    .join(', ');
  return `  ${combine} l2 ${l2} minCount ${minCount} threshold ${threshold}: micro-F1 ${result.microF1.toFixed(3)} (${families})`;
}

/** How the decisions are chosen on `chosenOn`: one for every family, or each family's own. */
function decisionChooser(
  themes: readonly string[],
  perFamily: boolean,
): (chosenOn: readonly HeldOutScores[]) => (finding: HeldOutScores) => ThemeDecision {
  return (chosenOn) => {
    const overall = chooseDecision(chosenOn, OVERALL, themes).decision;
    if (!perFamily) return () => overall;
    const families = new Map<string, ThemeDecision>();
    for (const family of new Set(chosenOn.map((s) => s.family)))
      families.set(
        family,
        chooseDecision(
          chosenOn.filter((s) => s.family === family),
          [overall, ...PER_FAMILY],
          themes,
        ).decision,
      );
    return (finding) => families.get(finding.family) ?? overall;
  };
}

/** The overall decision for one setting's left-out scores, then each family's own. */
function chooseDecisions(
  scores: readonly HeldOutScores[],
  themes: readonly string[],
  settings: TrainingSettings,
): { overall: CrossValidation; byFamily: CrossValidation } {
  const { decision } = chooseDecision(scores, OVERALL, themes);
  const combine = decision.keep === 0 ? 'union' : 'model';
  const base = { ...settings, combine, threshold: decision.add } as const;
  const overall = scoreCrossValidation(base, decideHeldOut(scores, decision, themes));
  const families: Record<string, ThemeDecision> = {};
  const predictions = [...new Set(scores.map((s) => s.family))].sort().flatMap((family) => {
    const own = scores.filter((s) => s.family === family);
    families[family] = chooseDecision(own, [decision, ...PER_FAMILY], themes).decision;
    return decideHeldOut(own, families[family], themes);
  });
  return { overall, byFamily: scoreCrossValidation({ ...base, families }, predictions) };
}

function rulesAlone(rows: readonly LabelledFinding[]): CrossValidation {
  const pairs = rows.map((row) => ({
    family: row.family,
    gold: row.themes,
    predicted: readLabelledText(row.text, row.family, row.inspectionDate, row.section, {
      rulesOnly: true,
    }).themes.map((t) => t.id),
  }));
  const byFamily: Record<string, number> = {};
  for (const family of [...new Set(pairs.map((p) => p.family))].sort())
    byFamily[family] = scoreThemePairs(pairs.filter((p) => p.family === family)).micro.f1;
  return {
    settings: { ...DEFAULT_TRAINING, l2: 0, minCount: 0, threshold: 0 },
    microF1: scoreThemePairs(pairs).micro.f1,
    byFamily,
  };
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        labels: { type: 'string' },
        out: { type: 'string' },
        check: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    console.error(`train:themes: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const labelsFile = values.labels ?? DEFAULT_LABELS;
  const out = values.out ?? DEFAULT_OUT;
  const dev = readLabelledFindings(await readFile(labelsFile, 'utf8')).filter(
    (r) => r.split === 'dev',
  );
  const themes = readThemeTaxonomy().themes.map((t) => t.id);
  const examples = dev.map(toExample);
  console.log(
    `development part: ${dev.length} findings (${examples.filter((e) => !e.features).length} boilerplate, not trained on)`,
  );
  console.log('5-fold cross-validation on the development part:');
  console.log(formatResult(rulesAlone(dev)).replace(/^ {2}.*?:/, '  rules alone:'));
  let best: CrossValidation | null = null;
  let bestScores: HeldOutScores[] = [];
  for (const l2 of GRID.l2)
    for (const minCount of GRID.minCount) {
      const settings: TrainingSettings = { ...DEFAULT_TRAINING, l2, minCount };
      const scores = crossValidateScores(examples, themes, settings);
      const { overall, byFamily } = chooseDecisions(scores, themes, settings);
      console.log(formatResult(overall));
      console.log(formatResult(byFamily).replace(/:/, ', per family:'));
      if (!best || byFamily.microF1 > best.microF1) [best, bestScores] = [byFamily, scores];
    }
  console.log(`best:${formatResult(best!).slice(1)}`);
  console.log(
    '  (the per-family decisions are chosen on the same left-out probabilities they are scored on, so these figures flatter them a little)',
  );
  const nested = (perFamily: boolean) =>
    estimateDecisionChoice(bestScores, themes, decisionChooser(themes, perFamily)).toFixed(3);
  console.log(
    `  decisions chosen on four fifths of the left-out findings and scored on the fifth: micro-F1 ${nested(true)} with each family's own, ${nested(false)} with one for every family`,
  );
  const model = trainThemeModel(examples, themes, best!.settings);
  const devText = dev.map((r) => JSON.stringify(r)).join('\n');
  const file = {
    description:
      "The learned theme model: one logistic regression per theme over the finding's words, word pairs, family and section words and the rules' evidence for the theme (src/ingest/classify/theme-model.ts); `families` says per report family how it combines with the rules (a theme is tagged at probability `add`, or when the rules tag it at `keep`). Written by `npm run train:themes` from the development part of the labelled set only; do not edit by hand.",
    trainedOn: {
      file: path.relative(PROJECT_ROOT, labelsFile),
      split: 'dev',
      findings: dev.length,
      sha256: createHash('sha256').update(devText).digest('hex'),
    },
    settings: best!.settings,
    crossValidation: {
      microF1: Number(best!.microF1.toFixed(3)),
      byFamily: Object.fromEntries(
        Object.entries(best!.byFamily).map(([family, f1]) => [family, Number(f1.toFixed(3))]),
      ),
    },
    ...model,
  };
  const text = `${JSON.stringify(file, null, 1)}\n`;
  if (values.check) {
    const current = await readFile(out, 'utf8').catch(() => '');
    if (current !== text) {
      console.error(`train:themes: ${out} differs from a fresh training: run npm run train:themes`);
      return 1;
    }
    console.log(`${out} is what training gives`);
    return 0;
  }
  await writeFile(out, text);
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('train:themes failed:', error);
    process.exit(1);
  },
);
