/**
 * The ground truth of a synthetic corpus: one JSON line per report saying what the report
 * states, taken from the plan it was written from (never from parsing it), so the check can
 * hold the real parsers to it.
 */
import type {
  EnforcementType, Grade, InspectionType, Polarity, RatingDirection, ReportFamily,
} from '../ingest/document.ts';
import { formatIso } from './calendar.ts';
import type { CqcInspectionPlan } from './cqc-plan.ts';
import { LEADERSHIP_AREA, OVERALL_AREA, PROTECTION_AREA, type ThemeId } from './data/themes.ts';
import type { OfstedInspectionPlan } from './ofsted-plan.ts';
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
   * Whether the report itself holds what resolves it: an Ofsted history table does; a CQC
   * summary has no history, so the parser can only leave `refersTo` null.
   */
  resolvableFromReport: boolean;
}

export interface TruthRequirement {
  regulation: string;
  paragraphs: string;
  dueDate: string;
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

function describeLocation(plan: OfstedInspectionPlan | CqcInspectionPlan): GroundTruthRecord['location'] {
  const { location } = plan;
  return { name: location.name, region: location.localAuthority.region, localAuthority: location.localAuthority.name, capacity: location.capacity };
}

export function buildOfstedTruth(file: string, plan: OfstedInspectionPlan): GroundTruthRecord {
  const findings: TruthFinding[] = [{ section: 'Headline', polarity: null, themes: [] }];
  const repeats: TruthRepeat[] = [];
  for (const paragraph of plan.paragraphs) {
    if (paragraph.repeat) repeats.push({ finding: findings.length, ...paragraph.repeat, resolvableFromReport: true });
    findings.push({ section: paragraph.area, polarity: paragraph.polarity, themes: [paragraph.theme] });
  }
  return {
    file,
    family: 'ofsted-childrens-home',
    locationId: plan.location.id,
    providerId: plan.location.provider.id,
    location: describeLocation(plan),
    inspectionId: plan.id,
    type: 'full',
    startDate: formatIso(plan.dates.start),
    endDate: formatIso(plan.dates.end),
    overallGrade: mapRatingToGrade(plan.overall),
    judgements: [
      { area: OVERALL_AREA, grade: mapRatingToGrade(plan.overall) },
      { area: PROTECTION_AREA, grade: mapRatingToGrade(plan.protection) },
      { area: LEADERSHIP_AREA, grade: mapRatingToGrade(plan.leadership) },
    ],
    ratingDirection: null,
    history: plan.history.map((h) => ({ inspectionId: h.id, grade: mapRatingToGrade(h.rating) })),
    requirements: plan.requirements.map((r) => ({
      regulation: r.breach.number,
      paragraphs: r.wording.paragraphs,
      dueDate: formatIso(plan.dueDate),
      complianceNotice: r.complianceNotice,
    })),
    recommendations: plan.recommendations.length,
    findings,
    repeats,
    enforcement: plan.enforcementSinceLast.map((n) => ({
      type: 'compliance-notice',
      count: 1,
      legalBasis: null,
      regulation: `CHR2015:${n.regulation}`,
      issuedOn: formatIso(n.issuedOn),
      complyBy: null,
    })),
    people: [
      { role: 'responsible individual', name: plan.location.provider.responsibleIndividual },
      { role: 'registered manager', name: plan.registeredManager },
      { role: 'inspector', name: plan.inspector },
    ],
  };
}

export function buildCqcTruth(file: string, plan: CqcInspectionPlan): GroundTruthRecord {
  const bullets = [...plan.reasons, ...plan.however];
  const findings: TruthFinding[] = bullets.map((b) => ({ section: 'Summary', polarity: b.polarity, themes: [b.theme] }));
  const repeats: TruthRepeat[] = bullets.flatMap((b, i) => (b.repeat ? [{ finding: i, ...b.repeat, resolvableFromReport: false }] : []));
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
      ? [{
        type: 'warning-notice',
        count: notices.count,
        legalBasis: 'Section 29 of the Health and Social Care Act 2008',
        regulation: 'HSCA2008:29',
        issuedOn: null,
        complyBy: formatIso(notices.complyBy),
      }]
      : [],
    people: [],
  };
}
