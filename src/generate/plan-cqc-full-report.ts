/**
 * The content of a synthetic CQC full inspection report: a rating per key question near the
 * overall one (an overall rating below good always has a key question at least as weak), findings
 * under each key question in proportion to its rating, grouped under the sub-heading of their
 * theme, a few summary statements, and a breach of the HSCA RA Regulations 2014 for each theme of
 * concern in a key question rated below good. Warning notices, when the inspection brought them,
 * go to some of those breaches; the rest are requirement notices. A concern on a theme the previous
 * inspection already raised may say so ("Despite a requirement made at the inspection in …").
 */
import { findRegulation } from '../reference/index.ts';
import { formatMonthYear } from './calendar.ts';
import type {
  CqcFullReportPlan,
  PastCqcInspection,
  PlannedBreach,
  PlannedBullet,
  PlannedFindingGroup,
  PlannedKeyQuestion,
  WarningNotices,
} from './cqc-plan.ts';
import {
  CQC_FULL_REPORT_SENTENCES,
  CQC_KEY_QUESTIONS,
  type CqcKeyQuestion,
} from './data/cqc-full-report-sentences.ts';
import { CQC_SENTENCES } from './data/cqc-summary-sentences.ts';
import { HSCA_BREACH_OF_THEME } from './data/hsca-breaches.ts';
import type { ThemeId } from './data/themes.ts';
import type { LocationPlan } from './location-plan.ts';
import type { SentencePolarity } from './ofsted-plan.ts';
import type { Random, Weighted } from './random.ts';
import { drawNearbyRating, type Rating } from './rating-trajectory.ts';

export interface FullReportInput {
  location: LocationPlan;
  rating: Rating;
  previous: PastCqcInspection | null;
  end: number;
  warningNotices: WarningNotices | null;
}

/** Findings per key question by its rating: [concerns min, max, strengths min, max]. */
const FINDINGS: readonly (readonly [number, number, number, number])[] = [
  [0, 0, 3, 4],
  [0, 1, 2, 4],
  [2, 3, 1, 2],
  [3, 4, 0, 1],
];

/** Chance that a concern on a theme the previous inspection raised says so. */
const FOLLOW_UP_CHANCE = 0.45;

/** Chance that such a follow-up names the regulation, by its title. */
const NAMED_FOLLOW_UP_CHANCE = 0.5;

export const WHY_INSPECTED =
  'This was a planned inspection based on the rating the service was given.';

function readHeading(number: string): string {
  const heading = findRegulation('HSCA-RA-2014', number)?.heading;
  if (!heading)
    throw new Error(
      `seed/reference/legislation.json has no heading for HSCA-RA-2014 regulation ${number}`,
    );
  return heading;
}

/**
 * Ratings of the five key questions: each near the overall rating, and never more than one step
 * from it; an overall rating below good has a key question at least as weak (usually Safe or
 * Well-led), an outstanding one has a key question rated outstanding.
 */
function drawKeyQuestionRatings(random: Random, overall: Rating): Rating[] {
  const ratings = CQC_KEY_QUESTIONS.map(() => {
    const near = drawNearbyRating(random, overall, 0.65);
    return Math.max(overall - 1, Math.min(overall + 1, near)) as Rating;
  });
  if (overall >= 2 && Math.max(...ratings) < overall) ratings[random.chance(0.5) ? 0 : 4] = overall;
  if (overall === 0 && !ratings.includes(0)) ratings[random.int(2, 4)] = 0;
  if (overall === 1 && !ratings.includes(1)) ratings[random.int(0, 4)] = 1;
  return ratings;
}

class FindingWriter {
  private readonly used = new Set<string>();
  private readonly followedUp = new Set<ThemeId>();

  constructor(
    private readonly random: Random,
    private readonly previous: PastCqcInspection | null,
  ) {}

  private followUp(theme: ThemeId): PlannedBullet | null {
    const previous = this.previous;
    const clause = CQC_SENTENCES[theme]?.stillFailing;
    if (
      !previous ||
      !clause ||
      !previous.concernThemes.has(theme) ||
      this.followedUp.has(theme) ||
      !this.random.chance(FOLLOW_UP_CHANCE)
    )
      return null;
    this.followedUp.add(theme);
    // Some name the regulation by its title, the only way they count as evidence of a breach of it.
    const breach = HSCA_BREACH_OF_THEME[theme];
    const named = breach && this.random.chance(NAMED_FOLLOW_UP_CHANCE) ? breach.number : null;
    const under = named ? ` under the regulation on ${readHeading(named).toLowerCase()}` : '';
    const text = `Despite a requirement made${under} at the inspection in ${formatMonthYear(previous.start)}, ${clause}`;
    return {
      theme,
      polarity: 'concern',
      text,
      repeat: {
        statement: text,
        refersTo: previous.id,
        regulation: named ? `HSCA-RA-2014:${named}` : null,
      },
    };
  }

  /** One finding on `theme`, or null when its sentences of that polarity are used up. */
  write(theme: ThemeId, polarity: SentencePolarity, followUps: boolean): PlannedBullet | null {
    if (polarity === 'concern' && followUps) {
      const followUp = this.followUp(theme);
      if (followUp) return followUp;
    }
    const unused = (CQC_FULL_REPORT_SENTENCES[theme]?.[polarity] ?? []).filter(
      (s) => !this.used.has(s),
    );
    if (unused.length === 0) return null;
    const text = this.random.pick(unused);
    this.used.add(text);
    return { theme, polarity, text, repeat: null };
  }

  writeSome(
    weights: readonly Weighted<ThemeId>[],
    polarity: SentencePolarity,
    count: number,
    followUps = true,
  ): PlannedBullet[] {
    const out: PlannedBullet[] = [];
    for (let attempt = 0; out.length < count && attempt < count * 4; attempt += 1) {
      const bullet = this.write(this.random.pickWeighted(weights), polarity, followUps);
      if (bullet) out.push(bullet);
    }
    return out;
  }
}

function themesOf(location: LocationPlan, question: CqcKeyQuestion): Weighted<ThemeId>[] {
  return location.themeWeights.filter(
    (w) => CQC_FULL_REPORT_SENTENCES[w.value]?.keyQuestion === question,
  );
}

/** Bullets grouped by theme in order of first mention; a weak key question opens each group with its concerns. */
function groupByTheme(
  bullets: readonly PlannedBullet[],
  concernsFirst: boolean,
): PlannedFindingGroup[] {
  const groups: { theme: ThemeId; bullets: PlannedBullet[] }[] = [];
  for (const bullet of bullets) {
    const group = groups.find((g) => g.theme === bullet.theme);
    if (group) group.bullets.push(bullet);
    else groups.push({ theme: bullet.theme, bullets: [bullet] });
  }
  return groups.map((g) => ({
    theme: g.theme,
    subheading: CQC_FULL_REPORT_SENTENCES[g.theme]!.subheading,
    bullets: [...g.bullets].sort(
      (a, b) =>
        Number((a.polarity === 'concern') !== concernsFirst) -
        Number((b.polarity === 'concern') !== concernsFirst),
    ),
  }));
}

function planKeyQuestion(
  random: Random,
  writer: FindingWriter,
  location: LocationPlan,
  question: CqcKeyQuestion,
  rating: Rating,
): PlannedKeyQuestion {
  const weights = themesOf(location, question);
  const [cMin, cMax, sMin, sMax] = FINDINGS[rating]!;
  const concerns = writer.writeSome(weights, 'concern', random.int(cMin, cMax));
  const strengths = writer.writeSome(weights, 'strength', random.int(sMin, sMax));
  // Every key question has findings, as in every real report.
  if (concerns.length + strengths.length === 0)
    strengths.push(...writer.writeSome(weights, rating >= 2 ? 'concern' : 'strength', 1));
  return { question, rating, groups: groupByTheme([...concerns, ...strengths], rating >= 2) };
}

/** One breach per regulation behind the concerns of key questions rated below good, in regulation order. */
function planBreaches(
  random: Random,
  keyQuestions: readonly PlannedKeyQuestion[],
  overall: Rating,
  notices: WarningNotices | null,
): PlannedBreach[] {
  const themes = keyQuestions
    .filter((kq) => kq.rating >= 2)
    .flatMap((kq) =>
      kq.groups.filter((g) => g.bullets.some((b) => b.polarity === 'concern')).map((g) => g.theme),
    );
  // A rating below good comes with at least a breach of good governance.
  if (overall >= 2 && themes.length === 0) themes.push('governance');
  const byNumber = new Map<string, ThemeId>();
  for (const theme of themes) {
    const breach = HSCA_BREACH_OF_THEME[theme];
    if (breach && !byNumber.has(breach.number)) byNumber.set(breach.number, theme);
  }
  const numbers = [...byNumber.keys()].sort((a, b) => Number(a) - Number(b));
  const warned = new Set(random.sample(numbers, Math.min(notices?.count ?? 0, numbers.length)));
  const breaches = numbers.map((number): PlannedBreach => {
    const breach = HSCA_BREACH_OF_THEME[byNumber.get(number)!]!;
    return {
      number,
      heading: readHeading(number),
      paragraphs: breach.paragraphs,
      explanation: breach.explanation,
      action: warned.has(number) ? 'warning-notice' : 'requirement-notice',
    };
  });
  return [
    ...breaches.filter((b) => b.action === 'requirement-notice'),
    ...breaches.filter((b) => b.action === 'warning-notice'),
  ];
}

function describeBreaches(breaches: readonly PlannedBreach[]): string {
  const names = breaches.map((b) => b.heading.toLowerCase());
  const list =
    names.length === 1
      ? names[0]!
      : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
  return `We have identified breaches in relation to ${list} at this inspection. Please see the action we have told the provider to take at the end of this report.`;
}

export function planCqcFullReport(random: Random, input: FullReportInput): CqcFullReportPlan {
  const writer = new FindingWriter(random, input.previous);
  const ratings = drawKeyQuestionRatings(random, input.rating);
  const keyQuestions = CQC_KEY_QUESTIONS.map((question, i) =>
    planKeyQuestion(random, writer, input.location, question, ratings[i]!),
  );
  // The summary restates the report's main points: concerns when the rating is below good.
  const summaryPolarity: SentencePolarity = input.rating >= 2 ? 'concern' : 'strength';
  // Written after the detailed findings, so it restates none of their sentences; repeats are told there.
  const summary = writer.writeSome(
    input.location.themeWeights,
    summaryPolarity,
    random.int(2, 3),
    false,
  );
  const breaches = planBreaches(random, keyQuestions, input.rating, input.warningNotices);
  return {
    publishedOn: input.end + random.int(25, 50),
    summary,
    whyInspected: WHY_INSPECTED,
    enforcementSummary: breaches.length > 0 ? describeBreaches(breaches) : null,
    keyQuestions,
    breaches,
  };
}

/** Themes of the report's concerns: where a later report may say a requirement was made. */
export function collectConcernThemes(plan: CqcFullReportPlan): Set<ThemeId> {
  return new Set(
    plan.keyQuestions.flatMap((kq) =>
      kq.groups.flatMap((g) =>
        g.bullets.filter((b) => b.polarity === 'concern').map((b) => b.theme),
      ),
    ),
  );
}
