/**
 * Plain-text report of the agreement between two labelling passes: per group (the whole set, then
 * each family) micro precision, recall and F1 of the second pass against the first and the
 * exact-set share, with intervals; per theme its 2x2 counts, kappa and positive agreement with
 * intervals; the boilerplate flag's agreement; then every finding the passes label differently.
 */
import type { Interval } from './bootstrap.ts';
import type {
  BinaryAgreement,
  DoublyLabelled,
  FamilyAgreement,
  LabelAgreement,
} from './label-agreement.ts';

function fixed(n: number | null): string {
  return n === null ? '   -' : n.toFixed(2);
}

function interval(i: Interval | null): string {
  return i ? `[${fixed(i.low)}, ${fixed(i.high)}]` : '[-]';
}

function groupLine(g: FamilyAgreement): string {
  return [
    `  ${g.group.padEnd(30)} n ${String(g.findings).padStart(3)}`,
    `micro P ${fixed(g.microPrecision)} R ${fixed(g.microRecall)} F1 ${fixed(g.microF1)} ${interval(g.microF1Interval)}`,
    `exact ${fixed(g.exactShare)} ${interval(g.exactShareInterval)}`,
  ].join('  ');
}

function counts(a: BinaryAgreement): string {
  return [a.both, a.firstOnly, a.secondOnly, a.neither]
    .map((n, i) => String(n).padStart(i === 0 ? 4 : 6))
    .join(' ');
}

function listOrDash(themes: readonly string[]): string {
  return themes.join(', ') || '-';
}

/** The themes both passes give, then those only one gives; boilerplate flags when they differ. */
function disagreementLine(d: DoublyLabelled): string {
  const second = new Set(d.second.themes);
  const first = new Set(d.first.themes);
  const parts = [
    `both: ${listOrDash(d.first.themes.filter((t) => second.has(t)))}`,
    `first only: ${listOrDash(d.first.themes.filter((t) => !second.has(t)))}`,
    `second only: ${listOrDash(d.second.themes.filter((t) => !first.has(t)))}`,
  ];
  if (d.first.boilerplate !== d.second.boilerplate)
    parts.push(`boilerplate: ${d.first.boilerplate ? 'first' : 'second'} only`);
  return `${d.id} ${d.family} (${d.split}) [${d.section}] ${parts.join(' | ')}`;
}

export function formatLabelAgreement(
  title: string,
  agreement: LabelAgreement,
  options: { disagreements?: boolean } = {},
): string {
  const lines = [title];
  for (const g of agreement.groups) lines.push(groupLine(g));
  lines.push(
    '  theme                     both  first second neither  kappa  kappa 95%     pos.agr  pos.agr 95%',
  );
  for (const t of agreement.themes)
    lines.push(
      `  ${t.theme.padEnd(25)} ${counts(t)}   ${fixed(t.kappa)}  ${interval(t.kappaInterval).padEnd(12)}  ${fixed(t.positiveAgreement)}     ${interval(t.positiveAgreementInterval)}`,
    );
  const b = agreement.boilerplate;
  lines.push(`  ${'(boilerplate flag)'.padEnd(25)} ${counts(b)}   ${fixed(b.kappa)}`);
  if (options.disagreements ?? true) {
    lines.push(`  ${agreement.disagreements.length} findings labelled differently:`);
    for (const d of agreement.disagreements) lines.push(`  ${disagreementLine(d)}`);
  }
  return lines.join('\n');
}
