/**
 * Interim inspections of children's homes (SCCIF, April 2017 to March 2022): one day on site
 * between full inspections, judged on a three-point scale against the last full inspection
 * (shared/reference/vocabularies.json, "interim_judgement_scale"). The generator holds a home to
 * the rhythm of that era: a full inspection, an interim about six months later, the next full
 * about six months after that; an inadequate home gets full inspections only.
 */
import type { Grade } from '../model/document.ts';
import { unreachable } from '../model/unreachable.ts';
import { buildDay } from './calendar.ts';
import { describeOfstedRating, type Rating } from './rating-trajectory.ts';

export type InterimJudgement = 'improved' | 'sustained' | 'declined';

/** First and last day an interim inspection may start. */
export const INTERIM_ERA = { first: buildDay(2017, 4, 1), last: buildDay(2022, 3, 31) } as const;

/** Days from one inspection to the next in the interim era: never under 183, so at most two a calendar year. */
export const INTERIM_GAP: readonly [number, number] = [183, 215];

/** How the home's standing moved since the last full inspection, as the interim judgement says it. */
export function judgeInterim(lastFull: Rating, now: Rating): InterimJudgement {
  if (now === lastFull) return 'sustained';
  return now < lastFull ? 'improved' : 'declined';
}

/** Lower case, as the judgement sentence prints it: "sustained effectiveness". */
export function describeInterimJudgement(judgement: InterimJudgement): string {
  switch (judgement) {
    case 'improved':
      return 'improved effectiveness';
    case 'sustained':
      return 'sustained effectiveness';
    case 'declined':
      return 'declined in effectiveness';
    default:
      return unreachable(judgement, 'interim judgement');
  }
}

export function mapInterimToGrade(judgement: InterimJudgement): Grade {
  switch (judgement) {
    case 'improved':
      return 'IMPROVED_EFFECTIVENESS';
    case 'sustained':
      return 'SUSTAINED_EFFECTIVENESS';
    case 'declined':
      return 'DECLINED_IN_EFFECTIVENESS';
    default:
      return unreachable(judgement, 'interim judgement');
  }
}

/**
 * The first-page sentence that states an interim judgement, printed where a full report prints
 * its three judgements: "This children's home was judged good at its last full inspection. At
 * this interim inspection, Ofsted judged that the home has sustained effectiveness."
 */
export function buildInterimSentence(lastFull: Rating, judgement: InterimJudgement): string {
  return `This children's home was judged ${describeOfstedRating(lastFull)} at its last full inspection. At this interim inspection, Ofsted judged that the home has ${describeInterimJudgement(judgement)}.`;
}
