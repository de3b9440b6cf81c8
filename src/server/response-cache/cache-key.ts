/**
 * The key of a cached answer: the operation (Apollo's sha256 of the document text, which an
 * automatic persisted query sends instead of the text, so both share entries), the operation's
 * name, its variables, who asks, and the answer version of the graph. Variables are written with
 * their object keys sorted, so `{a, b}` and `{b, a}` are one entry.
 */
import { createHash } from 'node:crypto';

export interface CacheKeyParts {
  queryHash: string;
  operationName: string | null;
  variables: Readonly<Record<string, unknown>> | undefined;
  identity: string;
  version: string;
}

/** JSON with every object's keys in order; arrays keep theirs. */
export function stringifySorted(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stringifySorted).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value).sort();
    const fields = keys
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map(
        (key) =>
          `${JSON.stringify(key)}:${stringifySorted((value as Record<string, unknown>)[key])}`,
      );
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function buildCacheKey(parts: CacheKeyParts): string {
  return createHash('sha256')
    .update(
      stringifySorted([
        parts.queryHash,
        parts.operationName ?? '',
        parts.variables ?? {},
        parts.identity,
        parts.version,
      ]),
    )
    .digest('base64url');
}
