/** The structured content of one synthetic CQC location inspection summary, before it is text. */
import type { RatingDirection } from '../ingest/document.ts';
import type { ThemeId } from './data/themes.ts';
import type { InspectionDates } from './inspection-schedule.ts';
import type { LocationPlan } from './location-plan.ts';
import type { PlannedRepeat, SentencePolarity } from './ofsted-plan.ts';
import type { Rating } from './rating-trajectory.ts';

export interface PastCqcInspection {
  id: string;
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

export interface CqcInspectionPlan {
  location: LocationPlan;
  id: string;
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
