import type { InspectionType, Judgement, SourcePosition } from '../../../model/document.ts';
import { readGrade, readTrailingGrade } from '../../text/grades.ts';
import type { SourceLine } from '../../text/lines.ts';
import { cleanInline } from '../../text/normalise.ts';
import { readCount } from '../../text/numbers.ts';
import { readParagraphs, type Paragraph } from '../../text/paragraphs.ts';
import { readFieldLine } from './fields.ts';
import { isHeadingLine, isOfstedNoise } from './sections.ts';

/** A URN as Ofsted prints it: digits, or `SC` and digits. */
export const URN_PATTERN = /^(?:SC)?\d{5,8}$/i;

export interface LocatedJudgement extends Judgement {
  position: SourcePosition;
  lineIndex: number;
}

/**
 * Judgement area as a stable label. The summary prints the overall judgement as
 * "Overall experiences and progress of children and young people, taking into account" because
 * the two judgements below it are what it takes into account; the area itself ends before that.
 */
export function canonicaliseArea(label: string): string {
  return cleanInline(label)
    .replace(/[,\s]*taking into account$/i, '')
    .replace(/[,:;\s]+$/, '');
}

/**
 * A judgement line: "<area> <grade>" with the grade at the end, where the area reads like a
 * heading (capitalised, short, no full stop) rather than a sentence that happens to end in "good".
 */
export function readJudgementLine(line: SourceLine): LocatedJudgement | null {
  if (readFieldLine(line)) return null;
  const text = cleanInline(line.text);
  const trailing = readTrailingGrade(text);
  if (!trailing || !/^[A-Z]/.test(trailing.label)) return null;
  if (trailing.label.includes('.') || trailing.label.split(' ').length > 25) return null;
  return {
    area: canonicaliseArea(trailing.label),
    grade: trailing.grade,
    gradeText: trailing.gradeText,
    position: line.position,
    lineIndex: line.index,
  };
}

/** The URN printed alone (or in the running header) in the first lines of the report. */
export function readLeadingUrn(
  lines: readonly SourceLine[],
): { urn: string; position: SourcePosition } | null {
  const leading = lines.filter((l) => l.text.trim() !== '').slice(0, 5);
  for (const line of leading) {
    const text = cleanInline(line.text);
    const m = /(?:^|:\s*)((?:SC)?\d{5,8})$/i.exec(text);
    if (m && (URN_PATTERN.test(text) || isOfstedNoise(line)))
      return { urn: m[1]!.toUpperCase(), position: line.position };
  }
  return null;
}

const INSPECTION_TYPES: ReadonlyArray<readonly [RegExp, InspectionType]> = [
  [/^full$/i, 'full'],
  [/^interim$/i, 'interim'],
  [/^monitoring$/i, 'monitoring'],
  [/^focused$/i, 'focused'],
];

/** "Full inspection", "Interim inspection", "Monitoring visit" → type and the words printed. */
export function readInspectionTypeLine(
  line: SourceLine,
): { type: InspectionType; text: string } | null {
  const text = cleanInline(line.text);
  const m = /^([A-Za-z]+) (?:inspection|visit)$/i.exec(text);
  if (!m) return null;
  const type = INSPECTION_TYPES.find(([pattern]) => pattern.test(m[1]!))?.[1] ?? 'unknown';
  return { type, text };
}

/** Inspection type words used in the history table ("Interim", "Full"). */
export function readInspectionTypeWord(word: string): InspectionType {
  const first = cleanInline(word).split(' ')[0] ?? '';
  return INSPECTION_TYPES.find(([pattern]) => pattern.test(first))?.[1] ?? 'unknown';
}

/** "Inspected under the social care common inspection framework" → `SCCIF`; other names as printed. */
export function readFramework(
  lines: readonly SourceLine[],
): { framework: string; position: SourcePosition } | null {
  for (const line of lines) {
    const text = cleanInline(line.text);
    const m =
      /^inspected under the (.+?)\.?$/i.exec(text) ??
      /^using the '?(social care common inspection framework)'?/i.exec(text);
    if (!m) continue;
    const name = m[1]!.replace(/['"]/g, '');
    return {
      framework: /social care common inspection framework/i.test(name) ? 'SCCIF' : name,
      position: line.position,
    };
  }
  return null;
}

/**
 * "The home can provide care for up to eight children" → 8. Only a count next to the words
 * for the people cared for is read, so other numbers in the description are never mistaken for it.
 */
export function readCapacity(text: string): number | null {
  const m =
    /\b(?:care|accommodation|places?)\s+for\s+up\s+to\s+([a-z0-9-]+)\s+(?:children|young|people|residents|adults)/i.exec(
      text,
    ) ??
    /\bregistered\s+(?:to\s+provide\s+care\s+)?for\s+(?:up\s+to\s+)?([a-z0-9-]+)\s+(?:children|young)/i.exec(
      text,
    );
  return m ? readCount(m[1]!) : null;
}

export interface SummaryParts {
  description: Paragraph[];
  judgements: LocatedJudgement[];
  /** The judgement of an interim inspection, from its sentence on the first page. */
  interim: LocatedJudgement | null;
  headline: Paragraph[];
}

/** Area of an interim judgement: it rates the home as a whole against its last full inspection. */
export const INTERIM_AREA = 'Interim inspection judgement';

const INTERIM_SENTENCE =
  /\bat this interim inspection,?\s+(?:ofsted|we|the inspector|inspectors)\s+(?:has\s+|have\s+)?judged?\s+that\s+the\s+(?:children's\s+)?home\s+(?:has|had)\s+(improved effectiveness|sustained effectiveness|declined in effectiveness)\b/i;

/**
 * "At this interim inspection, Ofsted judged that the home has sustained effectiveness.": the
 * interim judgement, printed where a full inspection prints its three graded judgements.
 */
export function readInterimJudgementLine(line: SourceLine): LocatedJudgement | null {
  const m = INTERIM_SENTENCE.exec(cleanInline(line.text).replace(/\u2019/g, "'"));
  const grade = m ? readGrade(m[1]!) : null;
  if (!m || !grade) return null;
  return {
    area: INTERIM_AREA,
    grade,
    gradeText: m[1]!,
    position: line.position,
    lineIndex: line.index,
  };
}

/**
 * Reads the first page: the home's description (after "Information about this children's home",
 * up to the first labelled field or judgement), the judgement lines, and the headline paragraph
 * that follows the judgements. An interim report has no judgement lines: its headline is the
 * paragraph that states the interim judgement.
 */
export function readSummary(summaryLines: readonly SourceLine[]): SummaryParts {
  const judgements: LocatedJudgement[] = [];
  for (const line of summaryLines) {
    const judgement = readJudgementLine(line);
    if (judgement) judgements.push(judgement);
  }

  const isStop = (l: SourceLine): boolean =>
    readFieldLine(l) !== null || readJudgementLine(l) !== null || isHeadingLine(l);

  const infoStart = summaryLines.findIndex((l) =>
    /^information about this children's home:?$/i.test(cleanInline(l.text)),
  );
  const description: Paragraph[] = [];
  if (infoStart !== -1) {
    const rest = summaryLines.slice(infoStart + 1);
    const stop = rest.findIndex(isStop);
    description.push(...readParagraphs(stop === -1 ? rest : rest.slice(0, stop), isOfstedNoise));
  }

  let interim: LocatedJudgement | null = null;
  for (const line of summaryLines) {
    interim = readInterimJudgementLine(line);
    if (interim) break;
  }

  const headline: Paragraph[] = [];
  const lastJudgement = judgements[judgements.length - 1];
  const headlineFrom = lastJudgement ? lastJudgement.lineIndex + 1 : interim?.lineIndex;
  if (headlineFrom !== undefined) {
    const after = summaryLines.filter((l) => l.index >= headlineFrom);
    const stop = after.findIndex(isStop);
    const candidate = stop === -1 ? after : after.slice(0, stop);
    headline.push(...readParagraphs(candidate, isOfstedNoise));
  }
  return { description, judgements, interim, headline };
}
