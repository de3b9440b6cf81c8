import { isBlankLine, type SourceLine } from '../../text/lines.ts';
import { collapseWhitespace, isPageNumberLine, stripTags } from '../../text/normalise.ts';

/** The headings that divide an Ofsted children's home report, in their usual order. */
export type OfstedSectionKey =
  | 'home-information'
  | 'history'
  | 'improve'
  | 'requirements'
  | 'recommendations'
  | 'judgements'
  | 'this-inspection'
  | 'about-inspection'
  | 'home-details'
  | 'inspector';

const HEADINGS: ReadonlyArray<readonly [OfstedSectionKey, RegExp]> = [
  ['home-information', /^information about this children's home$/i],
  ['history', /^recent inspection history$/i],
  ['improve', /^what does the children's home need to do to improve\??$/i],
  ['requirements', /^statutory requirements$/i],
  ['recommendations', /^recommendations?$/i],
  ['judgements', /^inspection judgements$/i],
  // An interim inspection's narrative, under one heading instead of the three judgement areas.
  ['this-inspection', /^this inspection$/i],
  ['about-inspection', /^information about this inspection$/i],
  ['home-details', /^children's home details$/i],
  ['inspector', /^inspectors?$/i],
];

export interface SectionRange {
  key: OfstedSectionKey;
  heading: SourceLine;
  /** Lines after the heading up to the next known heading. */
  lines: SourceLine[];
}

export type SectionMap = Partial<Record<OfstedSectionKey, SectionRange>>;

function readHeading(line: SourceLine): OfstedSectionKey | null {
  const text = collapseWhitespace(stripTags(line.text)).replace(/:$/, '');
  for (const [key, pattern] of HEADINGS) {
    if (pattern.test(text)) return key;
  }
  return null;
}

/** Whether a line is one of the report's section headings. */
export function isHeadingLine(line: SourceLine): boolean {
  return readHeading(line) !== null;
}

/** Index of the first line that is a known heading, or the line count when there is none. */
export function findFirstHeadingIndex(lines: readonly SourceLine[]): number {
  const found = lines.findIndex((l) => readHeading(l) !== null);
  return found === -1 ? lines.length : found;
}

/**
 * Splits the report at its headings. A heading seen twice (a running header repeating it, or a
 * table header row after a page break) keeps its first section; later copies end the section
 * before them and their own lines are appended to the first.
 */
export function splitSections(lines: readonly SourceLine[]): SectionMap {
  const sections: SectionMap = {};
  let current: SectionRange | null = null;
  for (const line of lines) {
    const key = readHeading(line);
    if (key) {
      const existing = sections[key];
      if (existing) {
        current = existing;
      } else {
        current = { key, heading: line, lines: [] };
        sections[key] = current;
      }
      continue;
    }
    current?.lines.push(line);
  }
  return sections;
}

/**
 * Page furniture of Ofsted PDFs: page numbers and the running header that repeats the URN
 * ("Inspection report children's home: 1247390").
 */
export function isOfstedNoise(line: SourceLine): boolean {
  const text = line.text.trim();
  return (
    isPageNumberLine(text) ||
    /^inspection report (?:for )?(?:children's home|a children's home)\s*:?\s*(?:SC)?\d{5,8}$/i.test(
      text,
    )
  );
}

/** Lines that neither are blank nor page furniture. */
export function isContentLine(line: SourceLine): boolean {
  return !isBlankLine(line) && !isOfstedNoise(line);
}
