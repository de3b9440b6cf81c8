import type { SourcePosition } from '../../../model/document.ts';
import type { DateRange } from '../../text/dates.ts';
import { parseYearlessDateWindows } from '../../text/date-windows.ts';
import { parseDate, parseMonthName } from '../../text/dates.ts';
import type { SourceLine } from '../../text/lines.ts';
import { cleanLine } from '../ofsted-la-common/clean-line.ts';
import { readDateRangeText, tidyDateText } from '../ofsted-la-common/fields.ts';

/**
 * The opening of a focused-visit letter, read as running text because its sentences wrap
 * anywhere: "Focused visit to Cambridgeshire County Council children's services", "This letter
 * summarises the findings of a focused visit to … on 13 and 14 March 2018. The inspectors were
 * …", "Inspectors looked at the local authority's arrangements for …".
 */
export interface JoinedText {
  text: string;
  /** Start of each line's text in `text`, with the line. */
  starts: ReadonlyArray<readonly [number, SourceLine]>;
}

export function joinLines(lines: readonly SourceLine[]): JoinedText {
  let text = '';
  const starts: Array<readonly [number, SourceLine]> = [];
  for (const line of lines) {
    const clean = cleanLine(line);
    if (clean === '') continue;
    if (text !== '') text += ' ';
    starts.push([text.length, line]);
    text += clean;
  }
  return { text, starts };
}

/** The source line a character of the joined text came from. */
export function lineAt(joined: JoinedText, at: number): SourceLine | null {
  let found: SourceLine | null = null;
  for (const [start, line] of joined.starts) {
    if (start > at) break;
    found = line;
  }
  return found;
}

/** "Focused visit to <LA> (local authority) children's services", as printed; the title may wrap. */
export function readVisitTitle(
  lines: readonly SourceLine[],
): { name: string; position: SourcePosition } | null {
  for (let i = 0; i < lines.length; i += 1) {
    const first = cleanLine(lines[i]!);
    if (!/^focused visit to\b/i.test(first)) continue;
    const title = /children'?s|children first/i.test(first)
      ? first
      : `${first} ${lines[i + 1] ? cleanLine(lines[i + 1]!) : ''}`;
    const m =
      /^focused visit to (?:the )?(.+?)(?: local authority)? children'?s (?:social care )?services\b/i.exec(
        title,
      ) ?? /^focused visit to (?:the )?(.+?)\s*$/i.exec(first);
    if (m) return { name: m[1]!.trim(), position: lines[i]!.position };
  }
  return null;
}

/**
 * The LA as the opening sentence names it, for a title that names none ("Focused visit to
 * children's services" above "…the focused visit to Camden children's services on …").
 */
export function readSentenceAuthorityName(joined: JoinedText): string | null {
  const m =
    /\bfindings of (?:a|the) focused visit to (?:the )?(.+?)(?: local authority)? children'?s (?:social care )?services\b/i.exec(
      joined.text,
    );
  return m ? m[1]!.trim() : null;
}

/**
 * "…a focused visit to … on 7 to 8 December 2021.", also "between 3 and 4 March 2021", "on the 15
 * and 16 of May 2018", "on 29 and 30 September, and 1 October 2020": the words after "on" that can
 * be part of a date, up to the end of the sentence or the first that cannot.
 */
const VISIT_DATES = /focused visit to .{0,160}? (on|between|from)(?: the)? (\d{1,2}\b[^.]{0,160})/i;

const CONNECTOR = /^(?:and|to|then|of|&|[-–—])$/i;

function isDateWord(word: string): boolean {
  return (
    /^\d{1,4}(?:st|nd|rd|th)?$/.test(word) ||
    /^\d{1,2}[-–—]\d{1,2}$/.test(word) ||
    CONNECTOR.test(word) ||
    parseMonthName(word) !== null
  );
}

/** The leading words of `text` that read as dates and their connectors, without a dangling connector. */
function takeDateWords(text: string): string {
  const kept: string[] = [];
  for (const word of text.trim().split(/\s+/)) {
    if (!isDateWord(word.replace(/,$/, ''))) break;
    kept.push(word);
  }
  while (kept.length > 0 && CONNECTOR.test(kept[kept.length - 1]!.replace(/,$/, ''))) kept.pop();
  return kept.join(' ').replace(/,$/, '');
}

export interface VisitDates {
  dates: DateRange | null;
  text: string | null;
  position: SourcePosition | null;
  /** The sentence gave no year; it was taken from the letter's date. */
  yearFromLetter: boolean;
}

/**
 * The visit dates from the letter's opening sentence. A sentence that gives no year ("on 13 and
 * 14 July", in a letter dated 23 August 2021) takes the latest such dates on or before `letterDate`.
 */
export function readVisitDates(joined: JoinedText, letterDate: string | null): VisitDates {
  const m = VISIT_DATES.exec(joined.text);
  if (!m) return { dates: null, text: null, position: null, yearFromLetter: false };
  const words = takeDateWords(m[2]!);
  // "between 3 and 5 November 2020" is one window, where "on 3 and 5 November" would be two days.
  const text = /^between$/i.test(m[1]!) ? words.replace(/ and /i, ' to ') : words;
  const line = lineAt(joined, m.index + m[0].length - m[2]!.length);
  const position = line ? { ...line.position } : null;
  const dates = readDateRangeText(text);
  if (dates || !letterDate) return { dates, text, position, yearFromLetter: false };
  const yearless = parseYearlessDateWindows(tidyDateText(text), letterDate);
  return { dates: yearless, text, position, yearFromLetter: yearless !== null };
}

/** The date the letter is dated, alone on a line at its top. */
export function readLetterDate(lines: readonly SourceLine[]): string | null {
  for (const line of lines.slice(0, 40)) {
    const text = cleanLine(line);
    if (/^\d{1,2} [A-Za-z]+ \d{4}$/.test(text)) return parseDate(tidyDateText(text));
    if (/^dear\b/i.test(text)) break;
  }
  return null;
}

/**
 * The sentence saying what was looked at: "Inspectors looked at the local authority's
 * arrangements for …" (also "evaluated", "reviewed", "considered", "The visit looked at"), but
 * not the one about the evidence ("Inspectors looked at a range of evidence").
 */
export function readAreaOfPractice(
  joined: JoinedText,
): { text: string; position: SourcePosition } | null {
  const m =
    /\b(?:Inspectors|The visit|This visit) (?:looked at|evaluated|reviewed|focused on|considered)(?! a range of evidence)\b[\s\S]*?[.!](?=\s+["'A-Z]|\s*$)/.exec(
      joined.text,
    );
  if (!m) return null;
  const line = lineAt(joined, m.index);
  if (!line) return null;
  // A bullet opening a line ends the sentence: when an extract lost its full stop, the list
  // after it is not part of the area of practice (and its "- " marker is not report text).
  const bullet = joined.starts.find(
    ([start]) =>
      start > m.index && start < m.index + m[0].length && joined.text.startsWith('- ', start),
  );
  const text = bullet ? joined.text.slice(m.index, bullet[0]).trimEnd() : m[0];
  return { text, position: { ...line.position } };
}
