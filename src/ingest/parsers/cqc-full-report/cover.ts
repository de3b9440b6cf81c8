/**
 * The cover page of a CQC inspection report: provider and location names, the location's
 * address, visit and publication dates, and the CQC ids when printed.
 *
 * The cover reads, one item a line: provider name, location name, "Inspection report" (or
 * "Quality Report"), the address lines, "Tel:" and "Website:", then "Date of inspection visit:"
 * with the visit dates on the following lines and "Date of publication:" with one date. Older
 * extractions run the whole cover into one line; the dates are read from the text so both work.
 */
import type { SourcePosition } from '../../../model/document.ts';
import type { DateRange } from '../../text/dates.ts';
import { isBlankLine, type SourceLine } from '../../text/lines.ts';
import { cleanInline } from '../../text/normalise.ts';
import { readDateMentions, readDateSpan } from './date-mentions.ts';

export interface Located<T> {
  value: T;
  position: SourcePosition;
}

export interface Cover {
  providerName: Located<string> | null;
  locationName: Located<string> | null;
  address: string | null;
  visit: Located<DateRange> | null;
  /** The visit wording when it names no date the parser understands. */
  unreadVisit: Located<string> | null;
  published: Located<string> | null;
  unreadPublished: Located<string> | null;
  locationId: string | null;
  providerId: string | null;
  /** Whether the text calls the event an assessment ("Date of assessment:"). */
  assessment: boolean;
}

/** The cover is the first page; a title line later than this is some other "report" mention. */
const COVER_LINES = 40;
const TITLE = /^(?:inspection|quality) report$/i;
const VISIT_LABEL = /\bdate (?:of|s of) (inspection visits?|inspections?|assessment|visits?)\s*:?/i;
const PUBLICATION_LABEL = /\bdate of publication\s*:?/i;
const VISIT_END =
  /\bdate of publication\b|\boverall rating\b|\bratings\b|\bthis report\b|\bwe plan\b|\bwe inspected\b|\bduring an? /i;
const CONTACT = /^(?:tel|telephone|website|web|email|e-mail)\b\s*:?/i;

function lineOfOffset(lines: readonly SourceLine[], offset: number): SourceLine | null {
  let found: SourceLine | null = null;
  for (const line of lines) {
    if (line.position.offset > offset) break;
    found = line;
  }
  return found;
}

/** Names before the title line, the address after it; nothing when the cover has no title line. */
function readCoverBlock(
  lines: readonly SourceLine[],
  noise: ReadonlySet<number>,
): Pick<Cover, 'providerName' | 'locationName' | 'address'> {
  const cover = lines.slice(0, COVER_LINES).filter((l) => !noise.has(l.index) && !isBlankLine(l));
  const titleAt = cover.findIndex((l) => TITLE.test(cleanInline(l.text)));
  if (titleAt === -1) return { providerName: null, locationName: null, address: null };
  const names = cover.slice(0, titleAt).filter((l) => !VISIT_LABEL.test(l.text));
  const located = names.map((l) => ({ value: cleanInline(l.text), position: { ...l.position } }));
  const address: string[] = [];
  for (const line of cover.slice(titleAt + 1)) {
    // Layout-keeping extractions put the dates in a second column beside the address.
    const text = cleanInline(line.text.split('\t')[0] ?? '');
    if (
      VISIT_LABEL.test(text) ||
      PUBLICATION_LABEL.test(text) ||
      /^(?:overall rating|ratings)\b/i.test(text)
    )
      break;
    if (CONTACT.test(text) || text === '') continue;
    address.push(text.replace(/,$/, ''));
  }
  return {
    // Two name lines: provider above, location below. One: it names the location.
    providerName: located.length >= 2 ? located[0]! : null,
    locationName: located.length >= 1 ? located[located.length - 1]! : null,
    address: address.length > 0 ? address.join(', ') : null,
  };
}

function readVisit(
  text: string,
  lines: readonly SourceLine[],
): Pick<Cover, 'visit' | 'unreadVisit' | 'assessment'> {
  const label = VISIT_LABEL.exec(text);
  if (!label) return { visit: null, unreadVisit: null, assessment: false };
  const after = text.slice(label.index + label[0].length, label.index + label[0].length + 240);
  const end = VISIT_END.exec(after);
  const wording = after.slice(0, end ? end.index : after.length);
  const position = { ...(lineOfOffset(lines, label.index)?.position ?? { offset: 0, line: 1 }) };
  const span = readDateSpan(wording);
  const assessment = /assessment/i.test(label[1]!);
  if (span) return { visit: { value: span, position }, unreadVisit: null, assessment };
  return {
    visit: null,
    unreadVisit: { value: cleanInline(wording).slice(0, 80), position },
    assessment,
  };
}

function readPublished(
  text: string,
  lines: readonly SourceLine[],
): Pick<Cover, 'published' | 'unreadPublished'> {
  const label = PUBLICATION_LABEL.exec(text);
  if (!label) return { published: null, unreadPublished: null };
  const after = text.slice(label.index + label[0].length, label.index + label[0].length + 40);
  const position = { ...(lineOfOffset(lines, label.index)?.position ?? { offset: 0, line: 1 }) };
  // One date follows the label; reading further would pick up the first page's text.
  const firstLine = cleanInline(after.replace(/^\s*\n/, '').split('\n')[0] ?? '');
  const date = readDateMentions(firstLine.slice(0, 24))[0] ?? null;
  if (date) return { published: { value: date, position }, unreadPublished: null };
  return { published: null, unreadPublished: { value: firstLine.slice(0, 40), position } };
}

function readPrintedId(text: string, label: RegExp): string | null {
  const m = label.exec(text);
  return m ? m[1]! : null;
}

/**
 * The name on page 1 of an extraction that ran the cover into one line: "1 Lancashire Teaching
 * Hospitals NHS Foundation Trust Quality Report Sharoe Green Lane, …".
 */
function readRunTogetherName(lines: readonly SourceLine[]): Located<string> | null {
  for (const line of lines.slice(0, COVER_LINES)) {
    const m = /^\s*1\s+(.{2,120}?)\s+(?:quality|inspection)\s+report\b/i.exec(
      cleanInline(line.text),
    );
    if (m) return { value: m[1]!, position: { ...line.position } };
  }
  return null;
}

export function readCover(
  text: string,
  lines: readonly SourceLine[],
  noise: ReadonlySet<number>,
): Cover {
  const block = readCoverBlock(lines, noise);
  return {
    ...block,
    locationName: block.locationName ?? readRunTogetherName(lines),
    ...readVisit(text, lines),
    ...readPublished(text, lines),
    locationId: readPrintedId(text, /\blocation id\s*:?\s*(1-\d{3,12})\b/i),
    providerId: readPrintedId(text, /\bprovider id\s*:?\s*(1-\d{3,12})\b/i),
  };
}
