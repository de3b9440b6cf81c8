/**
 * Where a value of a JSON record sits in the file, as the line it starts on. JSON.parse keeps no
 * positions, so a string value is found again by its encoded form: as JSON.stringify writes it, or
 * with non-ASCII characters as \u escapes (how Python's json module writes files by default).
 */
import type { SourcePosition } from '../../../model/document.ts';
import { escapeRegExp } from '../../text/escape-regexp.ts';

/** Enough of a long string to be unique in a record without searching for all of it. */
const PROBE_LENGTH = 80;

function escapeNonAscii(encoded: string): string {
  return encoded.replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export class PositionFinder {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i += 1) if (text[i] === '\n') this.lineStarts.push(i + 1);
  }

  /** The line holding `offset`, as a position at that line's start. */
  lineAt(offset: number): SourcePosition {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { offset: this.lineStarts[low]!, line: low + 1 };
  }

  /** The line where the string value `value` starts (first occurrence from `from`), else null. */
  findString(value: string, from = 0): SourcePosition | null {
    const encoded = JSON.stringify(value).slice(0, -1);
    const probe = encoded.slice(0, PROBE_LENGTH);
    for (const candidate of [probe, escapeNonAscii(encoded).slice(0, PROBE_LENGTH)]) {
      const at = this.text.indexOf(candidate, from);
      if (at !== -1) return this.lineAt(at);
    }
    return null;
  }

  /** The line of `"key": <value>` where the value is written literally (strings, numbers). */
  findMember(key: string, value: string | number): SourcePosition | null {
    const pattern = new RegExp(
      `${escapeRegExp(JSON.stringify(key))}\\s*:\\s*${escapeRegExp(JSON.stringify(value))}`,
    );
    const m = pattern.exec(this.text);
    return m ? this.lineAt(m.index) : null;
  }

  /** The line of the first `"key":`, else null. */
  findKey(key: string): SourcePosition | null {
    const at = this.text.indexOf(`${JSON.stringify(key)}`);
    return at === -1 ? null : this.lineAt(at);
  }
}
