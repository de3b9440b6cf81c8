/**
 * Dates as whole days since 1970-01-01 (UTC), so schedules are integer arithmetic, and the ways
 * reports print them: ISO for ids, "08/03/2022" in Ofsted tables, "8 March 2022" in prose.
 */

import { MONTH_NAMES } from '../ingest/text/dates.ts';

const MS_PER_DAY = 86_400_000;

export function buildDay(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

interface CalendarDate {
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

export function readDay(day: number): CalendarDate {
  const d = new Date(day * MS_PER_DAY);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function formatIso(day: number): string {
  const d = readDay(day);
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

/** "08/03/2022", as in the history and requirements tables. */
export function formatSlash(day: number): string {
  const d = readDay(day);
  return `${pad(d.day)}/${pad(d.month)}/${d.year}`;
}

/** "8 March 2022". */
export function formatLong(day: number): string {
  const d = readDay(day);
  return `${d.day} ${MONTH_NAMES[d.month - 1]} ${d.year}`;
}

/** "March 2022", the form repeat statements use for an earlier inspection. */
export function formatMonthYear(day: number): string {
  const d = readDay(day);
  return `${MONTH_NAMES[d.month - 1]} ${d.year}`;
}

export type RangeStyle = 'to' | 'ampersand' | 'and';

/**
 * An inspection's dates as reports print them: "10 May 2023", "23 to 24 July 2019",
 * "14 & 15 February 2023", "30 September to 2 October 2019", "28 December 2020 to 3 January 2021".
 */
export function formatDateRange(start: number, end: number, style: RangeStyle): string {
  if (start === end) return formatLong(start);
  const a = readDay(start);
  const b = readDay(end);
  if (a.year !== b.year) return `${formatLong(start)} to ${formatLong(end)}`;
  if (a.month !== b.month) return `${a.day} ${MONTH_NAMES[a.month - 1]} to ${formatLong(end)}`;
  const joiner = style === 'ampersand' ? '&' : style === 'and' ? 'and' : 'to';
  return `${a.day} ${joiner} ${formatLong(end)}`;
}

/** The first weekday (Monday to Thursday) on or after `day`: inspections start early in the week. */
export function findInspectionWeekday(day: number): number {
  let candidate = day;
  while (![1, 2, 3, 4].includes(readDay(candidate).weekday)) candidate += 1;
  return candidate;
}

/** Working days after `day`, skipping weekends. */
export function addWorkingDays(day: number, count: number): number {
  let current = day;
  let left = count;
  while (left > 0) {
    current += 1;
    const weekday = readDay(current).weekday;
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return current;
}
