/**
 * JSON Pointers (RFC 6901) to the objects of a parsed record, so a finding can say exactly which
 * value of the record it was read from (`/assessment/0/ratings/asgRatings/0/commentary`): a line
 * number says little in a record written on one line, as every JSONL record is.
 */
import type { Json, JsonObject } from './json-values.ts';

function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Every object and array under `root`, with its pointer (the root's is ''). */
export class JsonPointers {
  private readonly pointers = new WeakMap<object, string>();

  constructor(root: Json) {
    this.visit(root, '');
  }

  private visit(value: Json, pointer: string): void {
    if (value === null || typeof value !== 'object') return;
    this.pointers.set(value, pointer);
    if (Array.isArray(value)) value.forEach((item, i) => this.visit(item, `${pointer}/${i}`));
    else
      for (const [key, item] of Object.entries(value))
        this.visit(item, `${pointer}/${escapeToken(key)}`);
  }

  /** The pointer to `owner[key]`, or null when `owner` is not part of the record. */
  member(owner: JsonObject, key: string): string | null {
    const at = this.pointers.get(owner);
    return at === undefined ? null : `${at}/${escapeToken(key)}`;
  }
}
