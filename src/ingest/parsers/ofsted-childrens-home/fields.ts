import type { SourcePosition } from '../../../model/document.ts';
import type { SourceLine } from '../../text/lines.ts';
import { cleanInline } from '../../text/normalise.ts';
import type { WarningLog } from '../warnings.ts';
import { isContentLine, isHeadingLine } from './sections.ts';

/** "Label: value" lines of an Ofsted children's home report. */
export type OfstedField =
  | 'urn'
  | 'provider-name'
  | 'provider-address'
  | 'provision-type'
  | 'responsible-individual'
  | 'registered-manager'
  | 'inspection-dates'
  | 'last-inspection-date'
  | 'last-inspection-judgement'
  | 'enforcement-since-last';

const LABELS: ReadonlyArray<readonly [OfstedField, RegExp]> = [
  ['urn', /^unique reference number$/i],
  ['provider-address', /^registered provider address$/i],
  ['provider-name', /^registered provider$/i],
  ['provision-type', /^provision sub-?type$/i],
  ['responsible-individual', /^responsible individual$/i],
  ['registered-manager', /^registered manager$/i],
  ['inspection-dates', /^inspection dates?$/i],
  ['last-inspection-date', /^date of (?:the )?last inspection$/i],
  ['last-inspection-judgement', /^overall judgement at (?:the )?last inspection$/i],
  ['enforcement-since-last', /^enforcement action since (?:the )?last inspection$/i],
];

/** Fields whose value may run on to the following lines. */
const MULTI_LINE: ReadonlySet<OfstedField> = new Set<OfstedField>(['provider-address']);

export interface FieldValue {
  value: string;
  position: SourcePosition;
  /** Index of the line the label is on. */
  lineIndex: number;
}

export type FieldMap = Partial<Record<OfstedField, FieldValue>>;

/** The field a line labels, and the value written after the colon on that line. */
export function readFieldLine(line: SourceLine): { field: OfstedField; rest: string } | null {
  const m = /^\s*([A-Za-z][A-Za-z' -]{2,60}?)\s*:\s*(.*)$/.exec(line.text);
  if (!m) return null;
  const label = m[1]!.replace(/\s+/g, ' ');
  for (const [field, pattern] of LABELS) {
    if (pattern.test(label)) return { field, rest: m[2]! };
  }
  return null;
}

/**
 * Reads every labelled field. A value left empty on its label line is taken from the next
 * content line (PDF layouts put it there); an address runs on until a blank line or the next
 * label. The first occurrence wins; a later, different value is reported as a conflict.
 */
export function readFields(lines: readonly SourceLine[], warnings: WarningLog): FieldMap {
  const fields: FieldMap = {};
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    const labelled = readFieldLine(line);
    if (!labelled) continue;
    const parts = [labelled.rest];
    let j = i + 1;
    const wantsMore = (): boolean =>
      MULTI_LINE.has(labelled.field) || cleanInline(parts.join(' ')) === '';
    while (j < lines.length && wantsMore()) {
      const next = lines[j]!;
      if (!isContentLine(next)) {
        // Blank line: ends a value, unless the value has not started yet.
        if (cleanInline(parts.join(' ')) !== '') break;
        j += 1;
        if (j - i > 3) break;
        continue;
      }
      if (readFieldLine(next) || isHeadingLine(next)) break;
      parts.push(next.text);
      j += 1;
    }
    const value = MULTI_LINE.has(labelled.field)
      ? parts.map(cleanInline).filter(Boolean).join(', ').replace(/,\s*,/g, ',')
      : cleanInline(parts.join(' '));
    if (!value) {
      warnings.add('empty-field', `"${line.text.trim()}" has no value`, line.position);
      continue;
    }
    const existing = fields[labelled.field];
    if (!existing) {
      fields[labelled.field] = { value, position: line.position, lineIndex: i };
    } else if (existing.value.toLowerCase() !== value.toLowerCase()) {
      warnings.add(
        'conflicting-value',
        `${labelled.field} given as "${existing.value}" and "${value}"; kept the first`,
        line.position,
      );
    }
  }
  return fields;
}
