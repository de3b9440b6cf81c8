/**
 * Shape checks for the reference JSON files. They are startup data: a bad entry stops startup
 * with one error naming the file, the entry and what is wrong, instead of surfacing later as a
 * missing node or a silently untagged finding.
 */
import { readFileSync } from 'node:fs';
import { REPORT_FAMILIES, type ReportFamily } from '../model/document.ts';

export class ReferenceDataError extends Error {
  override name = 'ReferenceDataError';
}

/** Where a value sits, for messages: file plus a path such as `regulations[3] (CHR2015:4).heading`. */
export interface Place {
  file: string;
  at: string;
}

export function fail(place: Place, message: string): never {
  throw new ReferenceDataError(`${place.file}: ${place.at || 'top level'}: ${message}`);
}

export function child(place: Place, key: string | number, label?: string): Place {
  const step = typeof key === 'number' ? `[${key}]` : place.at ? `.${key}` : key;
  return { file: place.file, at: `${place.at}${step}${label ? ` (${label})` : ''}` };
}

/** Parses a JSON file; `file` is the name messages use (e.g. `seed/reference/themes.json`). */
export function readJsonFile(filePath: string, file: string): { value: unknown; place: Place } {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    throw new ReferenceDataError(`${file}: cannot read ${filePath}: ${(error as Error).message}`);
  }
  try {
    return { value: JSON.parse(text) as unknown, place: { file, at: '' } };
  } catch (error) {
    throw new ReferenceDataError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
}

export function expectObject(value: unknown, place: Place): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    fail(place, 'expected an object');
  return value as Record<string, unknown>;
}

export function expectArray(value: unknown, place: Place): unknown[] {
  if (!Array.isArray(value)) fail(place, 'expected an array');
  return value;
}

export function expectString(value: unknown, place: Place): string {
  if (typeof value !== 'string' || value.trim() === '') fail(place, 'expected a non-empty string');
  return value;
}

export function expectNullableString(value: unknown, place: Place): string | null {
  return value === null || value === undefined ? null : expectString(value, place);
}

export function expectStringArray(value: unknown, place: Place): string[] {
  return expectArray(value, place).map((item, i) => expectString(item, child(place, i)));
}

export function expectInteger(value: unknown, place: Place): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) fail(place, 'expected an integer');
  return value;
}

export function expectOneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  place: Place,
): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(place, `expected one of ${allowed.join(', ')}, found ${JSON.stringify(value)}`);
  }
  return value as T;
}

/** Fails on the first value seen twice. */
export function expectUnique(values: readonly string[], place: Place, what: string): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) fail(place, `duplicate ${what} ${value}`);
    seen.add(value);
  }
}

/** A list of report family names, each one of REPORT_FAMILIES. */
export function expectReportFamilies(value: unknown, place: Place): ReportFamily[] {
  const families = expectArray(value, place).map((item, i) =>
    expectOneOf(item, REPORT_FAMILIES, child(place, i)),
  );
  expectUnique(families, place, 'family');
  return families;
}
