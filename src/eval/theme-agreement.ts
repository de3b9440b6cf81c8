/**
 * How far the theme classifier agrees with the CQC's own labels. A finding labelled with a CQC
 * quality statement (the commentary of a CQC API assessment record) is expected to carry the
 * themes seed/reference/cqc-quality-statements.json maps that statement to; the classifier's
 * themes on the finding are compared with them over (finding, theme) pairs.
 *
 * Precision measured this way is a lower bound: a staffing commentary that also describes
 * safeguarding training is rightly tagged safeguarding too, and counts as a false positive.
 */
import type { ReportDocument } from '../model/document.ts';
import type { CqcQualityStatement } from '../reference/types.ts';
import { readCqcQualityStatements } from '../reference/index.ts';

export interface AgreementCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface AgreementScores extends AgreementCounts {
  precision: number;
  recall: number;
  f1: number;
}

/** A labelled finding whose themes differ from its label's. */
export interface ThemeDisagreement {
  file: string;
  findingId: string;
  /** `<id> <name>` of the quality statement. */
  statement: string;
  /** The classifier's themes. */
  ours: string[];
  /** The themes the quality statement maps to. */
  theirs: string[];
}

/** A labelled finding whose quality statement the mapping lacks: not scored. */
export interface UnmappedLabel {
  file: string;
  findingId: string;
  statementId: string;
}

export interface ThemeAgreement {
  /** Labelled findings scored. */
  examples: number;
  micro: AgreementScores;
  perTheme: Record<string, AgreementScores>;
  /** Labelled findings whose strongest (first) theme is one of the label's themes. */
  topThemeHits: number;
  disagreements: ThemeDisagreement[];
  unmapped: UnmappedLabel[];
}

function ratio(n: number, d: number): number {
  return d === 0 ? 0 : n / d;
}

export function scoreCounts(c: AgreementCounts): AgreementScores {
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  return { ...c, precision, recall, f1: ratio(2 * precision * recall, precision + recall) };
}

function bump(
  counts: Map<string, AgreementCounts>,
  theme: string,
  key: keyof AgreementCounts,
): void {
  const c = counts.get(theme) ?? { tp: 0, fp: 0, fn: 0 };
  c[key] += 1;
  counts.set(theme, c);
}

/**
 * Micro precision, recall and F1 of the classifier's themes on every quality-statement-labelled
 * finding of `documents`, per theme as well, with every disagreement listed. Pure: documents
 * must already be classified (the pipeline does that), and the mapping is passed in or read
 * from the seed catalogue.
 */
export function measureThemeAgreement(
  documents: readonly ReportDocument[],
  statements: readonly CqcQualityStatement[] = readCqcQualityStatements(),
): ThemeAgreement {
  const mapping = new Map(statements.map((s) => [s.id, s]));
  const perTheme = new Map<string, AgreementCounts>();
  const disagreements: ThemeDisagreement[] = [];
  const unmapped: UnmappedLabel[] = [];
  let examples = 0;
  let topThemeHits = 0;
  for (const doc of documents) {
    for (const finding of doc.findings) {
      const label = finding.label;
      if (!label || label.source !== 'cqc-quality-statement') continue;
      const statement = mapping.get(label.id);
      if (!statement) {
        unmapped.push({ file: doc.source.fileName, findingId: finding.id, statementId: label.id });
        continue;
      }
      examples += 1;
      const theirs = new Set(statement.themes);
      const ours = finding.themes.map((t) => t.id);
      if (ours[0] !== undefined && theirs.has(ours[0])) topThemeHits += 1;
      for (const theme of new Set(ours)) bump(perTheme, theme, theirs.has(theme) ? 'tp' : 'fp');
      for (const theme of theirs) if (!ours.includes(theme)) bump(perTheme, theme, 'fn');
      const same = ours.length === theirs.size && ours.every((t) => theirs.has(t));
      if (!same) {
        disagreements.push({
          file: doc.source.fileName,
          findingId: finding.id,
          statement: `${statement.id} ${statement.name}`,
          ours,
          theirs: [...statement.themes],
        });
      }
    }
  }
  const total = [...perTheme.values()].reduce(
    (a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }),
    { tp: 0, fp: 0, fn: 0 },
  );
  const byTheme: Record<string, AgreementScores> = {};
  for (const theme of [...perTheme.keys()].sort())
    byTheme[theme] = scoreCounts(perTheme.get(theme)!);
  return {
    examples,
    micro: scoreCounts(total),
    perTheme: byTheme,
    topThemeHits,
    disagreements,
    unmapped,
  };
}
