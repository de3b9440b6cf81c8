import type { SourcePosition } from '../../../model/document.ts';
import { parseDateWindows } from '../../text/date-windows.ts';
import { parseDate, type DateRange } from '../../text/dates.ts';
import type { SourceLine } from '../../text/lines.ts';
import type { WarningLog } from '../warnings.ts';
import { cleanLine } from './clean-line.ts';

export interface LabelledValue {
  value: string;
  /** The value with the next line appended, for values that wrap ("27 September to" / "8 October 2021"). */
  wrapped: string;
  position: SourcePosition;
}

/** Labels that end the value before them when an extractor runs two fields into one line. */
const NEXT_LABEL =
  /\s+(?:report published|published|lead inspectors?|inspection dates?|dates? of previous inspection)\s*:.*$/i;

/**
 * The first "<label>: value" in the text: at the start of a line (the colon may then be missing,
 * as in "Reporting inspector Gary Lamb HMI"), or after other text with its colon, for extractors
 * that run the title and the dates into one line ("…and care leavers Inspection date: 13 March
 * 2017 to 24 March 2017"). The value stops at the next label on the line.
 */
export function readLabelledValue(
  lines: readonly SourceLine[],
  label: RegExp,
): LabelledValue | null {
  const atStart = new RegExp(`^(?:${label.source})\\s*:?\\s*(.*)$`, 'i');
  const inside = new RegExp(`\\b(?:${label.source})\\s*:\\s*(.*)$`, 'i');
  for (let i = 0; i < lines.length; i += 1) {
    const text = cleanLine(lines[i]!);
    const m = atStart.exec(text) ?? inside.exec(text);
    if (!m) continue;
    const value = m[1]!.replace(NEXT_LABEL, '').trim();
    const next = lines[i + 1] ? cleanLine(lines[i + 1]!) : '';
    return {
      value,
      wrapped: next ? `${value} ${next}`.trim() : value,
      position: lines[i]!.position,
    };
  }
  return null;
}

/**
 * Inspection dates from their labelled line, "Inspection date(s): 8 – 12 July 2013", reading the
 * next line too when the range wraps. Missing or unreadable dates are warnings.
 */
export function readInspectionDates(
  lines: readonly SourceLine[],
  warnings: WarningLog,
): DateRange | null {
  const field = readLabelledValue(lines, /inspection dates?/);
  if (!field) {
    warnings.add('missing-inspection-date', 'no "Inspection dates:" line', null);
    return null;
  }
  // A second visit wrapped onto the next line ("… 12 July 2019" / "and 7 August 2019 to …")
  // would otherwise be lost behind a first visit that reads on its own.
  const continues = /^\s*(?:,|;|&|and\b|then\b)/i.test(field.wrapped.slice(field.value.length));
  const dates = continues
    ? (readDateRangeText(field.wrapped) ?? readDateRangeText(field.value))
    : (readDateRangeText(field.value) ?? readDateRangeText(field.wrapped));
  if (!dates)
    warnings.add(
      'unparsed-date',
      `inspection dates "${field.value}" not understood`,
      field.position,
    );
  return dates;
}

/** A single labelled date ("Report published: 29 March 2016"), or null. */
export function readLabelledDate(lines: readonly SourceLine[], label: RegExp): string | null {
  const field = readLabelledValue(lines, label);
  return field ? parseDate(tidyDateText(field.value)) : null;
}

/**
 * A date range as LA reports print it: the forms parseDateRange reads, windows split over several
 * visits (parseDateWindows), and also slash dates ("12/09/2016 to 06/10/2016", "1/06/2015 –
 * 25/06/2015") and a box-drawing dash as separator.
 */
export function readDateRangeText(text: string): DateRange | null {
  const tidy = tidyDateText(text).replace(/\u2500/g, '–');
  const range = parseDateWindows(tidy);
  if (range) return range;
  const parts = tidy.split(/\s*(?:\bto\b|–|—|\s-\s|-(?=\s*\d{1,2}\/))\s*/);
  if (parts.length !== 2) return null;
  const start = parseDate(parts[0]!);
  const end = parseDate(parts[1]!);
  return start && end && start <= end ? { start, end } : null;
}

/**
 * Leading zeros ("02 March 2020"), "the 15 and 16 of May 2018" and stray trailing full stops do
 * not change a date.
 */
export function tidyDateText(text: string): string {
  return text
    .replace(/^\s*the\s+(?=\d)/i, '')
    .replace(/\b(\d{1,2}(?:st|nd|rd|th)?) of (?=[A-Za-z])/g, '$1 ')
    .replace(/\b0(\d)\b/g, '$1')
    .replace(/[.,;]+$/, '')
    .trim();
}
