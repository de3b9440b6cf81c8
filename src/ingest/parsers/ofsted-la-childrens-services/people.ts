import type { Person } from '../../../model/document.ts';
import type { SourceLine } from '../../text/lines.ts';
import { cleanLine } from '../ofsted-la-common/clean-line.ts';
import { cleanPersonName, dedupePeople, splitNameList } from '../ofsted-la-common/people.ts';

/**
 * The inspectors a report names: "Lead inspector: Jan Edwards" on the first page (ILACS), the
 * inspection team list at the end (SIF: lead, deputy lead, team inspectors), or "Reporting
 * inspector Gary Lamb HMI" (LAC).
 */
const ROLES: ReadonlyArray<readonly [RegExp, string, 'one' | 'list']> = [
  [/^lead inspectors\s*:\s*(.+)$/i, 'lead inspector', 'list'],
  [/^lead inspector(?: on site)?\s*:?\s*(.+)$/i, 'lead inspector', 'one'],
  [/^reporting inspector\s*:?\s*(.+)$/i, 'lead inspector', 'one'],
  [/^deputy lead inspector\s*:?\s*(.+)$/i, 'deputy lead inspector', 'one'],
  [/^team inspectors?\s*:\s*(.+)$/i, 'inspector', 'list'],
];

/** A list that ends in a comma or "and", or whose next line is not another "Label:" line, wraps. */
function readWrappedValue(value: string, next: string): string {
  if (next === '' || /^[A-Z][\w ]{0,40}:/.test(next) || /[.:]$/.test(next)) return value;
  return /(?:,|\band)$/.test(value) || /^[A-Z][\p{L}'-]+(?:,|$| [A-Z])/u.test(next)
    ? `${value} ${next}`
    : value;
}

export function readInspectionPeople(lines: readonly SourceLine[]): Person[] {
  const people: Person[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const text = cleanLine(lines[i]!);
    for (const [pattern, role, shape] of ROLES) {
      const m = pattern.exec(text);
      if (!m) continue;
      const value =
        shape === 'list'
          ? readWrappedValue(m[1]!, lines[i + 1] ? cleanLine(lines[i + 1]!) : '')
          : m[1]!;
      const names =
        shape === 'one'
          ? [cleanPersonName(value)].filter((n): n is string => n !== null)
          : splitNameList(value);
      for (const name of names) people.push({ role, name });
      break;
    }
  }
  // A lead inspector named on the first page is the same person in the team list.
  return dedupePeople(people);
}
