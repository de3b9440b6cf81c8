/**
 * Date wording found in Ofsted and CQC reports, turned into ISO `YYYY-MM-DD`.
 * Every function returns null for text it does not understand: callers record a warning,
 * never a guessed date.
 */
import type { InspectionVisit } from '../../model/document.ts';
import { collapseWhitespace } from './normalise.ts';

/** The months as reports print them, January first. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

export interface DateRange {
  start: string;
  end: string;
  /** Set only for a window split over separate visits (`parseDateWindows`), each in order. */
  visits?: InspectionVisit[];
}

/** Month number (1-12) for an English month name or abbreviation, else null. */
export function parseMonthName(name: string): number | null {
  return MONTHS[name.trim().toLowerCase().replace(/\.$/, '')] ?? null;
}

/** ISO date for year, month, day when they form a real calendar date, else null. */
export function formatIsoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return null;
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "20/02/2019" or "20/2/2019" (UK order). */
export function parseSlashDate(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  return formatIsoDate(Number(m[3]), Number(m[2]), Number(m[1]));
}

/** "20 February 2019", "1st March 2020". */
export function parseLongDate(text: string): string | null {
  const m = /^\s*(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const month = parseMonthName(m[2]!);
  return month === null ? null : formatIsoDate(Number(m[3]), month, Number(m[1]));
}

/** Any single date in the forms above. */
export function parseDate(text: string): string | null {
  return parseSlashDate(text) ?? parseLongDate(text);
}

/**
 * Inspection date ranges as printed:
 * "23 to 24 July 2019", "11 & 12 September 2023", "30 September to 2 October 2019",
 * "28 November 2018 to 3 December 2018", "11 and 12 September 2023", "12 July 2017",
 * "23–24 July 2019". A single date gives start = end.
 */
export function parseDateRange(text: string): DateRange | null {
  const t = collapseWhitespace(text);
  const single = parseLongDate(t) ?? parseSlashDate(t);
  if (single) return { start: single, end: single };

  const sep = String.raw`\s*(?:to|and|&|-|–|—)\s*`;
  const sameMonth = new RegExp(
    String.raw`^(\d{1,2})(?:st|nd|rd|th)?${sep}(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\s+(\d{4})$`,
  ).exec(t);
  if (sameMonth) {
    const month = parseMonthName(sameMonth[3]!);
    if (month === null) return null;
    const year = Number(sameMonth[4]);
    const start = formatIsoDate(year, month, Number(sameMonth[1]));
    const end = formatIsoDate(year, month, Number(sameMonth[2]));
    return start && end && start <= end ? { start, end } : null;
  }

  const twoDates = new RegExp(
    String.raw`^(\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+)(?:\s+(\d{4}))?${sep}(\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\s+(\d{4}))$`,
  ).exec(t);
  if (twoDates) {
    const end = parseLongDate(twoDates[3]!);
    if (!end) return null;
    let startYear = Number(twoDates[2] ?? twoDates[4]);
    let start = parseLongDate(`${twoDates[1]} ${startYear}`);
    // "28 December to 3 January 2020": the start is in the previous year.
    if (start && !twoDates[2] && start > end) {
      startYear -= 1;
      start = parseLongDate(`${twoDates[1]} ${startYear}`);
    }
    return start && start <= end ? { start, end } : null;
  }
  return null;
}

/** "September 2018" → { year: 2018, month: 9 }. */
export function parseMonthYear(text: string): { year: number; month: number } | null {
  const m = /^\s*([A-Za-z]+)\s+(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const month = parseMonthName(m[1]!);
  return month === null ? null : { year: Number(m[2]), month };
}
