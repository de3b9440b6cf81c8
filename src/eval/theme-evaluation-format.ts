/**
 * Plain-text report of a labelled set: per group (the whole set, then each family) micro
 * precision, recall and F1, macro-F1 and the exact-set share, each with its interval, and a table
 * per group of each theme's support, counts, precision, recall and F1 with intervals; how the
 * boilerplate flags meet the labels; then every disagreement.
 */
import type { Interval } from './bootstrap.ts';
import type { LabelledExample, ThemeEvaluation } from './theme-evaluation.ts';
import { compareBoilerplate, findDisagreements } from './theme-evaluation.ts';

function fixed(n: number): string {
  return n.toFixed(2);
}

function interval(i: Interval | null): string {
  return i ? `[${fixed(i.low)}, ${fixed(i.high)}]` : '[-]';
}

function withInterval(value: number, i: Interval | null): string {
  return `${fixed(value)} ${interval(i)}`;
}

function groupLine(e: ThemeEvaluation): string {
  const { micro } = e.scores;
  return [
    `  ${e.group.padEnd(30)} n ${String(e.scores.examples).padStart(3)}`,
    `micro P ${withInterval(micro.precision, e.micro.precision)}`,
    `R ${withInterval(micro.recall, e.micro.recall)}`,
    `F1 ${withInterval(micro.f1, e.micro.f1)}`,
    `macro-F1 ${withInterval(e.scores.macroF1, e.macroF1)}`,
    `exact ${withInterval(e.scores.exactShare, e.exactShare)}`,
    `(tp ${micro.tp} fp ${micro.fp} fn ${micro.fn})`,
  ].join('  ');
}

function themeTable(e: ThemeEvaluation): string[] {
  const lines = [
    `  per theme, ${e.group}:`,
    '    theme                     support  tp  fp  fn  precision [95%]     recall [95%]        F1 [95%]',
  ];
  for (const [theme, s] of Object.entries(e.scores.perTheme)) {
    const counts = [s.support, s.tp, s.fp, s.fn].map((n, i) => String(n).padStart(i ? 3 : 7));
    const i = e.perTheme[theme];
    lines.push(
      `    ${theme.padEnd(25)} ${counts.join(' ')}  ${withInterval(s.precision, i?.precision ?? null).padEnd(18)}  ${withInterval(s.recall, i?.recall ?? null).padEnd(18)}  ${withInterval(s.f1, i?.f1 ?? null)}`,
    );
  }
  return lines;
}

function boilerplateLine(examples: readonly LabelledExample[]): string | null {
  const b = compareBoilerplate(examples);
  if (!b) return null;
  const precision = b.flagged ? fixed(b.both / b.flagged) : '-';
  const recall = b.labelled ? fixed(b.both / b.labelled) : '-';
  return `  boilerplate: ${b.labelled} labelled, ${b.flagged} flagged, ${b.both} both (precision ${precision}, recall ${recall})`;
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
  options: { disagreements?: boolean; themeTables?: boolean } = {},
): string {
  const files = new Set(report.examples.map((e) => e.file)).size;
  const lines = [`${report.title}: ${report.examples.length} examples from ${files} files`];
  for (const e of report.evaluations) lines.push(groupLine(e));
  const boilerplate = boilerplateLine(report.examples);
  if (boilerplate) lines.push(boilerplate);
  const tables = options.themeTables ?? true;
  for (const e of tables ? report.evaluations : report.evaluations.slice(0, 1))
    lines.push(...themeTable(e));
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
