import crypto from 'node:crypto';
import { normaliseForHash } from './normalise.ts';

/**
 * Hex sha256 of the UTF-8 bytes of a string: the Report key. The one-shot `crypto.hash` (Node
 * 20.12 on) is used where there is one: in Node 20 each `createHash` also reads Node's option
 * table (a deprecation check), which cost more than hashing a whole report. Same digest.
 */
export function sha256Hex(text: string): string {
  if (typeof crypto.hash === 'function') return crypto.hash('sha256', text, 'hex');
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * `content:<16 hex>` location id for a report that names no location: stable across
 * re-extraction of the same report (see normaliseForHash), so re-ingesting changes nothing.
 */
export function buildContentLocationId(text: string): string {
  return `content:${sha256Hex(normaliseForHash(text)).slice(0, 16)}`;
}

/**
 * `content:<16 hex>` for a report that names its location and address but no id: a hash of the
 * two, lower-cased with whitespace and quotes normalised. The same report read from its PDF and
 * from a text copy is one location this way, where a hash of the whole text differs with every
 * extraction (running headers, page numbers, wrapping); two reports of one unnamed-id location
 * meet on it too. Null when either is missing: the caller falls back to the text's hash.
 */
export function buildNamedLocationId(name: string | null, address: string | null): string | null {
  if (!name?.trim() || !address?.trim()) return null;
  const key = `${normaliseForHash(name).toLowerCase()}\n${normaliseForHash(address).toLowerCase()}`;
  return `content:${sha256Hex(key).slice(0, 16)}`;
}
