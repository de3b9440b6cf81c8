import type { SourcePosition } from '../../../model/document.ts';
import type { SourceLine } from '../../text/lines.ts';
import { cleanInline } from '../../text/normalise.ts';
import { cleanLine } from '../ofsted-la-common/clean-line.ts';

/**
 * Sentences after the outcome that are about what happens next, not the outcome itself: the
 * next inspection, the monitoring inspection, the request to publish a strategic plan.
 */
const AFTERWORD =
  /^(?:the next (?:full )?area send inspection|a monitoring inspection|ofsted and (?:the )?care quality commission|ofsted and (?:the )?cqc|information about)/i;

/**
 * The outcome under "Inspection outcome", one of three set wordings since 2023 ("…typically lead
 * to positive experiences and outcomes…", "…lead to inconsistent experiences and outcomes…",
 * "There are widespread and/or systemic failings…"), kept word for word.
 */
export function readInspectionOutcome(
  sectionLines: readonly SourceLine[],
  isFurniture: (line: SourceLine) => boolean,
): { text: string; position: SourcePosition } | null {
  const lines = sectionLines.filter((l) => cleanLine(l) !== '' && !isFurniture(l));
  const first = lines[0];
  if (!first) return null;
  const sentences = cleanInline(lines.map((l) => l.text).join(' ')).split(/(?<=[.!?])\s+(?=[A-Z])/);
  const kept: string[] = [];
  for (const sentence of sentences) {
    if (AFTERWORD.test(sentence)) break;
    kept.push(sentence);
  }
  return kept.length > 0 ? { text: kept.join(' '), position: { ...first.position } } : null;
}
