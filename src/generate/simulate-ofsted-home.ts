/**
 * One children's home through the years: inspections one after another, each rating drawn from
 * the last, requirements that often repeat the regulations breached before, compliance notices
 * at inadequate inspections, and what the next report then says about them. Between April 2017
 * and March 2022 a full inspection not judged inadequate is followed by an interim one
 * (interim-judgement.ts), which judges how the home moved since. Only the last few inspections
 * are remembered: the report shows no more, so memory stays flat however long the run.
 */
import { buildInspectionId } from '../ingest/parsers/ids.ts';
import { findRegulation } from '../reference/index.ts';
import { addWorkingDays, formatIso } from './calendar.ts';
import { REGULATION_BREACHES, type RegulationBreach } from './data/chr2015-requirements.ts';
import { LEADERSHIP_AREA, OVERALL_AREA, PROTECTION_AREA } from './data/themes.ts';
import { HEADLINES, RECOMMENDATIONS } from './data/ofsted-wording.ts';
import {
  drawFirstInspectionDay,
  drawInspectionDates,
  drawNextInspectionDay,
  type Window,
} from './inspection-schedule.ts';
import type { LocationPlan } from './location-plan.ts';
import {
  buildInterimSentence,
  INTERIM_ERA,
  INTERIM_GAP,
  judgeInterim,
} from './interim-judgement.ts';
import type {
  ComplianceNotice,
  OfstedInspectionKind,
  OfstedInspectionPlan,
  PastOfstedInspection,
  PlannedRequirement,
} from './ofsted-plan.ts';
import { planOfstedNarrative } from './plan-ofsted-narrative.ts';
import type { Random } from './random.ts';
import {
  drawFirstRating,
  drawNearbyRating,
  drawNextRating,
  type Rating,
} from './rating-trajectory.ts';
import { drawPersonName } from './sector-plan.ts';

/** Rows of "Recent inspection history" a report shows. */
const HISTORY_ROWS = 4;

/** Chance that a regulation breached last time is breached again, by this inspection's rating. */
const REPEAT_CHANCE: readonly number[] = [0, 0.2, 0.5, 0.65];

function drawRequirementCount(random: Random, overall: Rating): number {
  switch (overall) {
    case 0:
      return 0;
    case 1:
      return random.pickWeighted([
        { value: 0, weight: 7 },
        { value: 1, weight: 2.5 },
        { value: 2, weight: 0.5 },
      ]);
    case 2:
      return random.int(1, 4);
    case 3:
      return random.int(3, 7);
    default:
      return unreachableRating(overall);
  }
}

function unreachableRating(rating: never): never {
  throw new Error(`Unknown rating ${String(rating)}`);
}

function readHeading(breach: RegulationBreach): string {
  const heading = findRegulation('CHR2015', breach.number)?.heading;
  if (!heading)
    throw new Error(
      `seed/reference/legislation.json has no heading for CHR2015 regulation ${breach.number}`,
    );
  return heading;
}

function chooseBreaches(
  random: Random,
  location: LocationPlan,
  overall: Rating,
  last: PastOfstedInspection | null,
): RegulationBreach[] {
  const count = drawRequirementCount(random, overall);
  const chosen = REGULATION_BREACHES.filter(
    (b) => last?.requirementNumbers.has(b.number) && random.chance(REPEAT_CHANCE[overall]!),
  );
  const rest = REGULATION_BREACHES.filter((b) => !chosen.includes(b)).map((b) => ({
    value: b,
    weight: b.weight * (location.provider.weakRegulations.includes(b.number) ? 3 : 1),
  }));
  chosen.push(...random.sampleWeighted(rest, Math.max(0, count - chosen.length)));
  // Ofsted lists requirements in regulation order.
  return chosen.sort((a, b) => Number(a.number) - Number(b.number));
}

function planRequirements(
  random: Random,
  location: LocationPlan,
  overall: Rating,
  last: PastOfstedInspection | null,
): PlannedRequirement[] {
  const breaches = chooseBreaches(random, location, overall, last);
  const noticeChance = overall === 3 ? 0.45 : overall === 2 ? 0.04 : 0;
  const requirements = breaches.map((breach) => ({
    breach,
    heading: readHeading(breach),
    wording: random.pick(breach.wordings),
    complianceNotice: random.chance(noticeChance),
    splitAcrossPages: random.chance(0.12),
  }));
  // An inadequate home almost always gets at least one compliance notice.
  if (
    overall === 3 &&
    requirements.length > 0 &&
    !requirements.some((r) => r.complianceNotice) &&
    random.chance(0.8)
  ) {
    requirements[random.int(0, requirements.length - 1)]!.complianceNotice = true;
  }
  return requirements;
}

function drawRecommendations(random: Random, overall: Rating): string[] {
  const counts: readonly (readonly number[])[] = [
    [5, 2, 0],
    [4, 3, 1],
    [3, 2, 0],
    [1, 0, 0],
  ];
  const count = random.pickWeighted(counts[overall]!.map((weight, value) => ({ value, weight })));
  return random.sample(RECOMMENDATIONS, count);
}

/** When the next inspection starts and what kind it is, after one of `kind` rated `rating`. */
function scheduleNext(
  random: Random,
  start: number,
  kind: OfstedInspectionKind,
  rating: Rating,
): { day: number; kind: OfstedInspectionKind } {
  const inEra =
    start + INTERIM_GAP[0] <= INTERIM_ERA.last && start + INTERIM_GAP[1] >= INTERIM_ERA.first;
  if (inEra && (kind === 'interim' || rating < 3)) {
    const day = start + random.int(INTERIM_GAP[0], INTERIM_GAP[1]);
    // The era's rhythm: full, interim, full. An interim never follows an interim.
    const next: OfstedInspectionKind =
      kind === 'full' && day >= INTERIM_ERA.first && day <= INTERIM_ERA.last ? 'interim' : 'full';
    return { day, kind: next };
  }
  return { day: drawNextInspectionDay(random, start, rating, 'OFSTED'), kind: 'full' };
}

export function* simulateOfstedHome(
  random: Random,
  location: LocationPlan,
  window: Window,
): Generator<OfstedInspectionPlan> {
  const quality = location.provider.quality;
  const recent: PastOfstedInspection[] = [];
  let day = drawFirstInspectionDay(random, window, 'OFSTED');
  let kind: OfstedInspectionKind = 'full';
  let manager = drawPersonName(random);
  let managerSince = day - random.int(60, 1200);
  let rating: Rating | null = null;
  for (;;) {
    const drawn = drawInspectionDates(random, day);
    // An interim inspection is one day on site.
    const dates = kind === 'interim' ? { ...drawn, end: drawn.start } : drawn;
    if (dates.start > window.last) return;
    const overall: Rating =
      rating === null
        ? drawFirstRating(random, 'OFSTED', quality)
        : drawNextRating(random, 'OFSTED', rating, quality);
    let protection = drawNearbyRating(random, overall, 0.7);
    const leadership = drawNearbyRating(random, overall, 0.7);
    // An inadequate home is inadequate in at least one of the areas the overall judgement takes into account.
    if (overall === 3 && protection < 3 && leadership < 3) protection = 3;
    if (rating !== null && random.chance(0.12)) {
      manager = drawPersonName(random);
      managerSince = dates.start - random.int(30, 150);
    }
    const history = recent.slice(-HISTORY_ROWS).reverse();
    const last = history[0] ?? null;
    // Scheduling makes an interim follow a full inspection, so the last row is the one it is judged against.
    const interim =
      kind === 'interim' && last
        ? { judgement: judgeInterim(last.rating, overall), lastFullRating: last.rating }
        : null;
    const requirements = planRequirements(random, location, overall, last);
    const paragraphs = planOfstedNarrative(random, {
      requirements,
      history,
      ratings: {
        [OVERALL_AREA]: overall,
        [PROTECTION_AREA]: protection,
        [LEADERSHIP_AREA]: leadership,
      },
      themeWeights: location.themeWeights,
    });
    const id = buildInspectionId(location.id, formatIso(dates.start), interim ? 'interim' : 'full');
    yield {
      location,
      id,
      kind: interim ? 'interim' : 'full',
      dates,
      interim,
      overall,
      protection,
      leadership,
      history,
      enforcementSinceLast: last?.complianceNotices ?? [],
      requirements,
      dueDate: dates.end + 7 * random.int(4, 10),
      recommendations: drawRecommendations(random, overall),
      headline: interim
        ? buildInterimSentence(interim.lastFullRating, interim.judgement)
        : HEADLINES[overall],
      paragraphs,
      registeredManager: manager,
      managerSince,
      inspector: drawPersonName(random),
      curlyApostrophes: random.chance(0.3),
    };
    const issuedOn = addWorkingDays(dates.end, random.int(5, 15));
    const notices: ComplianceNotice[] = requirements
      .filter((r) => r.complianceNotice)
      .map((r) => ({ regulation: r.breach.number, issuedOn }));
    recent.push({
      id,
      kind: interim ? 'interim' : 'full',
      start: dates.start,
      rating: overall,
      interim: interim?.judgement ?? null,
      requirementNumbers: new Set(requirements.map((r) => r.breach.number)),
      complianceNotices: notices,
    });
    if (recent.length > HISTORY_ROWS) recent.shift();
    rating = overall;
    ({ day, kind } = scheduleNext(random, dates.start, interim ? 'interim' : 'full', overall));
  }
}
