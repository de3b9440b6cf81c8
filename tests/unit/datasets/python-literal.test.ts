/** The Python-literal reader for the nested columns of CQC API CSV exports. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePythonLiteral } from '../../../src/ingest/datasets/python-literal.ts';

describe('parsePythonLiteral', () => {
  it('reads the dicts and lists of the Devon care homes export', () => {
    expect(parsePythonLiteral("{'date': '2020-11-27'}")).toEqual({
      ok: true,
      value: { date: '2020-11-27' },
    });
    expect(
      parsePythonLiteral("[{'code': 'S1', 'primary': 'true', 'name': 'Residential social care'}]"),
    ).toEqual({
      ok: true,
      value: [{ code: 'S1', primary: 'true', name: 'Residential social care' }],
    });
    expect(parsePythonLiteral('[]')).toEqual({ ok: true, value: [] });
  });

  it('reads either quote, escapes, numbers, True/False/None, tuples and trailing commas', () => {
    expect(
      parsePythonLiteral(
        `{"name": "St George's", 'n': -2.5e1, 'b': [True, False, None], 't': (1, 2,), 's': 'it\\'s\\n'}`,
      ),
    ).toEqual({
      ok: true,
      value: { name: "St George's", n: -25, b: [true, false, null], t: [1, 2], s: "it's\n" },
    });
  });

  it('gives a one-line reason for text that is not a literal, and never evaluates', () => {
    expect(parsePythonLiteral("{'a': 1")).toEqual({
      ok: false,
      reason: '"," or "}" expected at character 8',
    });
    expect(parsePythonLiteral("__import__('os')")).toEqual({
      ok: false,
      reason: 'not a Python literal at character 1',
    });
    expect(parsePythonLiteral("{'a': 1} x")).toEqual({
      ok: false,
      reason: 'unexpected text after the value at character 10',
    });
    expect(parsePythonLiteral('['.repeat(100))).toEqual({
      ok: false,
      reason: 'nested too deeply at character 66',
    });
  });

  it('keeps a "__proto__" key as data, as JSON.parse does (found by the round-trip property)', () => {
    expect(parsePythonLiteral("{'__proto__': ''}")).toEqual({
      ok: true,
      value: JSON.parse('{"__proto__": ""}'),
    });
  });

  it('never throws: any text gives a value or a reason', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            '{',
            '}',
            '[',
            ']',
            '(',
            ')',
            "'",
            '"',
            ':',
            ',',
            '\\',
            'a',
            '1',
            '.',
            'e',
            '-',
            ' ',
            'T',
            'N',
          ),
        }),
        (text) => {
          const read = parsePythonLiteral(text);
          expect(read.ok || read.reason.length > 0).toBe(true);
        },
      ),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(() => parsePythonLiteral(text)).not.toThrow();
      }),
    );
  });

  it('reads back any JSON value written in Python style', () => {
    const toPython = (v: unknown): string => {
      if (v === null) return 'None';
      if (v === true) return 'True';
      if (v === false) return 'False';
      if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
      if (typeof v === 'number') return String(v);
      if (Array.isArray(v)) return `[${v.map(toPython).join(', ')}]`;
      return `{${Object.entries(v as object)
        .map(([k, x]) => `${toPython(k)}: ${toPython(x)}`)
        .join(', ')}}`;
    };
    const json = fc
      .jsonValue({ maxDepth: 3 })
      .filter((v) => !JSON.stringify(v).includes('-0') && !JSON.stringify(v).includes('e'));
    fc.assert(
      fc.property(json, (value) => {
        expect(parsePythonLiteral(toPython(value))).toEqual({
          ok: true,
          value: JSON.parse(JSON.stringify(value)),
        });
      }),
    );
  });
});
