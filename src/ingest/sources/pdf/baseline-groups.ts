/**
 * Stage 2a of PDF reading: a page's text items → groups that share a baseline. Superscripts
 * (footnote marks, ordinals) join the line they are raised from.
 */
import type { PdfTextItem } from './load-pdf-pages.ts';

/** Baselines closer than this share a line (superscripts sit about a third of an em higher). */
const SAME_BASELINE_EM = 0.45;

/** Items grouped by baseline, top to bottom. */
export function groupByBaseline(items: readonly PdfTextItem[]): PdfTextItem[][] {
  const sorted = [...items].sort((a, b) => a.baseline - b.baseline || a.left - b.left);
  const groups: PdfTextItem[][] = [];
  let current: PdfTextItem[] = [];
  let anchor = 0;
  let anchorSize = 0;
  for (const item of sorted) {
    if (
      current.length > 0 &&
      item.baseline - anchor > SAME_BASELINE_EM * Math.max(anchorSize, item.size)
    ) {
      groups.push(current);
      current = [];
    }
    if (current.length === 0) {
      anchor = item.baseline;
      anchorSize = item.size;
    } else if (item.size > anchorSize) {
      // The body text, not a superscript, decides where the line is.
      anchor = item.baseline;
      anchorSize = item.size;
    }
    current.push(item);
  }
  if (current.length > 0) groups.push(current);
  return attachSuperscripts(groups);
}

function groupSize(group: readonly PdfTextItem[]): number {
  return Math.max(...group.map((item) => item.size));
}

function groupBaseline(group: readonly PdfTextItem[]): number {
  return group.reduce((best, item) => (item.size > best.size ? item : best), group[0]!).baseline;
}

/**
 * Footnote marks and ordinals ("1", "th") printed small and raised can sit further above the
 * baseline than SAME_BASELINE_EM allows; a tiny group like that joins the line it is raised from.
 */
function attachSuperscripts(groups: readonly PdfTextItem[][]): PdfTextItem[][] {
  const result = groups.map((group) => [...group]);
  for (let i = 0; i < result.length; i += 1) {
    const small = result[i]!;
    if (small.length === 0 || small.map((item) => item.text.trim()).join('').length > 4) continue;
    const host = result.find((group, j) => {
      if (j === i || group.length === 0) return false;
      const size = groupSize(group);
      const raise = groupBaseline(group) - groupBaseline(small);
      const left = Math.min(...group.map((item) => item.left));
      const right = Math.max(...group.map((item) => item.right));
      const smallLeft = Math.min(...small.map((item) => item.left));
      return (
        groupSize(small) <= 0.85 * size &&
        raise > 0 &&
        raise <= 0.7 * size &&
        smallLeft >= left - 2 * size &&
        smallLeft <= right + size
      );
    });
    if (!host) continue;
    host.push(...small);
    small.length = 0;
  }
  return result.filter((group) => group.length > 0);
}
