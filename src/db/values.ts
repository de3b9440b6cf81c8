/**
 * Neo4j values → plain JSON-friendly values, at the boundary. Integers become numbers only when
 * they fit exactly; temporal values become ISO strings; nodes and relationships their properties.
 * Nothing of neo4j-driver's types travels further than this file.
 */
import neo4j, { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isNode, isPath, isRelationship, isTime } from 'neo4j-driver';

export type PlainValue = null | boolean | number | string | PlainValue[] | { [key: string]: PlainValue };

export class IntegerRangeError extends RangeError {
  override name = 'IntegerRangeError';
}

/** A Neo4j Integer as a JS number, refusing values that would lose precision. */
export function toSafeNumber(value: { toString(): string; inSafeRange(): boolean; toNumber(): number }): number {
  if (!value.inSafeRange()) {
    throw new IntegerRangeError(`Neo4j integer ${value.toString()} is outside the safe JavaScript range`);
  }
  return value.toNumber();
}

export function toPlain(value: unknown): PlainValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new IntegerRangeError(`Neo4j integer ${value} is outside the safe JavaScript range`);
    }
    return Number(value);
  }
  if (neo4j.isInt(value)) return toSafeNumber(value);
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return value.toString();
  }
  if (isNode(value) || isRelationship(value)) return toPlain(value.properties);
  if (isPath(value)) return value.segments.map((segment) => toPlain(segment.end.properties));
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const out: { [key: string]: PlainValue } = {};
    for (const [key, item] of Object.entries(value)) out[key] = toPlain(item);
    return out;
  }
  throw new TypeError(`Unsupported Neo4j value of type ${typeof value}`);
}
