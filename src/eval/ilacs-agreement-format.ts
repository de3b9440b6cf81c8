/**
 * Plain-text report of the ILACS history comparison: agreement per framework and per field, the
 * documents no row matched, and every disagreement with both values.
 */
import type { FieldCounts, IlacsComparison } from './ilacs-agreement.ts';

function pct(counts: FieldCounts): string {
  return counts.compared === 0
    ? '     -'
    : `${((100 * counts.agreed) / counts.compared).toFixed(1)}%`.padStart(6);
}

function countsCell(counts: FieldCounts): string {
  return `${String(counts.agreed).padStart(4)} / ${String(counts.compared).padEnd(4)} ${pct(counts)}`;
}

export function formatIlacsAgreement(
  result: IlacsComparison,
  options: { disagreements?: boolean } = {},
): string {
  const lines: string[] = [];
  lines.push(`ILACS history agreement (dates and judgement grades): ${countsCell(result)}`);
  lines.push('');
  lines.push('framework  documents  matched   agreed / compared');
  for (const [framework, c] of Object.entries(result.byFramework)) {
    lines.push(
      `${framework.padEnd(10)} ${String(c.documents).padStart(9)}  ${String(c.matched).padStart(7)}   ${countsCell(c)}`,
    );
  }
  lines.push('');
  lines.push('field           agreed / compared');
  for (const [field, c] of Object.entries(result.byField))
    lines.push(`${field.padEnd(15)} ${countsCell(c)}`);
  if (result.unmatched.length > 0) {
    lines.push('');
    lines.push(`${result.unmatched.length} documents without a CSV row:`);
    for (const u of result.unmatched) lines.push(`  ${u.file}: ${u.reason}`);
  }
  if (options.disagreements ?? true) {
    lines.push('');
    lines.push(`${result.disagreements.length} disagreements (ours = parser, theirs = CSV):`);
    for (const d of result.disagreements)
      lines.push(`  ${d.file} ${d.field}: ours ${d.ours ?? '-'} | theirs ${d.theirs ?? '-'}`);
  }
  return lines.join('\n');
}
