/**
 * When inspections happen. Ofsted inspects a children's home at least once a year and returns
 * sooner when it is weak; the CQC returns within months to an inadequate location and waits
 * years at a good one. Gaps are never under six months for Ofsted, so a home has at most two
 * inspections a calendar year and never two in one month (repeat statements name the month).
 */
import { addWorkingDays, buildDay, findInspectionWeekday, type RangeStyle } from './calendar.ts';
import type { Random } from './random.ts';
import type { Rating } from './rating-trajectory.ts';
import type { SyntheticRegulator } from './sector-plan.ts';

export interface InspectionDates {
  start: number;
  end: number;
  style: RangeStyle;
}

export interface Window {
  first: number;
  /** Last day an inspection may start. */
  last: number;
}

export function buildWindow(startYear: number, years: number): Window {
  return { first: buildDay(startYear, 1, 1), last: buildDay(startYear + years - 1, 12, 31) - 7 };
}

/** Days until the next inspection after one with this rating: [min, max]. */
const GAPS: Readonly<Record<SyntheticRegulator, readonly (readonly [number, number])[]>> = {
  OFSTED: [
    [300, 450],
    [240, 400],
    [190, 280],
    [183, 220],
  ],
  CQC: [
    [800, 1300],
    [600, 1000],
    [300, 540],
    [150, 240],
  ],
};

/** First inspection: most locations are already registered and are seen in the first months. */
export function drawFirstInspectionDay(
  random: Random,
  window: Window,
  regulator: SyntheticRegulator,
): number {
  const span = window.last - window.first;
  const early = regulator === 'OFSTED' ? 300 : 500;
  const offset = random.chance(0.8)
    ? random.int(0, Math.min(early, span))
    : random.int(0, Math.max(0, span - 30));
  return window.first + offset;
}

export function drawNextInspectionDay(
  random: Random,
  previousStart: number,
  rating: Rating,
  regulator: SyntheticRegulator,
): number {
  const [min, max] = GAPS[regulator][rating]!;
  return previousStart + random.int(min, max);
}

/** An inspection of one to three working days starting early in the week. */
export function drawInspectionDates(random: Random, candidate: number): InspectionDates {
  const start = findInspectionWeekday(candidate);
  const extraDays = random.pickWeighted([
    { value: 0, weight: 2 },
    { value: 1, weight: 6 },
    { value: 2, weight: 2 },
  ]);
  const end = addWorkingDays(start, extraDays);
  const style = random.pickWeighted<RangeStyle>([
    { value: 'to', weight: 6 },
    { value: 'ampersand', weight: 3 },
    { value: 'and', weight: 1 },
  ]);
  // "11 & 12 September" names two days; days further apart are printed as a range.
  return { start, end, style: end - start > 1 ? 'to' : style };
}
