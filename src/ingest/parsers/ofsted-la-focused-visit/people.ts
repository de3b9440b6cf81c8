import type { Person } from '../../../model/document.ts';
import type { SourceLine } from '../../text/lines.ts';
import { cleanLine } from '../ofsted-la-common/clean-line.ts';
import { cleanPersonName, dedupePeople, splitNameList } from '../ofsted-la-common/people.ts';
import type { JoinedText } from './letter.ts';

/**
 * Who visited: the lead inspector signs the letter ("Yours sincerely" / name / "His Majesty's
 * Inspector"); the opening names the team ("The inspectors were Mandy Nightingale, HMI, and
 * Margaret Burke, HMI", "His Majesty's Inspectors for this visit were Sophie Wales and Margaret Burke").
 */
export function readVisitPeople(lines: readonly SourceLine[], opening: JoinedText): Person[] {
  const people: Person[] = [];
  const closing = lines.findIndex((l) => /^yours? sincerely,?$/i.test(cleanLine(l)));
  if (closing !== -1) {
    const signed = lines
      .slice(closing + 1)
      .map((l) => cleanLine(l))
      .find((t) => t !== '');
    const name = signed ? cleanPersonName(signed) : null;
    if (name) people.push({ role: 'lead inspector', name });
  }
  const team =
    /\b(?:inspectors (?:for (?:this|the) visit )?were|the visit was (?:carried out|conducted|led) by) (.+?)\.(?=\s|$)/i.exec(
      opening.text,
    );
  if (team) {
    for (const name of splitNameList(team[1]!)) {
      if (!people.some((p) => p.name === name)) people.push({ role: 'inspector', name });
    }
  }
  return dedupePeople(people);
}
