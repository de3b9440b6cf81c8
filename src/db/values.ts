/**
 * Neo4j values → plain JSON-friendly values, at the boundary. Integers become numbers only when
 * they fit exactly; temporal values become ISO strings; nodes and relationships their properties.
 * Nothing of neo4j-driver's types travels further than this file.
 */
import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isRelationship,
  isTime,
} from 'neo4j-driver';

export type PlainValue =
  null | boolean | number | string | PlainValue[] | { [key: string]: PlainValue };

export class IntegerRangeError extends RangeError {
  override name = 'IntegerRangeError';
}

/** A Neo4j Integer as a JS number, refusing values that would lose precision. */
export function toSafeNumber(value: {
  toString(): string;
  inSafeRange(): boolean;
  toNumber(): number;
}): number {
  if (!value.inSafeRange()) {
    throw new IntegerRangeError(
      `Neo4j integer ${value.toString()} is outside the safe JavaScript range`,
    );
  }
  return value.toNumber();
}

export function toPlain(value: unknown): PlainValue {
  // Ordered by how often each kind arrives: this runs on every value of every row read.
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'number':
      return value;
    case 'undefined':
      return null;
    case 'bigint':
      if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
        throw new IntegerRangeError(`Neo4j integer ${value} is outside the safe JavaScript range`);
      }
      return Number(value);
    case 'object':
      break;
    default:
      throw new TypeError(`Unsupported Neo4j value of type ${typeof value}`);
  }
  if (value === null) return null;
  if (Array.isArray(value)) return value.map(toPlain);
  // Records and Cypher maps arrive as plain objects: no need to ask which driver type they are.
  if (Object.getPrototypeOf(value) === Object.prototype)
    return toPlainMap(value as Record<string, unknown>);
  if (neo4j.isInt(value)) return toSafeNumber(value);
  if (isDate(value)) return formatDate(value);
  if (
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isTime(value) ||
    isLocalTime(value) ||
    isDuration(value)
  ) {
    return value.toString();
  }
  if (isNode(value) || isRelationship(value))
    return toPlainMap(value.properties as Record<string, unknown>);
  if (isPath(value))
    return value.segments.map((segment) =>
      toPlainMap(segment.end.properties as Record<string, unknown>),
    );
  return toPlainMap(value as Record<string, unknown>);
}

/**
 * toPlain for a value nothing else holds (a record the driver just decoded, as
 * `record.toObject()` gives it): its lists and maps are converted where they are, not copied.
 * The answer is the same as toPlain's; a nested read of a few hundred nodes no longer builds a
 * second copy of every map and list only to drop the first.
 */
export function toPlainOwned(value: unknown): PlainValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'number':
      return value;
    case 'object':
      break;
    default:
      return toPlain(value);
  }
  if (value === null) return null;
  if (Array.isArray(value)) {
    for (let at = 0; at < value.length; at += 1) {
      const item: unknown = value[at];
      if (typeof item !== 'string' && typeof item !== 'number') value[at] = toPlainOwned(item);
    }
    return value as PlainValue[];
  }
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const map = value as Record<string, unknown>;
    for (const key in map) {
      const item = map[key];
      if (typeof item !== 'string' && typeof item !== 'number') map[key] = toPlainOwned(item);
    }
    return map as { [key: string]: PlainValue };
  }
  return toPlain(value);
}

function toPlainMap(map: Record<string, unknown>): { [key: string]: PlainValue } {
  const out: { [key: string]: PlainValue } = {};
  for (const key of Object.keys(map)) out[key] = toPlain(map[key]);
  return out;
}

function toSmallNumber(part: number | bigint | { toNumber(): number }): number {
  return typeof part === 'object' ? part.toNumber() : Number(part);
}

/**
 * ISO date as the driver's own toString writes it, without its 64-bit Integer arithmetic (which
 * cost more than decoding the date did); years outside 0-9999 keep the driver's signed format.
 */
function formatDate(date: {
  year: unknown;
  month: unknown;
  day: unknown;
  toString(): string;
}): string {
  const year = toSmallNumber(date.year as number);
  if (year < 0 || year > 9999) return date.toString();
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(toSmallNumber(date.month as number), 2)}-${pad(toSmallNumber(date.day as number), 2)}`;
}
