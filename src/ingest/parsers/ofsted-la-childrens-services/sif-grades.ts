import type { Grade, SourcePosition } from '../../../model/document.ts';
import { readGrade } from '../../text/grades.ts';
import type { SourceLine } from '../../text/lines.ts';
import { cleanLine } from '../ofsted-la-common/clean-line.ts';
import type { TableLabel } from '../ofsted-la-common/grade-table.ts';

/** The numbered judgements on the first page of a SIF report. */
export const SIF_TABLE_LABELS: readonly TableLabel[] = [
  { key: 'help', wordings: ['Children who need help and protection'] },
  { key: 'looked-after', wordings: ['Children looked after and achieving permanence'] },
  { key: 'adoption', wordings: ['Adoption performance'] },
  { key: 'leavers', wordings: ['Experiences and progress of care leavers'] },
  { key: 'leadership', wordings: ['Leadership, management and governance'] },
];

const GRADE = String.raw`((?:requires?|require) improvement(?: to be good)?|outstanding|good|adequate|inadequate)`;

/**
 * The overall judgement sentence of a SIF first page, in its wordings over the years:
 * "The overall judgement is good", "The overall judgement is that children's services require
 * improvement", "Children's services in Norfolk are inadequate", "Children's services in Norfolk
 * requires improvement to be good", "Children's services require improvement to be good" (Luton,
 * 2016).
 */
const OVERALL = new RegExp(
  String.raw`\b(?:the overall judgement is(?: that children's services?(?: (?:are|is))?)?|children's services in .{1,90}? (?:are|is)|children's services(?: in .{1,90}?)?(?= requires? improvement| require improvement))\s+${GRADE}\b`,
  'i',
);

export interface SentenceGrade {
  grade: Grade;
  gradeText: string;
  position: SourcePosition;
}

/** The overall judgement from the first page, read across its line breaks. */
export function readSifOverall(firstPage: readonly SourceLine[]): SentenceGrade | null {
  for (let i = 0; i < firstPage.length; i += 1) {
    const text = firstPage
      .slice(i, i + 3)
      .map((l) => cleanLine(l))
      .join(' ');
    if (!/^(?:the overall judgement|children's services)\b/i.test(text)) continue;
    const m = OVERALL.exec(text);
    const grade = m ? readGrade(m[1]!) : null;
    if (m && grade) return { grade, gradeText: m[1]!, position: firstPage[i]!.position };
  }
  return null;
}

const LSCB = new RegExp(
  String.raw`^the (?:effectiveness of the )?(?:local safeguarding children(?:'s)? board|lscb)(?: \(lscb\))? (?:is |are )?${GRADE}(?:\.?$|\.\s)`,
  'i',
);

/**
 * The LSCB review's judgement: "The Local Safeguarding Children Board is good", on one or two
 * lines, or opening a paragraph when an extractor joins it to the sentence after it.
 */
export function readLscbGrade(lines: readonly SourceLine[]): SentenceGrade | null {
  for (let i = 0; i < lines.length; i += 1) {
    const first = cleanLine(lines[i]!);
    if (!/^the (?:effectiveness of the )?(?:local safeguarding|lscb)/i.test(first)) continue;
    for (const text of [first, `${first} ${lines[i + 1] ? cleanLine(lines[i + 1]!) : ''}`.trim()]) {
      const m = LSCB.exec(text);
      const grade = m ? readGrade(m[1]!) : null;
      if (m && grade) return { grade, gradeText: m[1]!, position: lines[i]!.position };
    }
  }
  return null;
}
