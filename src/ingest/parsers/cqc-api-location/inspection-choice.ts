/**
 * Which rating event a CQC API location record is "the inspection" of, and which become history.
 *
 * A record carries up to three kinds of rating event: a single-framework assessment, the current
 * rating (from an inspection report) and historic ratings. The latest published of the first two
 * is the document's inspection; everything else dated becomes a history row. Inspections are
 * dated by their first site visit (`reports[].firstVisitDate`), as report texts date them, so a
 * history row and the report of the same inspection meet on one id; a report missing from
 * `reports[]` is dated by its publication date, with a warning.
 *
 * The API names no kind of inspection (`reports[].reportType` is "Location"), but it records
 * which key questions each report rated: a current rating names the report behind each key
 * question's rating, carried over from an earlier report when that one did not look at it, and a
 * historic rating lists only the key questions its report rated. All five rated is a
 * comprehensive inspection (`full`, as the full reports call it); some is a focused one. Both
 * forms give the same type for one report, so a current rating that later becomes a historic one
 * keeps its inspection id.
 */
import type {
  Grade,
  HistoryEntry,
  InspectionType,
  Judgement,
  SourcePosition,
} from '../../../model/document.ts';
import { buildInspectionId } from '../ids.ts';
import type { WarningLog } from '../warnings.ts';
import type { Assessment } from './assessment.ts';
import type { RatedReport, RatingValue, ReportRef } from './ratings.ts';

/** Area name of the overall rating among the judgements. */
export const OVERALL_AREA = 'Overall';

export const ASSESSMENT_FRAMEWORK = 'CQC single assessment framework';

export interface ChosenInspection {
  type: InspectionType;
  startDate: string | null;
  publishedOn: string | null;
  framework: string | null;
  overall: RatingValue | null;
  judgements: Judgement[];
  /** `reports[]` link id of the chosen report, so its historic row is not repeated. */
  reportLinkId: string | null;
}

/** A rating event that can be a history row. */
export interface DatedEvent {
  date: string;
  type: InspectionType;
  typeText: string;
  grade: Grade | null;
  gradeText: string;
}

const KEY_QUESTION_COUNT = 5;

/** Key questions the report itself rated; "No published rating" is no rating. */
function ratedKeyQuestions(report: RatedReport): number {
  const names = new Set<string>();
  for (const kq of report.keyQuestions) {
    const ownReport =
      kq.reportLinkId === null
        ? !/^no published rating$/i.test(kq.rating.text)
        : kq.reportLinkId === report.reportLinkId;
    if (ownReport) names.add(kq.name.toLowerCase());
  }
  return names.size;
}

/** The inspection type a rated report's key questions show, with the words that say so. */
export function typeOfRatedReport(report: RatedReport): { type: InspectionType; typeText: string } {
  const rated = ratedKeyQuestions(report);
  if (rated >= KEY_QUESTION_COUNT) return { type: 'full', typeText: 'all key questions rated' };
  if (rated > 0)
    return { type: 'focused', typeText: `${rated} of ${KEY_QUESTION_COUNT} key questions rated` };
  return { type: 'unknown', typeText: '' };
}

function toJudgement(area: string, rating: RatingValue): Judgement {
  return { area, grade: rating.grade, gradeText: rating.text };
}

export class InspectionChooser {
  constructor(
    private readonly reports: ReadonlyMap<string, ReportRef>,
    private readonly warnings: WarningLog,
    private readonly positionOfLink: (linkId: string) => SourcePosition | null,
  ) {}

  /** First visit of a report, else its publication date (warned), else null. */
  visitDate(linkId: string | null, reportDate: string | null): string | null {
    const visit = linkId ? (this.reports.get(linkId)?.firstVisitDate ?? null) : null;
    if (visit) return visit;
    if (reportDate) {
      this.warnings.add(
        'visit-date-unknown',
        `report ${linkId ?? '(no link id)'} has no first visit date; dated by its publication date ${reportDate}`,
        linkId ? this.positionOfLink(linkId) : null,
      );
    }
    return reportDate;
  }

  fromAssessment(assessment: Assessment): ChosenInspection {
    const judgements = assessment.keyQuestions.map((kq) => toJudgement(kq.name, kq.rating));
    return {
      type: 'assessment',
      startDate: assessment.date,
      publishedOn: assessment.publishedOn,
      framework: ASSESSMENT_FRAMEWORK,
      overall: assessment.overall,
      judgements: assessment.overall
        ? [toJudgement(OVERALL_AREA, assessment.overall), ...judgements]
        : judgements,
      reportLinkId: null,
    };
  }

  /**
   * The current rating as an inspection. Key-question ratings carried over from an earlier report
   * (the CQC keeps a key question's last rating when an inspection does not look at it) are not
   * judgements of this inspection: they are left out, with a warning naming their report.
   */
  fromCurrentRating(current: RatedReport): ChosenInspection {
    const judgements: Judgement[] = [];
    for (const kq of current.keyQuestions) {
      if (kq.reportLinkId && current.reportLinkId && kq.reportLinkId !== current.reportLinkId) {
        this.warnings.add(
          'rating-from-earlier-report',
          `${kq.name} rating "${kq.rating.text}" is from the report of ${kq.reportDate ?? 'an earlier date'}, not this inspection; left out`,
          this.positionOfLink(kq.reportLinkId),
        );
        continue;
      }
      judgements.push(toJudgement(kq.name, kq.rating));
    }
    return {
      type: typeOfRatedReport(current).type,
      startDate: this.visitDate(current.reportLinkId, current.reportDate),
      publishedOn: current.reportDate,
      framework: null,
      overall: current.overall,
      judgements: current.overall
        ? [toJudgement(OVERALL_AREA, current.overall), ...judgements]
        : judgements,
      reportLinkId: current.reportLinkId,
    };
  }

  /** The latest report of `reports[]` when the record has no rating at all. */
  fromLatestReport(): ChosenInspection | null {
    const latest = [...this.reports.values()]
      .filter((r) => r.reportDate)
      .sort((a, b) => b.reportDate!.localeCompare(a.reportDate!))[0];
    if (!latest) return null;
    return {
      type: 'unknown',
      startDate: this.visitDate(latest.linkId, latest.reportDate),
      publishedOn: latest.reportDate,
      framework: null,
      overall: null,
      judgements: [],
      reportLinkId: latest.linkId,
    };
  }

  /** A rated report as a history event, or null when it cannot be dated. */
  historyEvent(report: RatedReport): DatedEvent | null {
    const date = this.visitDate(report.reportLinkId, report.reportDate);
    if (!date) {
      this.warnings.add(
        'undated-history',
        `a historic rating (${report.overall?.text ?? 'no rating'}) has no date; skipped`,
        null,
      );
      return null;
    }
    return {
      date,
      ...typeOfRatedReport(report),
      grade: report.overall?.grade ?? null,
      gradeText: report.overall?.text ?? '',
    };
  }

  assessmentEvent(assessment: Assessment): DatedEvent | null {
    if (!assessment.date) return null;
    return {
      date: assessment.date,
      type: 'assessment',
      typeText: 'assessment',
      grade: assessment.overall?.grade ?? null,
      gradeText: assessment.overall?.text ?? '',
    };
  }
}

/** History rows, latest first, one per date and type; repeats are reported. */
export function buildHistory(
  locationId: string,
  events: readonly DatedEvent[],
  warnings: WarningLog,
): HistoryEntry[] {
  const rows: HistoryEntry[] = [];
  const seen = new Set<string>();
  for (const event of [...events].sort((a, b) => b.date.localeCompare(a.date))) {
    const inspectionId = buildInspectionId(locationId, event.date, event.type);
    if (seen.has(inspectionId)) {
      warnings.add(
        'duplicate-history',
        `two historic ratings for ${event.date}; kept the first`,
        null,
      );
      continue;
    }
    seen.add(inspectionId);
    rows.push({ inspectionId, ...event });
  }
  return rows;
}
