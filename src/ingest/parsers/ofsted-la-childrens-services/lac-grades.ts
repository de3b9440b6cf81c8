import type { Grade, SourcePosition } from '../../../model/document.ts';
import { readGrade } from '../../text/grades.ts';
import { cleanLine } from '../ofsted-la-common/clean-line.ts';
import type { Section } from '../ofsted-la-common/outline.ts';

/** "Grade 4 (inadequate)": the 2012-13 scale numbered its grades 1 (outstanding) to 4 (inadequate). */
const NUMBERED_GRADE = /^Grade ([1-4]) \((outstanding|good|adequate|inadequate)\)$/i;

export interface SectionGrade {
  area: string;
  grade: Grade;
  gradeText: string;
  position: SourcePosition;
}

/**
 * Judgements of the 2012-13 looked after children inspection: each judged section opens with its
 * grade line under the heading, so the section name is the area.
 */
export function readLacGrades(sections: readonly Section[]): SectionGrade[] {
  const grades: SectionGrade[] = [];
  for (const section of sections) {
    const first = section.lines.find((l) => cleanLine(l) !== '' && !/^\d{1,3}$/.test(cleanLine(l)));
    if (!first) continue;
    const m = NUMBERED_GRADE.exec(cleanLine(first));
    const grade = m ? readGrade(m[2]!) : null;
    if (m && grade)
      grades.push({
        area: section.name,
        grade,
        gradeText: cleanLine(first),
        position: first.position,
      });
  }
  return grades;
}
