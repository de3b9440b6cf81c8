/**
 * The ground truth of a synthetic corpus: one JSON line per report saying what the report
 * states, taken from the plan it was written from (never from parsing it), so the check can
 * hold the real parsers to it.
 */
import type {
  EnforcementType,
  Grade,
  InspectionType,
  Polarity,
  RatingDirection,
  ReportFamily,
} from '../model/document.ts';
import { formatIso } from './calendar.ts';
import type { CqcFullReportPlan, CqcInspectionPlan, PlannedBullet } from './cqc-plan.ts';
import { LEADERSHIP_AREA, OVERALL_AREA, PROTECTION_AREA, type ThemeId } from './data/themes.ts';
import { mapInterimToGrade } from './interim-judgement.ts';
import type { OfstedInspectionPlan, PastOfstedInspection } from './ofsted-plan.ts';

/** Section of every narrative finding of an interim report (the parser's name for it). */
export const INTERIM_NARRATIVE_SECTION = 'This inspection';
import { mapRatingToGrade } from './rating-trajectory.ts';

export interface TruthFinding {
  section: string;
  /** Null where the report's own words do not settle it (the standard headline). */
  polarity: Polarity | null;
  /** Themes the finding is written about; the classifier may add more. */
  themes: ThemeId[];
}

export interface TruthRepeat {
  /** Index of the finding in document order (the headline is finding 0 of an Ofsted report). */
  finding: number;
  statement: string;
  /** The earlier inspection the statement is about. */
  refersTo: string;
  /**
   * The regulation the sentence names (`CHR2015:12`), or null when it names none: only a named
   * regulation makes the statement evidence of a breach of it (repeatedBreaches, STATED_REPEAT).
   */
  regulation: string | null;
  /**
   * Whether the report itself holds what resolves it: an Ofsted history table does; a CQC
   * summary has no history, so the parser can only leave `refersTo` null.
   */
  resolvableFromReport: boolean;
}

export interface TruthRequirement {
  regulation: string;
  paragraphs: string;
  /** Null where the report gives none (CQC reports never do). */
  dueDate: string | null;
  complianceNotice: boolean;
}

export interface TruthEnforcement {
  type: EnforcementType;
  count: number;
  legalBasis: string | null;
  /** `<legislation>:<number>`, e.g. `CHR2015:13`, `HSCA2008:29`. */
  regulation: string | null;
  issuedOn: string | null;
  complyBy: string | null;
}

export interface GroundTruthRecord {
  /** Report path relative to the corpus folder; its metadata is `<file>.meta.json`. */
  file: string;
  family: ReportFamily;
  locationId: string;
  providerId: string;
  location: { name: string; region: string; localAuthority: string; capacity: number | null };
  inspectionId: string;
  type: InspectionType;
  startDate: string;
  endDate: string;
  overallGrade: Grade;
  judgements: { area: string; grade: Grade }[];
  ratingDirection: RatingDirection | null;
  history: { inspectionId: string; grade: Grade }[];
  requirements: TruthRequirement[];
  recommendations: number;
  findings: TruthFinding[];
  repeats: TruthRepeat[];
  enforcement: TruthEnforcement[];
  people: { role: string; name: string }[];
}

function describeLocation(
  plan: OfstedInspectionPlan | CqcInspectionPlan,
): GroundTruthRecord['location'] {
  const { location } = plan;
  return {
    name: location.name,
    region: location.localAuthority.region,
    localAuthority: location.localAuthority.name,
    capacity: location.capacity,
  };
}

/** Grade of an earlier inspection as its history row prints it. */
function gradePast(past: PastOfstedInspection): Grade {
  return past.interim ? mapInterimToGrade(past.interim) : mapRatingToGrade(past.rating);
}

export function buildOfstedTruth(file: string, plan: OfstedInspectionPlan): GroundTruthRecord {
  const findings: TruthFinding[] = [{ section: 'Headline', polarity: null, themes: [] }];
  const repeats: TruthRepeat[] = [];
  for (const paragraph of plan.paragraphs) {
    if (paragraph.repeat)
      repeats.push({ finding: findings.length, ...paragraph.repeat, resolvableFromReport: true });
    // An interim report prints its narrative under one heading, not by judgement area.
    findings.push({
      section: plan.interim ? INTERIM_NARRATIVE_SECTION : paragraph.area,
      polarity: paragraph.polarity,
      themes: paragraph.secondTheme ? [paragraph.theme, paragraph.secondTheme] : [paragraph.theme],
    });
  }
  return {
    file,
    family: 'ofsted-childrens-home',
    locationId: plan.location.id,
    providerId: plan.location.provider.id,
    location: describeLocation(plan),
    inspectionId: plan.id,
    type: plan.kind,
    startDate: formatIso(plan.dates.start),
    endDate: formatIso(plan.dates.end),
    // An interim judgement grades the inspection as a whole and no area, as its history row does.
    overallGrade: plan.interim
      ? mapInterimToGrade(plan.interim.judgement)
      : mapRatingToGrade(plan.overall),
    judgements: plan.interim
      ? []
      : [
          { area: OVERALL_AREA, grade: mapRatingToGrade(plan.overall) },
          { area: PROTECTION_AREA, grade: mapRatingToGrade(plan.protection) },
          { area: LEADERSHIP_AREA, grade: mapRatingToGrade(plan.leadership) },
        ],
    ratingDirection: null,
    history: plan.history.map((h) => ({ inspectionId: h.id, grade: gradePast(h) })),
    requirements: plan.requirements.map((r) => ({
      regulation: r.breach.number,
      paragraphs: r.wording.paragraphs,
      dueDate: formatIso(plan.dueDate),
      complianceNotice: r.complianceNotice,
    })),
    recommendations: plan.recommendations.length,
    findings,
    repeats,
    enforcement: [
      ...plan.enforcementSinceLast.map((n) => ({
        type: 'compliance-notice' as const,
        count: 1,
        legalBasis: null,
        regulation: `CHR2015:${n.regulation}`,
        issuedOn: formatIso(n.issuedOn),
        complyBy: null,
      })),
      // This inspection's own notices: one per starred requirement (the plan never puts two
      // requirements under one regulation), undated, to be met by the requirements' due date.
      ...plan.requirements
        .filter((r) => r.complianceNotice)
        .map((r) => ({
          type: 'compliance-notice' as const,
          count: 1,
          legalBasis: null,
          regulation: `CHR2015:${r.breach.number}`,
          issuedOn: null,
          complyBy: formatIso(plan.dueDate),
        })),
    ],
    people: [
      { role: 'responsible individual', name: plan.location.provider.responsibleIndividual },
      { role: 'registered manager', name: plan.registeredManager },
      { role: 'inspector', name: plan.inspector },
    ],
  };
}

/** Sections of a CQC full report's findings that carry no planned polarity or theme. */
const WHY_INSPECTED_SECTION = 'Why we inspected';
const ENFORCEMENT_SECTION = 'Enforcement';

function buildCqcFullReportTruth(
  file: string,
  plan: CqcInspectionPlan,
  full: CqcFullReportPlan,
): GroundTruthRecord {
  const findings: TruthFinding[] = [];
  const repeats: TruthRepeat[] = [];
  const add = (section: string, bullet: PlannedBullet): void => {
    // The report's "Rating at last inspection" dates and names the earlier inspection, so the parser can link it.
    if (bullet.repeat)
      repeats.push({ finding: findings.length, ...bullet.repeat, resolvableFromReport: true });
    findings.push({ section, polarity: bullet.polarity, themes: [bullet.theme] });
  };
  for (const paragraph of full.summary) add('Summary', paragraph);
  findings.push({ section: WHY_INSPECTED_SECTION, polarity: null, themes: [] });
  if (full.enforcementSummary)
    findings.push({ section: ENFORCEMENT_SECTION, polarity: null, themes: [] });
  for (const kq of full.keyQuestions)
    for (const group of kq.groups) for (const bullet of group.bullets) add(kq.question, bullet);
  return {
    file,
    family: 'cqc-full-report',
    locationId: plan.location.id,
    providerId: plan.location.provider.id,
    location: describeLocation(plan),
    inspectionId: plan.id,
    type: 'full',
    startDate: formatIso(plan.dates.start),
    endDate: formatIso(plan.dates.end),
    overallGrade: mapRatingToGrade(plan.rating),
    judgements: [
      { area: 'Overall', grade: mapRatingToGrade(plan.rating) },
      ...full.keyQuestions.map((kq) => ({ area: kq.question, grade: mapRatingToGrade(kq.rating) })),
    ],
    // A full report states its ratings but not how they moved.
    ratingDirection: null,
    history: plan.previous
      ? [{ inspectionId: plan.previous.id, grade: mapRatingToGrade(plan.previous.rating) }]
      : [],
    requirements: full.breaches.map((b) => ({
      regulation: b.number,
      paragraphs: b.paragraphs,
      dueDate: null,
      complianceNotice: false,
    })),
    recommendations: 0,
    findings,
    repeats,
    enforcement: full.breaches.map((b) => ({
      type: b.action,
      count: 1,
      legalBasis: null,
      regulation: `HSCA-RA-2014:${b.number}`,
      issuedOn: null,
      complyBy: null,
    })),
    people: [],
  };
}

export function buildCqcTruth(file: string, plan: CqcInspectionPlan): GroundTruthRecord {
  if (plan.full) return buildCqcFullReportTruth(file, plan, plan.full);
  const bullets = [...plan.reasons, ...plan.however];
  const findings: TruthFinding[] = bullets.map((b) => ({
    section: 'Summary',
    polarity: b.polarity,
    themes: [b.theme],
  }));
  const repeats: TruthRepeat[] = bullets.flatMap((b, i) =>
    b.repeat ? [{ finding: i, ...b.repeat, resolvableFromReport: false }] : [],
  );
  const notices = plan.warningNotices;
  return {
    file,
    family: 'cqc-location-summary',
    locationId: plan.location.id,
    providerId: plan.location.provider.id,
    location: describeLocation(plan),
    inspectionId: plan.id,
    type: 'routine',
    startDate: formatIso(plan.dates.start),
    endDate: formatIso(plan.dates.end),
    overallGrade: mapRatingToGrade(plan.rating),
    judgements: [],
    ratingDirection: plan.direction,
    history: [],
    requirements: [],
    recommendations: 0,
    findings,
    repeats,
    enforcement: notices
      ? [
          {
            type: 'warning-notice',
            count: notices.count,
            legalBasis: 'Section 29 of the Health and Social Care Act 2008',
            regulation: 'HSCA2008:29',
            issuedOn: null,
            complyBy: formatIso(notices.complyBy),
          },
        ]
      : [],
    people: [],
  };
}
