/**
 * The structured content of one synthetic CQC inspection, before it is text: a location summary
 * (bullets around "However:") or, for some inspections, a full inspection report (ratings per key
 * question, findings under each, breaches and notices in the closing tables).
 */
import type { RatingDirection } from '../model/document.ts';
import type { CqcKeyQuestion } from './data/cqc-full-report-sentences.ts';
import type { ThemeId } from './data/themes.ts';
import type { InspectionDates } from './inspection-schedule.ts';
import type { LocationPlan } from './location-plan.ts';
import type { PlannedRepeat, SentencePolarity } from './ofsted-plan.ts';
import type { Rating } from './rating-trajectory.ts';

/** Which report is published for an inspection; its inspection type follows from it. */
export type CqcReportKind = 'summary' | 'full';

export interface PastCqcInspection {
  id: string;
  /** How its report named it: a summary's "routine inspection", a full report's "comprehensive inspection". */
  type: 'routine' | 'full';
  start: number;
  rating: Rating;
  /** Themes of its concern bullets: where a later summary may say a requirement was made. */
  concernThemes: ReadonlySet<ThemeId>;
}

export interface PlannedBullet {
  theme: ThemeId;
  polarity: SentencePolarity;
  /** The bullet as printed and as the finding will hold it. */
  text: string;
  repeat: PlannedRepeat | null;
}

export interface WarningNotices {
  count: number;
  complyBy: number;
}

/** Findings of one theme under its sub-heading in a key question's detailed findings. */
export interface PlannedFindingGroup {
  theme: ThemeId;
  subheading: string;
  bullets: readonly PlannedBullet[];
}

export interface PlannedKeyQuestion {
  question: CqcKeyQuestion;
  rating: Rating;
  groups: readonly PlannedFindingGroup[];
}

export interface PlannedBreach {
  number: string;
  heading: string;
  paragraphs: string;
  explanation: string;
  /** Which closing table lists it: "Action we have told the provider to take" or "Enforcement actions". */
  action: 'requirement-notice' | 'warning-notice';
}

export interface CqcFullReportPlan {
  publishedOn: number;
  /** Summary paragraphs under "People's experience of using this service and what we found". */
  summary: readonly PlannedBullet[];
  whyInspected: string;
  /** The summary's "Enforcement" paragraph, when there are breaches. */
  enforcementSummary: string | null;
  keyQuestions: readonly PlannedKeyQuestion[];
  /** In table order: requirement notices first, then warning notices; one per regulation. */
  breaches: readonly PlannedBreach[];
}

export interface CqcInspectionPlan {
  location: LocationPlan;
  id: string;
  report: CqcReportKind;
  /** Set when `report` is `full`. */
  full: CqcFullReportPlan | null;
  dates: InspectionDates;
  rating: Rating;
  previous: PastCqcInspection | null;
  direction: RatingDirection | null;
  /** Bullets that explain the rating (before "However:"). */
  reasons: readonly PlannedBullet[];
  /** Bullets after "However:". */
  however: readonly PlannedBullet[];
  warningNotices: WarningNotices | null;
}
