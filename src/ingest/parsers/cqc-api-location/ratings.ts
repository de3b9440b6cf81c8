/**
 * Ratings of a CQC API location record before the single assessment framework: the current
 * rating (overall and per key question, each naming the report it came from), the historic
 * ratings, and the list of reports that dates each one's visit.
 */
import type { Grade } from '../../../model/document.ts';
import { formatIsoDate } from '../../text/dates.ts';
import { readGrade } from '../../text/grades.ts';
import { cleanInline } from '../../text/normalise.ts';
import { readField, readObjects, readText, type Json, type JsonObject } from './json-values.ts';

/** "2024-05-10" or "2024-05-10 07:42:57" / "2024-05-10T07:42:57Z" → "2024-05-10"; else null. */
export function readIsoDate(value: Json | undefined): string | null {
  const text = readText(value);
  const m = text ? /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(text) : null;
  return m ? formatIsoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

export interface RatingValue {
  /** The rating as recorded, e.g. `Requires improvement`, `Regulations met`. */
  text: string;
  grade: Grade | null;
}

export function readRating(value: Json | undefined): RatingValue | null {
  const text = readText(value);
  return text ? { text: cleanInline(text), grade: readGrade(text) } : null;
}

export interface ReportRef {
  linkId: string;
  reportDate: string | null;
  firstVisitDate: string | null;
}

/** `reports[]` by link id: each report's publication date and first visit date. */
export function readReportIndex(record: JsonObject): Map<string, ReportRef> {
  const index = new Map<string, ReportRef>();
  for (const report of readObjects(record['reports'])) {
    const linkId = readText(report['linkId']);
    if (!linkId || index.has(linkId)) continue;
    index.set(linkId, {
      linkId,
      reportDate: readIsoDate(report['reportDate']),
      firstVisitDate: readIsoDate(report['firstVisitDate']),
    });
  }
  return index;
}

export interface KeyQuestionRating {
  name: string;
  rating: RatingValue;
  /** The report the rating was given in, when the record says; current ratings carry it. */
  reportLinkId: string | null;
  reportDate: string | null;
}

export interface RatedReport {
  reportLinkId: string | null;
  reportDate: string | null;
  overall: RatingValue | null;
  keyQuestions: KeyQuestionRating[];
}

function readKeyQuestions(overall: Json | undefined): KeyQuestionRating[] {
  const ratings: KeyQuestionRating[] = [];
  for (const item of readObjects(readField(overall, 'keyQuestionRatings'))) {
    const name = readText(item['name']);
    const rating = readRating(item['rating']);
    if (!name || !rating) continue;
    ratings.push({
      name: cleanInline(name),
      rating,
      reportLinkId: readText(item['reportLinkId']),
      reportDate: readIsoDate(item['reportDate']),
    });
  }
  return ratings;
}

/** `currentRatings.overall`, or null when the record has no current rating. */
export function readCurrentRating(record: JsonObject): RatedReport | null {
  const current = record['currentRatings'];
  const overall = readField(current, 'overall');
  if (overall === undefined || overall === null) return null;
  return {
    reportLinkId: readText(readField(overall, 'reportLinkId')),
    reportDate:
      readIsoDate(readField(overall, 'reportDate')) ??
      readIsoDate(readField(current, 'reportDate')),
    overall: readRating(readField(overall, 'rating')),
    keyQuestions: readKeyQuestions(overall),
  };
}

/** `historicRatings[]`, in the record's order. */
export function readHistoricRatings(record: JsonObject): RatedReport[] {
  return readObjects(record['historicRatings']).map((item) => ({
    reportLinkId: readText(item['reportLinkId']),
    reportDate: readIsoDate(item['reportDate']),
    overall: readRating(readField(item['overall'], 'rating')),
    keyQuestions: readKeyQuestions(item['overall']),
  }));
}
