/**
 * A named, parameterized Cypher query with the parser of its rows. Every query the project runs
 * is one of these, so logs, timeouts, round-trip counts and errors all carry its name.
 */
import type { PlainValue } from './values.ts';

export type PlainRecord = Readonly<Record<string, PlainValue>>;

export interface NamedQuery<Params extends object, Row> {
  readonly name: string;
  readonly cypher: string;
  /** Turns one record (already plain values) into a typed row; throws when the shape is wrong. */
  readonly parse: (record: PlainRecord) => Row;
  /** Phantom marker so the params type is checked at call sites. */
  readonly __params?: Params;
}

export function defineQuery<Params extends object, Row>(query: {
  name: string;
  cypher: string;
  parse: (record: PlainRecord) => Row;
}): NamedQuery<Params, Row> {
  return query;
}

/** A query that returns nothing of interest (writes, schema statements). */
export function defineStatement<Params extends object>(
  name: string,
  cypher: string,
): NamedQuery<Params, void> {
  return { name, cypher, parse: () => undefined };
}

export class RowShapeError extends TypeError {
  override name = 'RowShapeError';
}

function fail(field: string, expected: string, value: PlainValue | undefined): never {
  throw new RowShapeError(`field ${field}: expected ${expected}, got ${JSON.stringify(value)}`);
}

/** Field readers for row parsers: each checks the type and names the field when it is wrong. */
export const read = {
  string(record: PlainRecord, field: string): string {
    const value = record[field];
    return typeof value === 'string' ? value : fail(field, 'string', value);
  },
  optionalString(record: PlainRecord, field: string): string | null {
    const value = record[field];
    return value === null || value === undefined
      ? null
      : typeof value === 'string'
        ? value
        : fail(field, 'string or null', value);
  },
  number(record: PlainRecord, field: string): number {
    const value = record[field];
    return typeof value === 'number' ? value : fail(field, 'number', value);
  },
  optionalNumber(record: PlainRecord, field: string): number | null {
    const value = record[field];
    return value === null || value === undefined
      ? null
      : typeof value === 'number'
        ? value
        : fail(field, 'number or null', value);
  },
  boolean(record: PlainRecord, field: string): boolean {
    const value = record[field];
    return typeof value === 'boolean' ? value : fail(field, 'boolean', value);
  },
  strings(record: PlainRecord, field: string): string[] {
    const value = record[field];
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
      fail(field, 'list of strings', value);
    return value as string[];
  },
  list(record: PlainRecord, field: string): PlainRecord[] {
    const value = record[field];
    if (
      !Array.isArray(value) ||
      !value.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item))
    ) {
      fail(field, 'list of maps', value);
    }
    return value as PlainRecord[];
  },
  map(record: PlainRecord, field: string): PlainRecord {
    const value = record[field];
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? value
      : fail(field, 'map', value);
  },
  optionalMap(record: PlainRecord, field: string): PlainRecord | null {
    const value = record[field];
    if (value === null || value === undefined) return null;
    return typeof value === 'object' && !Array.isArray(value)
      ? value
      : fail(field, 'map or null', value);
  },
};
