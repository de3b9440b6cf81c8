import type { EnforcementItem, SourcePosition } from '../../../model/document.ts';
import { parseLongDate } from '../../text/dates.ts';
import { readEnforcementType, readLegalBasis, readNoticeCount } from '../enforcement-wording.ts';
import type { WarningLog } from '../warnings.ts';

/** Sentences of a paragraph: split after . ! ? where the next sentence starts with a capital. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z"'(])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * A sentence in which the CQC says it took action at this inspection ("we issued the provider
 * with 2 Warning Notices…"). Sentences that only mention earlier notices ("as required in the
 * warning notices issued in June 2023") are not issuing sentences: they belong to an earlier
 * inspection whose date, count and id this summary does not give.
 */
function isIssuingSentence(sentence: string): boolean {
  return (
    /\bwe (?:have )?(?:issued|served|imposed|placed|took|prosecuted|gave)\b/i.test(sentence) &&
    readEnforcementType(sentence) !== 'other'
  );
}

const COMPLY_BY =
  /\b(?:be compliant|comply|compliance)\b[^.]*?\bby (\d{1,2}(?:st|nd|rd|th)? [A-Za-z]+ \d{4})/i;

/**
 * Enforcement items of a paragraph: one per issuing sentence, with the count and legal basis it
 * states and the comply-by date of the sentences that follow it (up to the next issuing sentence).
 * `text` runs from the issuing sentence to the comply-by sentence; `issuedOn` stays null because
 * the summary never dates the issue. A sentence that gives no number counts as one notice, with
 * a warning, because the contract needs a count and "at least one" is all the text supports.
 */
export function readEnforcementParagraph(
  paragraph: string,
  position: SourcePosition,
  warnings: WarningLog,
): EnforcementItem[] {
  const sentences = splitSentences(paragraph);
  const items: EnforcementItem[] = [];
  for (let i = 0; i < sentences.length; i += 1) {
    const sentence = sentences[i]!;
    if (!isIssuingSentence(sentence)) continue;
    let end = i;
    let complyBy: string | null = null;
    for (let j = i; j < sentences.length; j += 1) {
      if (j > i && isIssuingSentence(sentences[j]!)) break;
      const m = COMPLY_BY.exec(sentences[j]!);
      if (m) {
        complyBy = parseLongDate(m[1]!);
        end = j;
        break;
      }
    }
    const basis = readLegalBasis(sentence);
    const count = readNoticeCount(sentence);
    if (count === null)
      warnings.add(
        'unknown-enforcement-count',
        'enforcement sentence states no number; counted as 1',
        position,
      );
    items.push({
      id: '',
      type: readEnforcementType(sentence),
      legalBasis: basis?.text ?? null,
      regulation: basis?.regulation ?? null,
      count: count ?? 1,
      issuedOn: null,
      complyBy,
      text: sentences.slice(i, end + 1).join(' '),
      position: { ...position },
      requirementIds: [],
    });
  }
  return items;
}
