/**
 * A parser for the Python literals pandas writes when a nested value is saved to CSV
 * (`{'date': '2020-11-27'}`, `[{'name': 'Dementia'}]`): dicts, lists, tuples, strings in either
 * quote with backslash escapes, numbers, True/False/None. Nothing is evaluated; text that is not
 * such a literal gives a one-line reason, never an exception.
 */
import type { Json } from '../parsers/cqc-api-location/json-values.ts';

export type LiteralRead = { ok: true; value: Json } | { ok: false; reason: string };

const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '0': '\0',
};
const MAX_DEPTH = 64;

class LiteralError extends Error {}

class LiteralParser {
  private pos = 0;
  constructor(private readonly text: string) {}

  parseAll(): Json {
    const value = this.parseValue(0);
    this.skipSpace();
    if (this.pos < this.text.length) this.fail('unexpected text after the value');
    return value;
  }

  private fail(what: string): never {
    throw new LiteralError(`${what} at character ${this.pos + 1}`);
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }

  private parseValue(depth: number): Json {
    if (depth > MAX_DEPTH) this.fail('nested too deeply');
    this.skipSpace();
    const ch = this.text[this.pos];
    if (ch === undefined) this.fail('value expected');
    if (ch === '{') return this.parseDict(depth);
    if (ch === '[') return this.parseSequence(']', depth);
    if (ch === '(') return this.parseSequence(')', depth);
    if (ch === "'" || ch === '"') return this.parseString(ch);
    return this.parseWord();
  }

  private parseDict(depth: number): Json {
    this.pos++;
    const out: { [key: string]: Json } = {};
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      const key = this.parseValue(depth + 1);
      if (typeof key !== 'string' && typeof key !== 'number')
        this.fail('dict key must be a string or number');
      this.skipSpace();
      if (this.text[this.pos] !== ':') this.fail('":" expected');
      this.pos++;
      // Defined, not assigned: a "__proto__" key from the file is data, as JSON.parse keeps it,
      // not the object's prototype.
      Object.defineProperty(out, String(key), {
        value: this.parseValue(depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.skipSpace();
      const sep = this.text[this.pos];
      if (sep !== ',' && sep !== '}') this.fail('"," or "}" expected');
      this.pos++;
      if (sep === '}') return out;
      this.skipSpace();
      if (this.text[this.pos] === '}') {
        this.pos++;
        return out;
      }
    }
  }

  private parseSequence(close: ']' | ')', depth: number): Json {
    this.pos++;
    const out: Json[] = [];
    this.skipSpace();
    if (this.text[this.pos] === close) {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.parseValue(depth + 1));
      this.skipSpace();
      const sep = this.text[this.pos];
      if (sep !== ',' && sep !== close) this.fail(`"," or "${close}" expected`);
      this.pos++;
      if (sep === close) return out;
      this.skipSpace();
      if (this.text[this.pos] === close) {
        this.pos++;
        return out;
      }
    }
  }

  private parseString(quote: string): string {
    this.pos++;
    let out = '';
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === undefined) this.fail('string never closed');
      this.pos++;
      if (ch === quote) return out;
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const next = this.text[this.pos];
      if (next === undefined) this.fail('string never closed');
      this.pos++;
      if (next === 'x' || next === 'u') {
        const size = next === 'x' ? 2 : 4;
        const hex = this.text.slice(this.pos, this.pos + size);
        if (!new RegExp(`^[0-9a-fA-F]{${size}}$`).test(hex)) this.fail(`bad \\${next} escape`);
        out += String.fromCharCode(parseInt(hex, 16));
        this.pos += size;
      } else {
        out += ESCAPES[next] ?? `\\${next}`;
      }
    }
  }

  private parseWord(): Json {
    const m =
      /^(?:[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)|True|False|None|nan)/.exec(
        this.text.slice(this.pos, this.pos + 64),
      );
    if (!m) this.fail('not a Python literal');
    this.pos += m[0].length;
    switch (m[0]) {
      case 'True':
        return true;
      case 'False':
        return false;
      case 'None':
      case 'nan':
        return null;
      default:
        return Number(m[0]);
    }
  }
}

/** Parses one Python literal. Never throws. */
export function parsePythonLiteral(text: string): LiteralRead {
  try {
    return { ok: true, value: new LiteralParser(text).parseAll() };
  } catch (error) {
    if (error instanceof LiteralError) return { ok: false, reason: error.message };
    throw error;
  }
}
