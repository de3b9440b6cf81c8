/**
 * The structured content of one synthetic Ofsted children's home inspection (full or interim):
 * what the report will say, before it is written out as text. The renderer prints it; the ground
 * truth is read from it, so both describe the same inspection.
 */
import type { RegulationBreach, RequirementWording } from './data/chr2015-requirements.ts';
import type { OfstedArea, ThemeId } from './data/themes.ts';
import type { InspectionDates } from './inspection-schedule.ts';
import type { LocationPlan } from './location-plan.ts';
import type { InterimJudgement } from './interim-judgement.ts';
import type { Rating } from './rating-trajectory.ts';

export type SentencePolarity = 'concern' | 'strength';

/** The two kinds of SCCIF children's home inspection the generator writes. */
export type OfstedInspectionKind = 'full' | 'interim';

/** An inspection of the same home seen from a later report. */
export interface PastOfstedInspection {
  id: string;
  kind: OfstedInspectionKind;
  start: number;
  /** The home's standing at that inspection (for an interim, the rating it was judged against and moved to). */
  rating: Rating;
  /** What an interim inspection judged; null for a full one. */
  interim: InterimJudgement | null;
  requirementNumbers: ReadonlySet<string>;
  complianceNotices: readonly ComplianceNotice[];
}

export interface ComplianceNotice {
  regulation: string;
  issuedOn: number;
}

export interface PlannedRequirement {
  breach: RegulationBreach;
  heading: string;
  wording: RequirementWording;
  complianceNotice: boolean;
  /** Printed across a page break, as PDF extracts often are. */
  splitAcrossPages: boolean;
}

export interface PlannedRepeat {
  /** The sentence exactly as the finding will hold it (straight quotes). */
  statement: string;
  /** Inspection id of the earlier inspection it refers to. */
  refersTo: string;
  /** The regulation the sentence names (`CHR2015:12`), or null when it names none. */
  regulation: string | null;
}

export interface PlannedParagraph {
  area: OfstedArea;
  theme: ThemeId;
  /** A second theme the paragraph is also about, in a sentence of its own (the last), or null. */
  secondTheme: ThemeId | null;
  polarity: SentencePolarity;
  sentences: readonly string[];
  repeat: PlannedRepeat | null;
  /** Printed across a page break (with page furniture between), or not. */
  splitAcrossPages: boolean;
}

export interface OfstedInspectionPlan {
  location: LocationPlan;
  id: string;
  kind: OfstedInspectionKind;
  dates: InspectionDates;
  /** Interim inspections: the judgement, and the rating of the last full inspection it compares with. */
  interim: { judgement: InterimJudgement; lastFullRating: Rating } | null;
  /** For an interim inspection, the standing the narrative is written from; no area is graded. */
  overall: Rating;
  protection: Rating;
  leadership: Rating;
  /** Earlier inspections shown in "Recent inspection history", latest first. */
  history: readonly PastOfstedInspection[];
  enforcementSinceLast: readonly ComplianceNotice[];
  requirements: readonly PlannedRequirement[];
  dueDate: number;
  recommendations: readonly string[];
  headline: string;
  /** Narrative paragraphs in report order (grouped by area). */
  paragraphs: readonly PlannedParagraph[];
  registeredManager: string;
  managerSince: number;
  inspector: string;
  /** Print apostrophes as ’ (as many PDF extracts do) instead of '. */
  curlyApostrophes: boolean;
}
