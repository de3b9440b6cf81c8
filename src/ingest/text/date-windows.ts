/**
 * Inspection windows that Ofsted prints as several visits or several days:
 * "8 July 2019 to 12 July 2019 and 7 August 2019 to 8 August 2019",
 * "30 September to 11 October 2024 and 13 to 16 January 2025",
 * "29 and 30 September, and 1 October 2020", "15, 16 and 21 July 2025".
 * A visit that leaves out its month or year takes them from the visit after it, as the printed
 * wording does. Returns null for anything it cannot read whole: no visit is dropped silently.
 */
import { collapseWhitespace } from './normalise.ts';
import {
  formatIsoDate,
  MONTH_NAMES,
  parseDateRange,
  parseMonthName,
  type DateRange,
} from './dates.ts';

/** Words that join visits or days: "and", "then", commas, semicolons, "&". */
const VISIT_SEPARATOR = /\s*(?:,\s*(?:and|then)\s+|[,;]\s*|\s+(?:and|then)\s+|\s*&\s*)/i;

/**
 * The whole window and, when it has more than one, its visits. Days that follow each other
 * ("29 and 30 September, and 1 October") are one visit, so a window printed as a list of
 * consecutive days has no `visits`.
 */
export function parseDateWindows(text: string): DateRange | null {
  const t = collapseWhitespace(text);
  const pieces = t.split(VISIT_SEPARATOR);
  if (pieces.length < 2) return parseDateRange(t);
  const visits: DateRange[] = [];
  for (let i = pieces.length - 1; i >= 0; i -= 1) {
    const next = visits[0] ?? null;
    const visit = parseVisitPiece(pieces[i]!, next);
    if (!visit || (next && visit.end >= next.start)) return parseDateRange(t);
    visits.unshift(visit);
  }
  const merged = mergeConsecutiveVisits(visits);
  const window = { start: merged[0]!.start, end: merged[merged.length - 1]!.end };
  return merged.length > 1 ? { ...window, visits: merged } : window;
}

/**
 * A window printed with no year at all ("on 13 and 14 July", in a letter dated 23 August 2021):
 * the latest such window that ends on or before `notAfter`, the date of the letter reporting it.
 */
export function parseYearlessDateWindows(text: string, notAfter: string): DateRange | null {
  if (/\b\d{4}\b/.test(text)) return null;
  const year = Number(notAfter.slice(0, 4));
  for (const candidate of [year, year - 1]) {
    const window = parseDateWindows(`${text} ${candidate}`);
    if (window && window.end <= notAfter) return window;
  }
  return null;
}

/** One visit: a range or a day, completed from the next visit when its month or year is left out. */
function parseVisitPiece(piece: string, next: DateRange | null): DateRange | null {
  const own = parseDateRange(piece);
  if (own) return own;
  if (!next || /\b\d{4}\b/.test(piece)) return null;
  const nextYear = Number(next.start.slice(0, 4));
  const hasMonth = piece.split(/[\s–—-]+/).some((word) => parseMonthName(word) !== null);
  if (!hasMonth) {
    const month = MONTH_NAMES[Number(next.start.slice(5, 7)) - 1]!;
    return parseDateRange(`${piece} ${month} ${nextYear}`);
  }
  const sameYear = parseDateRange(`${piece} ${nextYear}`);
  // "30 September to 11 October and 13 to 16 January 2025": the first visit is in the year before.
  return sameYear && sameYear.end >= next.start
    ? parseDateRange(`${piece} ${nextYear - 1}`)
    : sameYear;
}

function mergeConsecutiveVisits(visits: readonly DateRange[]): DateRange[] {
  const merged: DateRange[] = [];
  for (const visit of visits) {
    const last = merged[merged.length - 1];
    if (last && visit.start === addOneDay(last.end))
      merged[merged.length - 1] = { ...last, end: visit.end };
    else merged.push({ start: visit.start, end: visit.end });
  }
  return merged;
}

function addOneDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return formatIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())!;
}
