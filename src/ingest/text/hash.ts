import { createHash } from 'node:crypto';
import { normaliseForHash } from './normalise.ts';

/** Hex sha256 of the UTF-8 bytes of a string: the Report key. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * `content:<16 hex>` location id for a report that names no location: stable across
 * re-extraction of the same report (see normaliseForHash), so re-ingesting changes nothing.
 */
export function buildContentLocationId(text: string): string {
  return `content:${sha256Hex(normaliseForHash(text)).slice(0, 16)}`;
}
