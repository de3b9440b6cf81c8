/**
 * Every date a short piece of CQC report text names, for fields such as "Date of inspection
 * visit:" that list visits in many forms: one date per line ("19 October 2023" / "20 October
 * 2023"), ranges ("10 October 2017 to 28 March 2018", "30 September to 2 October 2019"), lists of
 * days sharing a month ("9, 10, 11 July 2014", "21 and 28 Sept 2014") and slash dates
 * ("09/01/2015"). A day and month without a year take the next year named after them.
 */
import { formatIsoDate, parseMonthName, parseSlashDate, type DateRange } from '../../text/dates.ts';
import { cleanInline } from '../../text/normalise.ts';

const DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
const DAY_LIST = String.raw`${DAY}(?:\s*(?:,|&|and|to|-|–|—)\s*${DAY})*`;
const MENTION = new RegExp(
  String.raw`(?<![\d/])(${DAY_LIST})\s+([A-Za-z]{3,9})\.?,?(?:\s+(\d{4}))?(?![\d/])|(?<![\d/])(\d{1,2}/\d{1,2}/\d{4})(?![\d/])`,
  'g',
);

interface Mention {
  days: number[];
  month: number;
  year: number | null;
}

function readDays(list: string): number[] {
  return [...list.matchAll(/\d{1,2}/g)].map((m) => Number(m[0]));
}

/** ISO dates named in `text`, sorted and without repeats; words that are not dates are skipped. */
export function readDateMentions(text: string): string[] {
  const clean = cleanInline(text);
  const mentions: Mention[] = [];
  const dates = new Set<string>();
  for (const m of clean.matchAll(MENTION)) {
    if (m[4]) {
      const slash = parseSlashDate(m[4]);
      if (slash) dates.add(slash);
      continue;
    }
    const month = parseMonthName(m[2]!);
    if (month === null) continue;
    mentions.push({ days: readDays(m[1]!), month, year: m[3] ? Number(m[3]) : null });
  }
  // A mention without a year takes the year of the next mention that has one
  // ("30 September to 2 October 2019"); a later month in the same year is the previous year's.
  let nextYear: number | null = null;
  let nextMonth: number | null = null;
  for (let i = mentions.length - 1; i >= 0; i -= 1) {
    const mention = mentions[i]!;
    if (mention.year !== null) {
      nextYear = mention.year;
      nextMonth = mention.month;
      continue;
    }
    if (nextYear === null) continue;
    mention.year = nextMonth !== null && mention.month > nextMonth ? nextYear - 1 : nextYear;
  }
  for (const mention of mentions) {
    if (mention.year === null) continue;
    for (const day of mention.days) {
      const iso = formatIsoDate(mention.year, mention.month, day);
      if (iso) dates.add(iso);
    }
  }
  return [...dates].sort();
}

/** First and last date named in `text`, or null when it names none. */
export function readDateSpan(text: string): DateRange | null {
  const dates = readDateMentions(text);
  return dates.length > 0 ? { start: dates[0]!, end: dates[dates.length - 1]! } : null;
}
