/**
 * Plain-text report of a labelled set: per group (the whole set, then each family) micro
 * precision, recall and F1 and macro-F1 with their intervals; per theme of the whole set its
 * support, counts, precision, recall and F1 with interval; then every disagreement.
 */
import type { Interval } from './bootstrap.ts';
import type { LabelledExample, ThemeEvaluation } from './theme-evaluation.ts';
import { findDisagreements } from './theme-evaluation.ts';

function fixed(n: number): string {
  return n.toFixed(2);
}

function interval(i: Interval | null): string {
  return i ? `[${fixed(i.low)}, ${fixed(i.high)}]` : '[-]';
}

function groupLine(e: ThemeEvaluation): string {
  const { micro } = e.scores;
  return [
    `  ${e.group.padEnd(30)} n ${String(e.scores.examples).padStart(3)}`,
    `micro P ${fixed(micro.precision)} R ${fixed(micro.recall)} F1 ${fixed(micro.f1)} ${interval(e.microF1)}`,
    `macro-F1 ${fixed(e.scores.macroF1)} ${interval(e.macroF1)}`,
    `(tp ${micro.tp} fp ${micro.fp} fn ${micro.fn})`,
  ].join('  ');
}

function themeTable(e: ThemeEvaluation): string[] {
  const lines = [
    '  theme                      support  tp  fp  fn  precision  recall    F1  F1 95%',
  ];
  for (const [theme, s] of Object.entries(e.scores.perTheme)) {
    const counts = [s.support, s.tp, s.fp, s.fn].map((n, i) => String(n).padStart(i ? 3 : 7));
    lines.push(
      `  ${theme.padEnd(25)} ${counts.join(' ')}  ${fixed(s.precision).padStart(9)}  ${fixed(s.recall).padStart(6)}  ${fixed(s.f1)}  ${interval(e.perThemeF1[theme] ?? null)}`,
    );
  }
  return lines;
}

export interface LabelledSetReport {
  title: string;
  examples: readonly LabelledExample[];
  evaluations: readonly ThemeEvaluation[];
  /** Lines about examples not scored (e.g. labels the mapping lacks). */
  notes?: readonly string[];
}

export function formatLabelledSet(
  report: LabelledSetReport,
  options: { disagreements?: boolean } = {},
): string {
  const files = new Set(report.examples.map((e) => e.file)).size;
  const lines = [`${report.title}: ${report.examples.length} examples from ${files} files`];
  for (const e of report.evaluations) lines.push(groupLine(e));
  const all = report.evaluations[0];
  if (all) lines.push(...themeTable(all));
  for (const note of report.notes ?? []) lines.push(`  ${note}`);
  if (options.disagreements ?? true) {
    const disagreements = findDisagreements(report.examples);
    lines.push(`  ${disagreements.length} disagreements (ours = tagger, theirs = label):`);
    for (const d of disagreements)
      lines.push(
        `  ${d.file} ${d.where} [${d.label}] ours: ${d.predicted.join(', ') || '-'} | theirs: ${d.gold.join(', ') || '-'}`,
      );
  }
  return lines.join('\n');
}
