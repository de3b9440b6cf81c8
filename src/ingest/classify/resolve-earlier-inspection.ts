/**
 * Which earlier inspection a sentence refers to, resolved against the report's own inspection
 * history. Only references that pin down one history row resolve; anything else is null,
 * never a guess:
 * - "the inspection on 26 September 2018", "inspection of 20/02/2019": the row of that date;
 * - "the full inspection in September 2018": the one row of that month (and type, if named);
 * - "the previous inspection", "our last inspection": the latest row before this inspection
 *   (for an Ofsted children's home the last inspection listed, whatever its type), or the
 *   latest of the named type ("the previous full inspection");
 * - "the two previous inspections": the latest row, since the shortfall was present at each;
 * - "previous inspections" with no number: null, it does not say which.
 */
import type { HistoryEntry, InspectionType, ReportDocument } from '../../model/document.ts';
import { parseDate, parseMonthYear } from '../text/dates.ts';

type HistoryContext = Pick<ReportDocument, 'history' | 'inspection'>;

const TYPE_WORDS: Readonly<Record<string, InspectionType>> = {
  full: 'full',
  interim: 'interim',
  monitoring: 'monitoring',
  focused: 'focused',
  routine: 'routine',
};
const TYPE = String.raw`(?:(full|interim|monitoring|focused|routine|comprehensive|unannounced|announced)\s+)?`;
const ON_DATE = new RegExp(
  String.raw`\binspection\s+(?:on|of|dated|carried out on)\s+(\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\s+\d{4}|\d{1,2}/\d{1,2}/\d{4})`,
  'i',
);
const IN_MONTH = new RegExp(
  String.raw`\b${TYPE}inspection\s+(?:in|of|during|carried out in)\s+([a-z]+\s+\d{4})\b`,
  'i',
);
const MONTH_FIRST = new RegExp(String.raw`\b([a-z]+\s+\d{4})\s+${TYPE}inspection\b`, 'i');
const COUNTED = new RegExp(
  String.raw`\b(?:two|three|four|five|both|all|2|3|4|5)\s+(?:of\s+the\s+)?(?:previous|last|earlier|prior)\s+${TYPE}inspections\b`,
  'i',
);
const SINGULAR = new RegExp(
  String.raw`\b(?:the|our|its|this\s+service's)\s+(?:previous|last|most\s+recent|prior|earlier)\s+${TYPE}inspection\b(?!s)`,
  'i',
);

function typeOf(word: string | undefined): InspectionType | null {
  return word ? (TYPE_WORDS[word.toLowerCase()] ?? null) : null;
}

/** History rows before this inspection, latest first. */
function earlierRows(doc: HistoryContext): HistoryEntry[] {
  const before = doc.inspection.startDate;
  return doc.history
    .filter((row) => before === null || row.date < before)
    .sort((a, b) => b.date.localeCompare(a.date));
}

function only<T>(rows: readonly T[]): T | null {
  return rows.length === 1 ? rows[0]! : null;
}

function latest(rows: readonly HistoryEntry[], type: InspectionType | null): HistoryEntry | null {
  return rows.find((row) => type === null || row.type === type) ?? null;
}

function inMonth(
  rows: readonly HistoryEntry[],
  monthText: string,
  type: InspectionType | null,
): HistoryEntry | null {
  const month = parseMonthYear(monthText);
  if (!month) return null;
  const prefix = `${month.year}-${String(month.month).padStart(2, '0')}`;
  return only(
    rows.filter((row) => row.date.startsWith(prefix) && (type === null || row.type === type)),
  );
}

export function resolveEarlierInspection(sentence: string, doc: HistoryContext): string | null {
  const rows = earlierRows(doc);
  const onDate = ON_DATE.exec(sentence);
  if (onDate) {
    const date = parseDate(onDate[1]!);
    return date ? (only(rows.filter((row) => row.date === date))?.inspectionId ?? null) : null;
  }
  const month = IN_MONTH.exec(sentence);
  if (month) return inMonth(rows, month[2]!, typeOf(month[1]))?.inspectionId ?? null;
  const monthFirst = MONTH_FIRST.exec(sentence);
  if (monthFirst && parseMonthYear(monthFirst[1]!))
    return inMonth(rows, monthFirst[1]!, typeOf(monthFirst[2]))?.inspectionId ?? null;
  const counted = COUNTED.exec(sentence);
  if (counted) return latest(rows, typeOf(counted[1]))?.inspectionId ?? null;
  const singular = SINGULAR.exec(sentence);
  if (singular) return latest(rows, typeOf(singular[1]))?.inspectionId ?? null;
  return null;
}
