import type { SourceLine } from '../../text/lines.ts';
import { collapseWhitespace } from '../../text/normalise.ts';
import { cleanLine } from './clean-line.ts';

/**
 * What a part of a report holds, and so what becomes of its text:
 * - `narrative`: paragraphs of judgement or description, each a neutral finding;
 * - `concern` / `strength`: items of a list of what must improve / what works, each a finding
 *   with that polarity;
 * - `skip`: facts about the area, contents lists, methodology and the like, not findings;
 * - `stop`: boilerplate at the end (complaints, licence, the closing of a letter).
 */
export type SectionRole = 'narrative' | 'concern' | 'strength' | 'skip' | 'stop';

export interface HeadingRule {
  /** Matched against the whole heading, cleaned (quotes straightened, spaces collapsed). */
  pattern: RegExp;
  role: SectionRole;
  /** Section name for findings; by default the heading as printed, without a trailing colon or "?". */
  name?: string | ((heading: string) => string);
  /**
   * Opens a part of the report (the LSCB review inside a SIF report): the names of the sections
   * that follow are prefixed with it, so its "Recommendations" stay apart from the local authority's.
   */
  startsPart?: string;
  /**
   * Where a list whose items are plain paragraphs (no bullet, no number, often no blank line)
   * starts a new item: a line opening with this, after a line that ends a sentence.
   */
  itemStart?: RegExp;
}

export interface Section {
  name: string;
  role: SectionRole;
  /** The heading as printed (joined when it wraps), or the lead's name. */
  title: string;
  heading: SourceLine;
  lines: SourceLine[];
  itemStart?: RegExp;
}

const GRADE_PHRASE =
  /\b(?:requires? improvement(?: to be good)?|require improvement(?: to be good)?|outstanding|good|inadequate|adequate)\b/gi;

const HAS_GRADE_PHRASE = new RegExp(GRADE_PHRASE.source, 'i');

function removeGradePhrases(text: string): string {
  return HAS_GRADE_PHRASE.test(text) ? collapseWhitespace(text.replace(GRADE_PHRASE, ' ')) : text;
}

/** Headings wrap onto a second or third line in narrow PDF columns. */
const MAX_HEADING_LINES = 3;

function nameSection(rule: HeadingRule, heading: string): string {
  if (typeof rule.name === 'function') return rule.name(heading);
  return rule.name ?? heading.replace(/[\s:?]+$/, '');
}

interface HeadingMatch {
  rule: HeadingRule;
  text: string;
  lineCount: number;
}

/**
 * The heading that starts at line `i`, trying one, two then three lines joined, so the shortest
 * reading wins. Every pattern is anchored, so a paragraph that merely begins with heading words
 * is never taken for one.
 */
function matchHeading(
  lines: readonly SourceLine[],
  i: number,
  rules: readonly HeadingRule[],
): HeadingMatch | null {
  let text = '';
  for (let n = 1; n <= MAX_HEADING_LINES && i + n - 1 < lines.length; n += 1) {
    const next = cleanLine(lines[i + n - 1]!);
    if (next === '') return null;
    text = n === 1 ? next : `${text} ${next}`;
    // A heading is short: longer joins are sentences, and would only slow the search.
    if (text.length > 160) return null;
    const rule = rules.find((r) => r.pattern.test(text));
    if (rule) return { rule, text, lineCount: n };
    // A footnote mark run into the heading: "What needs to improve?1", "…local authority area2".
    if (/\d$/.test(text)) {
      const withoutNote = text.replace(/(?<=[?:a-z)])\d{1,2}$/, '');
      const ruleWithoutNote =
        withoutNote !== text ? rules.find((r) => r.pattern.test(withoutNote)) : undefined;
      if (ruleWithoutNote) return { rule: ruleWithoutNote, text: withoutNote, lineCount: n };
    }
    // Some extractors set a judgement heading's grade inside it ("The experiences and progress of"
    // / "Good" / "children who need help and protection"): the heading is what is left.
    const withoutGrade = removeGradePhrases(text);
    const ruleWithoutGrade =
      withoutGrade !== text ? rules.find((r) => r.pattern.test(withoutGrade)) : undefined;
    if (ruleWithoutGrade) return { rule: ruleWithoutGrade, text: withoutGrade, lineCount: n };
    // A heading does not end a sentence before it wraps; a line that does is not a heading's start.
    if (/[.!]$/.test(next)) return null;
  }
  return null;
}

/**
 * Splits lines at the headings `rules` recognise. Text before the first heading belongs to
 * `lead`, when given (the unheaded summary of an ILACS report), and is dropped otherwise. A
 * heading seen again (a page header repeating it) continues its first section.
 */
export function splitOutline(
  lines: readonly SourceLine[],
  rules: readonly HeadingRule[],
  lead: { name: string; role: SectionRole } | null = null,
): Section[] {
  const sections: Section[] = [];
  const byName = new Map<string, Section>();
  let current: Section | null =
    lead && lines[0] ? { ...lead, title: lead.name, heading: lines[0], lines: [] } : null;
  let part: string | null = null;
  if (current) {
    sections.push(current);
    byName.set(current.name, current);
  }
  for (let i = 0; i < lines.length; i += 1) {
    const match = matchHeading(lines, i, rules);
    if (!match) {
      current?.lines.push(lines[i]!);
      continue;
    }
    if (match.rule.startsPart) part = match.rule.startsPart;
    const own = nameSection(match.rule, match.text);
    const name = part && !match.rule.startsPart ? `${part}: ${own}` : own;
    const existing = byName.get(name);
    if (existing) {
      current = existing;
    } else {
      current = {
        name,
        role: match.rule.role,
        title: match.text,
        heading: lines[i]!,
        lines: [],
        itemStart: match.rule.itemStart,
      };
      sections.push(current);
      byName.set(name, current);
    }
    i += match.lineCount - 1;
  }
  // Everything after the first closing boilerplate is boilerplate too.
  const stop = sections.findIndex((s) => s.role === 'stop');
  return stop === -1 ? sections : sections.slice(0, stop);
}
