import type { ReportFamily } from '../document.ts';
import { normaliseLineEndings, normaliseQuotes, normaliseSpaces } from '../text/normalise.ts';

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
];

const REQUIRED_CUES = 2;

/** The report family a text belongs to, judged from its content; null when none fits. */
export function detectReportFamily(text: string): ReportFamily | null {
  const normalised = normaliseQuotes(normaliseSpaces(normaliseLineEndings(text)));
  let best: { family: ReportFamily; score: number } | null = null;
  for (const [family, cues] of CUES) {
    const score = cues.filter((cue) => cue.test(normalised)).length;
    if (score >= REQUIRED_CUES && (!best || score > best.score)) best = { family, score };
  }
  return best?.family ?? null;
}
