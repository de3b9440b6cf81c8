import type { Person } from '../../../model/document.ts';
import type { SourceLine } from '../../text/lines.ts';
import { cleanInline } from '../../text/normalise.ts';
import type { FieldMap } from './fields.ts';
import { isContentLine } from './sections.ts';

/** Values that fill a name field without naming anyone. */
function isNoName(value: string): boolean {
  return /^(?:none|n\/?a|not applicable|vacant|post vacant|not known|unknown|-+)$/i.test(
    value.trim(),
  );
}

function isCopyrightLine(text: string): boolean {
  return /^(?:©|\(c\)\s|copyright\b)|\bcrown copyright\b/i.test(text);
}

/**
 * The people a report names: responsible individual and registered manager from their fields,
 * inspectors from the lines under the "Inspector(s)" heading ("Nicola Lownds, social care
 * inspector"). The inspector list ends at the first line that reads like prose, which is where
 * Ofsted's closing boilerplate starts, or at the "© Crown copyright 2022" line that some reports
 * print right after the inspector: short and without a full stop, it would otherwise read as a name.
 */
export function readPeople(fields: FieldMap, inspectorLines: readonly SourceLine[]): Person[] {
  const people: Person[] = [];
  const responsible = fields['responsible-individual']?.value;
  if (responsible && !isNoName(responsible))
    people.push({ role: 'responsible individual', name: responsible });
  const manager = fields['registered-manager']?.value;
  if (manager && !isNoName(manager)) people.push({ role: 'registered manager', name: manager });

  for (const line of inspectorLines) {
    if (!isContentLine(line)) continue;
    const text = cleanInline(line.text);
    if (/[.]$/.test(text) || text.split(' ').length > 10 || isCopyrightLine(text)) break;
    const name = cleanInline(text.split(',')[0] ?? '');
    if (name && !isNoName(name)) people.push({ role: 'inspector', name });
  }
  return people;
}
