/**
 * Reading values out of parsed JSON without trusting its shape. A CQC API record may lack any
 * field, or hold a number where the schema says string: every accessor returns a typed value or
 * an empty one, never throws, and never coerces objects into text.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type JsonObject = { [key: string]: Json };

export function isJsonObject(value: Json | undefined): value is JsonObject {
  return (
    value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value)
  );
}

/** `value[key]` when value is an object, else undefined. */
export function readField(value: Json | undefined, key: string): Json | undefined {
  return isJsonObject(value) ? value[key] : undefined;
}

/** The array at `value`, or an empty one. */
export function readList(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

/** The objects of an array, skipping anything else. */
export function readObjects(value: Json | undefined): JsonObject[] {
  return readList(value).filter(isJsonObject);
}

/** A string with surrounding whitespace trimmed; null when absent, empty or not a string. */
export function readText(value: Json | undefined): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** A whole number, also when written as a string of digits ("34"); else null. */
export function readWholeNumber(value: Json | undefined): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  if (typeof value === 'string' && /^\s*\d{1,9}\s*$/.test(value)) return Number(value);
  return null;
}

/** Parses JSON text; the error is one line, for a refusal message. */
export function parseJsonText(
  text: string,
): { ok: true; value: Json } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) as Json };
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error))
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 160);
    return { ok: false, reason };
  }
}
