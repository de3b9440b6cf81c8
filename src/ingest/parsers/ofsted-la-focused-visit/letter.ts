import type { SourcePosition } from '../../../model/document.ts';
import type { DateRange } from '../../text/dates.ts';
import { parseDate } from '../../text/dates.ts';
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

const DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
const VISIT_DATES = new RegExp(
  String.raw`focused visit to .{0,160}? on (${DAY}(?: [A-Za-z]+(?: \d{4})?)? ?(?:and|to|&|-|–) ?${DAY} [A-Za-z]+ \d{4}|${DAY} [A-Za-z]+ \d{4})`,
  'i',
);

/** The visit dates from "…a focused visit to … on 7 to 8 December 2021." */
export function readVisitDates(joined: JoinedText): {
  dates: DateRange | null;
  text: string | null;
  position: SourcePosition | null;
} {
  const m = VISIT_DATES.exec(joined.text);
  if (!m) return { dates: null, text: null, position: null };
  const line = lineAt(joined, m.index + m[0].length - m[1]!.length);
  return {
    dates: readDateRangeText(m[1]!),
    text: m[1]!,
    position: line ? { ...line.position } : null,
  };
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
 * arrangements for …" (also "evaluated", "reviewed", "The visit looked at"), but not the one about
 * the evidence ("Inspectors looked at a range of evidence").
 */
export function readAreaOfPractice(
  joined: JoinedText,
): { text: string; position: SourcePosition } | null {
  const m =
    /\b(?:Inspectors|The visit|This visit) (?:looked at|evaluated|reviewed|focused on)(?! a range of evidence)\b[\s\S]*?[.!](?=\s+["'A-Z]|\s*$)/.exec(
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
