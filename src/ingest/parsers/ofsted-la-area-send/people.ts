import type { Person } from '../../../model/document.ts';
import type { SourceLine } from '../../text/lines.ts';
import { cleanLine } from '../ofsted-la-common/clean-line.ts';

/**
 * The inspection team table, Ofsted and CQC columns side by side, so one line can hold two people,
 * each a name and a role in varying words: "Catherine Old, Ofsted HMI lead inspector Lucy Harte,
 * CQC lead inspector", "Charlie Fordham, HMI, Lead inspector Tessa Valpy, CQC Lead inspector",
 * "Jo Petch HMI, Ofsted Lead inspector", "Russel Breyer, Ofsted HMI, Social Care".
 */
const MEMBER =
  /(?:Dr\.? )?(\p{Lu}[\p{L}'-]+(?: (?!HMI\b)\p{Lu}[\p{L}'-]+){1,3})(?: HMI)?,\s*((?:(?:Ofsted|CQC|HMI)\b[ ,]*)+(?:[Ll]ead(?: [Ii]nspector)?|[Ii]nspector|Social Care)?)/gu;

function roleOf(printed: string): string {
  const role = printed.toLowerCase();
  const cqc = role.includes('cqc');
  if (role.includes('lead')) return cqc ? 'CQC lead inspector' : 'lead inspector';
  return cqc ? 'CQC inspector' : 'inspector';
}

export function readSendTeam(teamLines: readonly SourceLine[]): Person[] {
  const people: Person[] = [];
  for (const line of teamLines) {
    for (const m of cleanLine(line).matchAll(MEMBER)) {
      const person = { role: roleOf(m[2]!), name: m[1]! };
      if (!people.some((p) => p.name === person.name)) people.push(person);
    }
  }
  // The Ofsted lead inspector leads the inspection: listed first.
  return [
    ...people.filter((p) => p.role === 'lead inspector'),
    ...people.filter((p) => p.role !== 'lead inspector'),
  ];
}
