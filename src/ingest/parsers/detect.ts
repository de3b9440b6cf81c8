import type { ReportFamily } from '../../model/document.ts';
import { normaliseLineEndings, normaliseQuotes, normaliseSpaces } from '../text/normalise.ts';
import { findRequiredWords, foldForRequiredWords, mayMatch } from '../text/required-words.ts';

/**
 * Phrases each report family prints and the others do not. A family is recognised when at
 * least two of its cues are present, so one stray phrase quoted in another report is not enough.
 */
const CUES: ReadonlyArray<readonly [ReportFamily, readonly RegExp[]]> = [
  [
    'ofsted-childrens-home',
    [
      /information about this children's home/i,
      /^\s*registered provider\s*:/im,
      /^\s*unique reference number\s*:/im,
      /^\s*provision sub-?type\s*:\s*children's home/im,
      /inspected under the social care common inspection framework/i,
      /^\s*recent inspection history\s*$/im,
      /what does the children's home need to do to improve/i,
      /^\s*overall experiences and progress of children and young people\b/im,
    ],
  ],
  [
    'cqc-location-summary',
    [
      /\bour rating of this (?:location|service|provider|trust|practice|home) (?:went|has gone|stayed|remained|improved|declined)/i,
      /\bwe rated (?:it|them|this \w+) as\b/i,
      /^\s*during an? [a-z-]+ (?:inspection|visit)\.?\s*$/im,
      /^\s*however\s*:\s*$/im,
      /\bwarning notices? under section 29\b/i,
    ],
  ],
  [
    'cqc-full-report',
    [
      /^\s*(?:\d{1,3}\s+)?.{2,160}?\s(?:inspection|quality) report\b/im,
      /\bdate of inspection visit\s*:/i,
      /\bdate of publication\s*:/i,
      /\boverall rating for this (?:service|location|trust|hospital|practice|provider)\b/i,
      /\b(?:is the service|are services(?: at this (?:trust|location|hospital))?) (?:safe|effective|caring|responsive|well-led)\?/i,
      /^\s*our findings\s*$/im,
    ],
  ],
  [
    // One JSON object with CQC API location fields; readCqcApiLocation checks it really parses.
    'cqc-api-location',
    [
      /^\s*\{/,
      /"locationId"\s*:\s*"/,
      /"(?:providerId|registrationStatus|currentRatings|historicRatings|assessment)"\s*:/,
    ],
  ],
  [
    // Ofsted inspections of LA children's services: ILACS (2018 on), SIF (2013-18), LAC (2012-13).
    'ofsted-la-childrens-services',
    [
      /^\s*judgements?\s+grades?\s*$/im,
      /^\s*overall\s+effectiveness\b/im,
      /\bthe\s+impact\s+of\s+leaders\s+on\s+social\s+work\s+practice\s+with\s+children\s+and\s+families\b/i,
      /^\s*inspection\s+of\s+(?:\S+\s+){0,8}?children's\s+(?:social\s+care\s+)?services\s*$/im,
      /^\s*lead\s+inspector\s*:/im,
      /^\s*what\s+needs\s+to\s+improve\s*\??\s*$/im,
      /\binspection\s+of\s+services\s+for\s+children\s+in\s+need\s+of\s+help\s+and\s+protection\b/i,
      /\bchildren\s+looked\s+after\s+and\s+achieving\s+permanence\b/i,
      /\bleadership,\s+management\s+and\s+governance\b/i,
      /\binspection\s+of\s+looked\s+after\s+children(?:'s)?\s+services\b/i,
      /^\s*record\s+of\s+main\s+findings\s*$/im,
      /^\s*capacity\s+to\s+improve\s*$/im,
    ],
  ],
  [
    'ofsted-la-focused-visit',
    [
      /^\s*focused\s+visit\s+to\b/im,
      /\bthis\s+letter\s+summarises\s+the\s+findings\s+of\s+(?:a|the)\s+focused\s+visit\b/i,
      /^\s*what\s+needs\s+to\s+improve\s+in\s+this\s+area\s+of\s+social\s+work\s+practice\b/im,
      /\bofsted\s+will\s+take\s+the\s+findings\s+from\s+this\s+focused\s+visit\s+into\s+account\b/i,
      /^\s*yours?\s+sincerely,?\s*$/im,
    ],
  ],
  [
    // Joint Ofsted/CQC inspections of a local area partnership's SEND arrangements (2023 framework).
    'ofsted-la-area-send',
    [
      /\barea\s+send\s+(?:full\s+|monitoring\s+)?inspection\s+of\b/i,
      /\barea\s+send\s+inspection\s+report\s*:/i,
      /^\s*local\s+area\s+partnership\s+report\s*$/im,
      /^\s*inspection\s+outcome\s*$/im,
      /^\s*what\s+is\s+the\s+(?:local\s+)?area\s+partnership\s+doing\s+that\s+is\s+effective\??\s*$/im,
      /^\s*local\s+area\s+partnership\s+details\s*$/im,
    ],
  ],
];

const REQUIRED_CUES = 2;

/**
 * Each cue with the words it cannot match without: a document fails most of the forty cues, and
 * a failing regex scans the whole document, so a substring search rules those out first.
 */
const GUARDED_CUES = CUES.map(
  ([family, cues]) =>
    [family, cues.map((regex) => ({ regex, words: findRequiredWords(regex) }))] as const,
);

/** The report family a text belongs to, judged from its content; null when none fits. */
export function detectReportFamily(text: string): ReportFamily | null {
  const normalised = normaliseQuotes(normaliseSpaces(normaliseLineEndings(text)));
  const folded = foldForRequiredWords(normalised);
  let best: { family: ReportFamily; score: number } | null = null;
  for (const [family, cues] of GUARDED_CUES) {
    // A family only counts if it beats the best so far (ties go to the earlier family), so its
    // cues stop being tried once the ones left could not get it there.
    const needed = best ? best.score + 1 : REQUIRED_CUES;
    let score = 0;
    for (const [i, cue] of cues.entries()) {
      if (score + (cues.length - i) < needed) break;
      if (mayMatch(cue.words, folded) && cue.regex.test(normalised)) score += 1;
    }
    if (score >= needed) best = { family, score };
  }
  return best?.family ?? null;
}
