/**
 * One CQC location through the years: inspections spaced by rating, ratings drawn from the last
 * one, bullets on the location's usual themes, warning notices after inadequate ratings, and
 * reports that say when a requirement made at the previous inspection is still not met. Each
 * inspection publishes one report: a full report (plan-cqc-full-report.ts) when it ends below
 * good and for a share of the others, else a location summary. Only the previous inspection is
 * remembered.
 */
import type { RatingDirection } from '../model/document.ts';
import { buildInspectionId } from '../ingest/parsers/ids.ts';
import { formatIso, formatMonthYear } from './calendar.ts';
import { CQC_SENTENCES } from './data/cqc-summary-sentences.ts';
import type { ThemeId } from './data/themes.ts';
import type {
  CqcFullReportPlan,
  CqcInspectionPlan,
  CqcReportKind,
  PastCqcInspection,
  PlannedBullet,
  WarningNotices,
} from './cqc-plan.ts';
import { collectConcernThemes, planCqcFullReport } from './plan-cqc-full-report.ts';
import {
  drawFirstInspectionDay,
  drawInspectionDates,
  drawNextInspectionDay,
  type Window,
} from './inspection-schedule.ts';
import type { LocationPlan } from './location-plan.ts';
import type { SentencePolarity } from './ofsted-plan.ts';
import type { Random } from './random.ts';
import { drawFirstRating, drawNextRating, type Rating } from './rating-trajectory.ts';

/** Bullets by rating: [concerns min, max, strengths min, max]. */
const BULLETS: readonly (readonly [number, number, number, number])[] = [
  [0, 1, 4, 6],
  [0, 2, 3, 5],
  [3, 6, 2, 4],
  [5, 9, 1, 4],
];

const WARNING_NOTICE_CHANCE: readonly number[] = [0, 0, 0.1, 0.7];

/** Share of inspections rated good or outstanding whose report is a full one; below good, all are. */
const FULL_REPORT_SHARE = 0.3;

function compareRatings(previous: Rating, current: Rating): RatingDirection {
  if (current === previous) return 'SAME';
  return current < previous ? 'UP' : 'DOWN';
}

class BulletWriter {
  private readonly used = new Set<string>();

  constructor(
    private readonly random: Random,
    private readonly location: LocationPlan,
    private readonly previous: PastCqcInspection | null,
  ) {}

  private unused(theme: ThemeId, polarity: SentencePolarity): string[] {
    return (CQC_SENTENCES[theme]?.[polarity] ?? []).filter((s) => !this.used.has(s));
  }

  /** A bullet on an earlier requirement, when the previous inspection had a concern on this theme. */
  private writeFollowUp(theme: ThemeId, polarity: SentencePolarity): PlannedBullet | null {
    const previous = this.previous;
    const sentences = CQC_SENTENCES[theme];
    if (!previous || !sentences || !previous.concernThemes.has(theme) || !this.random.chance(0.45))
      return null;
    const month = formatMonthYear(previous.start);
    const text =
      polarity === 'concern'
        ? `Despite a requirement made at the inspection in ${month}, ${sentences.stillFailing}`
        : `As required at the inspection in ${month}, ${sentences.nowMet}`;
    if (this.used.has(text)) return null;
    this.used.add(text);
    // Only a shortfall still present is a repeat; a requirement now met is not.
    const repeat =
      polarity === 'concern' ? { statement: text, refersTo: previous.id, regulation: null } : null;
    return { theme, polarity, text, repeat };
  }

  write(polarity: SentencePolarity): PlannedBullet | null {
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const theme = this.random.pickWeighted(this.location.themeWeights);
      const followUp = this.writeFollowUp(theme, polarity);
      if (followUp) return followUp;
      const sentences = this.random.sample(
        this.unused(theme, polarity),
        this.random.chance(0.3) ? 2 : 1,
      );
      if (sentences.length === 0) continue;
      for (const s of sentences) this.used.add(s);
      return { theme, polarity, text: sentences.join(' '), repeat: null };
    }
    return null;
  }

  writeMany(polarity: SentencePolarity, count: number): PlannedBullet[] {
    const out: PlannedBullet[] = [];
    for (let i = 0; i < count; i += 1) {
      const bullet = this.write(polarity);
      if (bullet) out.push(bullet);
    }
    return out;
  }
}

function drawWarningNotices(random: Random, rating: Rating, end: number): WarningNotices | null {
  if (!random.chance(WARNING_NOTICE_CHANCE[rating]!)) return null;
  const count = random.pickWeighted([
    { value: 1, weight: 5 },
    { value: 2, weight: 3 },
    { value: 3, weight: 1 },
  ]);
  return { count, complyBy: end + 7 * random.int(8, 12) };
}

export function* simulateCqcLocation(
  random: Random,
  location: LocationPlan,
  window: Window,
): Generator<CqcInspectionPlan> {
  const quality = location.provider.quality;
  let previous: PastCqcInspection | null = null;
  let day = drawFirstInspectionDay(random, window, 'CQC');
  for (;;) {
    const dates = drawInspectionDates(random, day);
    if (dates.start > window.last) return;
    const rating: Rating =
      previous === null
        ? drawFirstRating(random, 'CQC', quality)
        : drawNextRating(random, 'CQC', previous.rating, quality);
    const report: CqcReportKind =
      rating >= 2 || random.chance(FULL_REPORT_SHARE) ? 'full' : 'summary';
    const warningNotices = drawWarningNotices(random, rating, dates.end);
    let concerns: PlannedBullet[] = [];
    let strengths: PlannedBullet[] = [];
    let full: CqcFullReportPlan | null = null;
    if (report === 'full') {
      full = planCqcFullReport(random, {
        location,
        rating,
        previous,
        end: dates.end,
        warningNotices,
      });
    } else {
      const writer: BulletWriter = new BulletWriter(random, location, previous);
      const [cMin, cMax, sMin, sMax] = BULLETS[rating]!;
      concerns = writer.writeMany('concern', random.int(cMin, cMax));
      strengths = writer.writeMany('strength', random.int(sMin, sMax));
    }
    // The rating is explained first: by its concerns when it is below good, else by its strengths.
    const concernsFirst = rating >= 2;
    // A full report calls the inspection comprehensive (type full); a summary calls it routine.
    const type: PastCqcInspection['type'] = report === 'full' ? 'full' : 'routine';
    const id = buildInspectionId(location.id, formatIso(dates.start), type);
    yield {
      location,
      id,
      report,
      full,
      dates,
      rating,
      previous,
      direction: previous ? compareRatings(previous.rating, rating) : null,
      reasons: concernsFirst ? concerns : strengths,
      however: concernsFirst ? strengths : concerns,
      warningNotices,
    };
    const concernThemes = full ? collectConcernThemes(full) : new Set(concerns.map((b) => b.theme));
    previous = { id, type, start: dates.start, rating, concernThemes };
    day = drawNextInspectionDay(random, dates.start, rating, 'CQC');
  }
}
