/**
 * What the PDF prints on every page rather than in the report's flow: the running header
 * "7 Arreta Care Limited Inspection report 14 November 2023" (page number, location name, report
 * kind, publication date), bare page numbers, and the rating a key question's first page shows in
 * its margin ("Good" alone on a line). The header also says which location the report is about.
 */
import { readGrade } from '../../text/grades.ts';
import type { SourceLine } from '../../text/lines.ts';
import { cleanInline, isPageNumberLine } from '../../text/normalise.ts';
import { readDateMentions } from './date-mentions.ts';

const HEADER =
  /^(?:(\d{1,3})\s+)?(.{2,160}?)\s+(?:inspection|quality)\s+report\s+(\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{4})$/i;

export interface RunningHeader {
  /** The location (or trust) the report is about, as the header prints it. */
  name: string;
  /** The date the header prints: the report's publication date. */
  date: string | null;
}

export interface PageFurniture {
  header: RunningHeader | null;
  /** Indices of lines that are page furniture, not report text. */
  noise: Set<number>;
}

function readHeaderLine(text: string): { page: string | null; name: string; date: string } | null {
  const m = HEADER.exec(cleanInline(text));
  return m ? { page: m[1] ?? null, name: m[2]!.trim(), date: m[3]! } : null;
}

/**
 * Finds the running header (the header line that repeats, or the numbered one on page 1) and
 * marks every copy of it, every bare page number and every lone grade word as noise. A lone
 * grade is only noise once the cover's rating lines are past: on the cover, grades sit beside
 * their labels, and the parser reads those itself.
 */
export function findPageFurniture(lines: readonly SourceLine[]): PageFurniture {
  const counts = new Map<
    string,
    { count: number; name: string; date: string; numbered: boolean }
  >();
  for (const line of lines) {
    const header = readHeaderLine(line.text);
    if (!header) continue;
    const key = `${header.name}\u0000${header.date}`.toLowerCase();
    const entry = counts.get(key) ?? {
      count: 0,
      name: header.name,
      date: header.date,
      numbered: false,
    };
    entry.count += 1;
    entry.numbered ||= header.page !== null;
    counts.set(key, entry);
  }
  const best =
    [...counts.values()]
      .filter((e) => e.count > 1 || e.numbered)
      .sort((a, b) => b.count - a.count)[0] ?? null;
  const noise = new Set<number>();
  for (const line of lines) {
    const header = readHeaderLine(line.text);
    if (
      best &&
      header &&
      header.name.toLowerCase() === best.name.toLowerCase() &&
      header.date.toLowerCase() === best.date.toLowerCase()
    ) {
      noise.add(line.index);
    } else if (isPageNumberLine(line.text) && line.text.trim() !== '') {
      noise.add(line.index);
    }
  }
  return {
    header: best ? { name: best.name, date: readDateMentions(best.date)[0] ?? null } : null,
    noise,
  };
}

/** A line holding nothing but a grade ("Good", "Requires improvement"): a margin rating. */
export function isLoneGradeLine(line: SourceLine): boolean {
  const text = cleanInline(line.text);
  return text !== '' && readGrade(text) !== null;
}
