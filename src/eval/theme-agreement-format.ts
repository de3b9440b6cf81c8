/**
 * Plain-text report of a theme agreement measurement: micro figures, per-theme table, and every
 * disagreement with what the classifier said and what the label implies.
 */
import type { AgreementScores, ThemeAgreement } from './theme-agreement.ts';

function pct(n: number): string {
  return `${(100 * n).toFixed(1)}%`.padStart(6);
}

function row(name: string, s: AgreementScores): string {
  const counts = [s.tp, s.fp, s.fn].map((n) => String(n).padStart(3)).join(' ');
  return `${name.padEnd(25)} ${counts}     ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}`;
}

export function formatThemeAgreement(
  result: ThemeAgreement,
  options: { disagreements?: boolean } = {},
): string {
  const lines: string[] = [];
  const { micro } = result;
  lines.push(`${result.examples} quality-statement-labelled findings`);
  lines.push(
    `micro: precision ${micro.precision.toFixed(2)}  recall ${micro.recall.toFixed(2)}  F1 ${micro.f1.toFixed(2)}  (tp ${micro.tp} fp ${micro.fp} fn ${micro.fn})`,
  );
  lines.push(`strongest theme is a labelled one in ${result.topThemeHits} of ${result.examples}`);
  lines.push('');
  lines.push('theme                      tp  fp  fn  precision  recall      F1');
  for (const [theme, s] of Object.entries(result.perTheme)) lines.push(row(theme, s));
  if (result.unmapped.length > 0) {
    lines.push('');
    lines.push(
      `not scored (quality statement not in the mapping): ${result.unmapped.map((u) => `${u.file} ${u.findingId} (${u.statementId})`).join('; ')}`,
    );
  }
  if (options.disagreements ?? true) {
    lines.push('');
    lines.push(
      `${result.disagreements.length} disagreements (ours = classifier, theirs = quality-statement mapping):`,
    );
    for (const d of result.disagreements) {
      lines.push(
        `${d.file} ${d.findingId} [${d.statement}] ours: ${d.ours.join(', ') || '-'} | theirs: ${d.theirs.join(', ')}`,
      );
    }
  }
  return lines.join('\n');
}
