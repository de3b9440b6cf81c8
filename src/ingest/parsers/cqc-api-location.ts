/**
 * Parser for one CQC API location record (the JSON of `GET /locations/{id}` in the CQC's public
 * syndication API; see corpus/datasets/cqc_api_syndication_location_schema.json).
 *
 * Stages: parse the JSON (invalid JSON or a record that is not a location is refused) → read the
 * location, provider and registered people → read the ratings: the single-framework assessment,
 * the current rating, historic ratings and the report list that dates them → choose the latest
 * rated event as the inspection and make the rest history → turn the assessment's commentary into
 * findings, each quality statement's labelled with its id, name and score → compose the document.
 * Nothing here throws on an odd record: what is missing becomes a warning and a null.
 */
import type { Finding, ReportDocument, SourceInfo } from '../../model/document.ts';
import { DOCUMENT_SCHEMA_VERSION } from '../../model/document.ts';
import { normaliseLineEndings } from '../text/normalise.ts';
import { buildInspectionId, renumberDocumentIds } from './ids.ts';
import { WarningLog } from './warnings.ts';
import { readAssessment, type Assessment } from './cqc-api-location/assessment.ts';
import {
  buildHistory,
  InspectionChooser,
  type ChosenInspection,
  type DatedEvent,
} from './cqc-api-location/inspection-choice.ts';
import {
  isJsonObject,
  parseJsonText,
  readText,
  type JsonObject,
} from './cqc-api-location/json-values.ts';
import { readLocation, readPeople, readProvider } from './cqc-api-location/location.ts';
import {
  readCurrentRating,
  readHistoricRatings,
  readReportIndex,
  type RatedReport,
} from './cqc-api-location/ratings.ts';
import { JsonPointers } from './cqc-api-location/json-pointers.ts';
import { PositionFinder } from './cqc-api-location/source-positions.ts';

export const CQC_API_LOCATION_PARSER = { name: 'cqc-api-location', version: '1' } as const;

export type CqcApiRecordRead =
  | { ok: true; record: JsonObject }
  | { ok: false; code: 'invalid-json' | 'unrecognised-format'; reason: string };

/** The record of a JSON text, or why it is not a CQC API location record (one line). */
export function readCqcApiRecord(text: string): CqcApiRecordRead {
  const parsed = parseJsonText(text);
  if (!parsed.ok)
    return { ok: false, code: 'invalid-json', reason: `not valid JSON (${parsed.reason})` };
  if (!isJsonObject(parsed.value))
    return {
      ok: false,
      code: 'unrecognised-format',
      reason: 'JSON, but not one object: expected one CQC API location record',
    };
  const record = parsed.value;
  const isLocation =
    typeof record['locationId'] === 'string' ||
    readText(record['organisationType'])?.toLowerCase() === 'location';
  if (!isLocation)
    return {
      ok: false,
      code: 'unrecognised-format',
      reason: 'JSON, but not a CQC API location record (no locationId)',
    };
  return { ok: true, record };
}

function isSameReport(report: RatedReport, chosen: ChosenInspection): boolean {
  return report.reportLinkId !== null && report.reportLinkId === chosen.reportLinkId;
}

/**
 * The inspection and the rest as history: the later published of the assessment and the current
 * rating is the inspection (an assessment without a publication date is compared by its date).
 */
function chooseInspection(
  assessment: Assessment | null,
  current: RatedReport | null,
  historic: readonly RatedReport[],
  chooser: InspectionChooser,
): { chosen: ChosenInspection | null; events: (DatedEvent | null)[] } {
  const assessmentPublished = assessment ? (assessment.publishedOn ?? assessment.date) : null;
  const useAssessment =
    assessment !== null &&
    (current === null || (assessmentPublished ?? '') >= (current.reportDate ?? ''));
  const events: (DatedEvent | null)[] = [];
  let chosen: ChosenInspection | null;
  if (useAssessment) {
    chosen = chooser.fromAssessment(assessment);
    if (current) events.push(chooser.historyEvent(current));
  } else if (current) {
    chosen = chooser.fromCurrentRating(current);
    if (assessment) events.push(chooser.assessmentEvent(assessment));
  } else {
    chosen = chooser.fromLatestReport();
  }
  for (const report of historic) {
    if (chosen && isSameReport(report, chosen)) continue;
    events.push(chooser.historyEvent(report));
  }
  return { chosen, events };
}

function toFinding(draft: Assessment['findings'][number]): Finding {
  const finding: Finding = {
    id: '',
    text: draft.text,
    section: draft.section,
    polarity: draft.polarity,
    themes: [],
    citations: [],
    repeat: null,
    boilerplate: false,
    position: { ...draft.position },
  };
  if (draft.label) finding.label = { ...draft.label };
  return finding;
}

/** Parses the record of a JSON text already known to be one (see readCqcApiRecord). */
function parseRecord(record: JsonObject, text: string, source: SourceInfo): ReportDocument {
  const warnings = new WarningLog();
  const positions = new PositionFinder(text);
  const location = readLocation(record, text, positions, warnings);
  const provider = readProvider(record, positions, warnings);

  const reports = readReportIndex(record);
  const chooser = new InspectionChooser(reports, warnings, (linkId) =>
    positions.findString(linkId),
  );
  const assessment = readAssessment(record, positions, new JsonPointers(record), warnings);
  const current = readCurrentRating(record);
  const historic = readHistoricRatings(record);
  const { chosen, events } = chooseInspection(assessment, current, historic, chooser);
  const inspectionIdentity = chosen ?? { type: 'unknown' as const, startDate: null };

  if (!chosen)
    warnings.add(
      'missing-inspection',
      'the record has no assessment, rating or report: nothing dates an inspection',
      null,
    );
  if (!chosen?.startDate)
    warnings.add(
      'missing-inspection-date',
      chosen ? 'the latest rating event has no date' : 'no rating event to date',
      null,
    );
  if (!chosen?.overall)
    warnings.add('missing-overall-grade', 'no overall rating in the record', null);
  else if (!chosen.overall.grade)
    warnings.add(
      'unknown-grade',
      `overall rating "${chosen.overall.text}" is not a graded rating`,
      null,
    );

  const findings = (useFindingsOf(chosen) ? (assessment?.findings ?? []) : []).map(toFinding);
  if (assessment && !useFindingsOf(chosen)) {
    warnings.add(
      'older-assessment',
      'the assessment is undated or older than the current rating; its commentary belongs to another event and is not read',
      null,
    );
  }

  // A historic row for the inspection itself (same date and type) would be the same node twice.
  const inspectionId = buildInspectionId(
    location.id,
    inspectionIdentity.startDate,
    inspectionIdentity.type,
  );
  const history = buildHistory(
    location.id,
    events.filter((e) => e !== null),
    warnings,
  ).filter((h) => h.inspectionId !== inspectionId);

  const document: ReportDocument = {
    schemaVersion: DOCUMENT_SCHEMA_VERSION,
    source: { ...source },
    family: 'cqc-api-location',
    regulator: 'CQC',
    parser: { ...CQC_API_LOCATION_PARSER },
    provider,
    location,
    inspection: {
      id: '',
      type: inspectionIdentity.type,
      startDate: inspectionIdentity.startDate,
      endDate: null,
      framework: chosen?.framework ?? null,
      overallGrade: chosen?.overall?.grade ?? null,
      overallGradeText: chosen?.overall?.text ?? null,
      ratingDirection: null,
      publishedOn: chosen?.publishedOn ?? null,
    },
    judgements: chosen?.judgements ?? [],
    history,
    requirements: [],
    recommendations: [],
    enforcement: [],
    findings,
    people: readPeople(record),
    warnings: warnings.list(),
  };
  return renumberDocumentIds(document);
}

/** Commentary findings belong to the assessment, so only when the assessment is the inspection. */
function useFindingsOf(chosen: ChosenInspection | null): boolean {
  return chosen?.type === 'assessment';
}

/**
 * Parses one CQC API location record. Never throws. Callers that must refuse bad input use
 * readCqcApiLocation; this form returns an empty document with a warning for text that is not a
 * record, so a switch over report families can call it like any other parser.
 */
export function parseCqcApiLocation(input: string, source: SourceInfo): ReportDocument {
  const text = normaliseLineEndings(input);
  const read = readCqcApiRecord(text);
  if (read.ok) return parseRecord(read.record, text, source);
  const empty = parseRecord({}, text, source);
  return {
    ...empty,
    warnings: [{ code: read.code, message: read.reason, position: null }, ...empty.warnings],
  };
}

/** A CQC API location record as a document, or a one-line refusal. Never throws. */
export function readCqcApiLocation(
  input: string,
  source: SourceInfo,
):
  | { ok: true; document: ReportDocument }
  | { ok: false; code: 'invalid-json' | 'unrecognised-format'; message: string } {
  const text = normaliseLineEndings(input);
  const read = readCqcApiRecord(text);
  const name = (source.fileName || 'input').replace(/[\r\n]+/g, ' ');
  if (!read.ok) return { ok: false, code: read.code, message: `${name}: ${read.reason}` };
  return { ok: true, document: parseRecord(read.record, text, source) };
}
